/**
 * Every fixed word on screen, by scene: chapter kicker and title, card headings, labels. The scenes
 * read their text from here and src/story/claims.ts lists each with what makes it true, so
 * docs/claims.md covers the screen as well as the narration. Numbers are not here: they are read
 * from the trace (see filmQuantities.ts).
 */
import type { SceneId } from '../script/sceneIds';

export interface SceneScreenText {
  kicker: string;
  title: string;
  /** Other fixed labels and card headings of the scene, by key. */
  labels: Record<string, string>;
}

export const SCREEN_TEXT: Record<SceneId, SceneScreenText> = {
  intro: {
    kicker: 'Long-term potentiation',
    title: 'A synapse that learns',
    labels: { after: '1 h after the last train' },
  },
  'glutamate-release': {
    kicker: '1 · Glutamate release',
    title: 'A signal crosses the cleft',
    labels: { ampaOpen: 'AMPA receptors open' },
  },
  'mg-expulsion': {
    kicker: '2 · The Mg²⁺ block',
    title: 'A coincidence detector',
    labels: {},
  },
  'calcium-surge': {
    kicker: '3 · Ca²⁺ surge',
    title: 'Calcium floods the spine',
    labels: {},
  },
  'camkii-lock-in': {
    kicker: '4 · CaMKII',
    title: 'Active for seconds after Ca²⁺ falls',
    labels: {},
  },
  'ampa-insertion': {
    kicker: '5 · AMPA receptors',
    title: 'More receptors trapped in the synapse',
    labels: {},
  },
  'spine-growth': {
    kicker: '6 · Spine growth',
    title: 'A bigger, stronger synapse',
    labels: {
      now: 'now (incl. short-term boost)',
      lasting: '1 h after the last train',
    },
  },
  outro: {
    kicker: 'Early and late LTP',
    title: 'What lasts needs new protein',
    labels: {
      lateLtp: '3 trains',
      anisomycin: '3 trains + anisomycin',
      oneTrain: '1 train',
      ltdHeading: 'LTD: a small, slow Ca²⁺ rise',
    },
  },
};
