import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { palette } from '../../src/components/palette';
import { FADE_FRAMES } from '../../src/components/crossFade';
import {
  framingOf,
  LookFileError,
  lookOverrides,
  overlayFadeOf,
  parseLookFile,
  type LookSchema,
  type SceneLook,
} from '../../src/components/sceneLook';
import { CA, MG } from '../../src/components/units';
import { SCENE_IDS } from '../../src/script/sceneIds';
import { mgExpulsionLook } from '../../src/scenes/MgExpulsion.look';
import { outroLook } from '../../src/scenes/Outro.look';
import { SCENE_LOOKS, sceneStageLooks } from '../../src/scenes/looks';
import { REVEAL_LEAD_FRAMES } from '../../src/story/filmQuantities';
import { SCREEN_TEXT } from '../../src/story/screenText';
import { lookControls } from '../../src/studio/app/lookControls';

const REPO = join(import.meta.dirname, '..', '..');
const camera = { cameraZoom: 1, cameraOrbitDeg: 0 };

/**
 * Each scene's look as it was built into the scene before the look file existed (the literals the
 * scenes drew with): the defaults must be exactly these, so the frames do not change.
 */
const BUILT_IN: Record<string, Record<string, unknown>> = {
  intro: {
    kicker: SCREEN_TEXT.intro.kicker,
    title: SCREEN_TEXT.intro.title,
    afterLabel: SCREEN_TEXT.intro.labels.after,
    afterFadeFrames: REVEAL_LEAD_FRAMES,
    boutonLabel: 'axon terminal (sender)',
    boutonColour: 'bouton',
    spineLabel: 'dendritic spine (receiver)',
    spineColour: 'membrane',
    dendriteLabel: 'dendrite',
    dendriteColour: 'membrane',
    overlayFadeOutFrames: FADE_FRAMES,
    ...camera,
  },
  'glutamate-release': {
    kicker: SCREEN_TEXT['glutamate-release'].kicker,
    title: SCREEN_TEXT['glutamate-release'].title,
    overlayFadeFrames: FADE_FRAMES,
    overlayFadeOutFrames: FADE_FRAMES,
    glutamateLabel: 'glutamate',
    glutamateColour: 'glutamate',
    receptorLabel: 'AMPA receptors',
    receptorColour: 'ampa',
    vesicleLabel: 'vesicle',
    vesicleColour: 'vesicle',
    cardHeading: SCREEN_TEXT['glutamate-release'].labels.ampaOpen,
    cardAccentColour: 'ampa',
    ...camera,
  },
  'mg-expulsion': {
    kicker: SCREEN_TEXT['mg-expulsion'].kicker,
    title: SCREEN_TEXT['mg-expulsion'].title,
    overlayFadeFrames: FADE_FRAMES,
    overlayFadeOutFrames: FADE_FRAMES,
    receptorLabel: 'NMDA receptor',
    receptorColour: 'nmda',
    ionLabel: `${MG} ion`,
    ionColour: 'magnesium',
    ...camera,
  },
  'calcium-surge': {
    kicker: SCREEN_TEXT['calcium-surge'].kicker,
    title: SCREEN_TEXT['calcium-surge'].title,
    overlayFadeFrames: FADE_FRAMES,
    overlayFadeOutFrames: FADE_FRAMES,
    ionLabel: `${CA} ions`,
    ionColour: 'calcium',
    receptorLabel: 'NMDA receptors',
    receptorColour: 'nmda',
    ...camera,
  },
  'camkii-lock-in': {
    kicker: SCREEN_TEXT['camkii-lock-in'].kicker,
    title: SCREEN_TEXT['camkii-lock-in'].title,
    overlayFadeFrames: FADE_FRAMES,
    overlayFadeOutFrames: FADE_FRAMES,
    holoenzymeLabel: 'CaMKII',
    holoenzymeColour: 'camkiiLit',
    ...camera,
  },
  'ampa-insertion': {
    kicker: SCREEN_TEXT['ampa-insertion'].kicker,
    title: SCREEN_TEXT['ampa-insertion'].title,
    overlayFadeFrames: FADE_FRAMES,
    overlayFadeOutFrames: FADE_FRAMES,
    receptorLabel: 'newest AMPA receptor',
    receptorColour: 'ampa',
    ...camera,
  },
  'spine-growth': {
    kicker: SCREEN_TEXT['spine-growth'].kicker,
    title: SCREEN_TEXT['spine-growth'].title,
    overlayFadeFrames: FADE_FRAMES,
    overlayFadeOutFrames: FADE_FRAMES,
    outlineLabel: 'before',
    nowLabel: SCREEN_TEXT['spine-growth'].labels.now,
    lastingLabel: SCREEN_TEXT['spine-growth'].labels.lasting,
    lastingFadeFrames: REVEAL_LEAD_FRAMES,
    ...camera,
  },
  outro: {
    kicker: SCREEN_TEXT.outro.kicker,
    title: SCREEN_TEXT.outro.title,
    overlayFadeFrames: FADE_FRAMES,
    cardHeading: 'Two phases of LTP',
    accentColour: 'calcium',
    lateFadeFrames: REVEAL_LEAD_FRAMES,
    lateLtpLabel: SCREEN_TEXT.outro.labels.lateLtp,
    anisomycinLabel: SCREEN_TEXT.outro.labels.anisomycin,
    oneTrainLabel: SCREEN_TEXT.outro.labels.oneTrain,
    ltdHeading: SCREEN_TEXT.outro.labels.ltdHeading,
    ltdFadeFrames: REVEAL_LEAD_FRAMES,
    ...camera,
  },
};

/** A value each kind of control must refuse, with the message part that says why. */
function badValue(look: SceneLook<LookSchema>, key: string): { value: unknown; why: RegExp } {
  const c = lookControls(look.schema).find((x) => x.key === key)!;
  if (c.kind === 'text') return { value: '   ', why: /must not be empty/ };
  if (c.kind === 'number') return { value: (c.max ?? 0) + 1, why: /<=|too big/i };
  return { value: 'pink', why: /Invalid option/ };
}

const looks = Object.values(SCENE_LOOKS);

describe('scene looks', () => {
  it('exist for every scene, one <Scene>.look.ts beside each scene with its .look.json', async () => {
    expect(Object.keys(SCENE_LOOKS).sort()).toEqual([...SCENE_IDS].sort());
    const modules = import.meta.glob<Record<string, SceneLook<LookSchema>>>('../../src/scenes/*.look.ts');
    const files = readdirSync(join(REPO, 'src', 'scenes')).filter((f) => f.endsWith('.look.ts'));
    expect(files).toHaveLength(SCENE_IDS.length);
    for (const f of files) {
      const look = Object.values(await modules[`../../src/scenes/${f}`]!())[0]!;
      expect(SCENE_LOOKS[look.sceneId]).toBe(look);
      const scene = f.replace(/\.look\.ts$/, '');
      expect(look.file).toBe(`src/scenes/${scene}.look.json`);
      expect(existsSync(join(REPO, 'src', 'scenes', `${scene}.tsx`))).toBe(true);
      expect(existsSync(join(REPO, look.file))).toBe(true);
    }
  });

  it.each(looks.map((l) => [l.sceneId, l] as const))(
    "%s: defaults are the scene's built-in look, so frames do not change",
    (id, look) => {
      expect(look.schema.parse({})).toEqual(BUILT_IN[id]);
    },
  );

  it.each(looks.map((l) => [l.sceneId, l] as const))(
    '%s: a look file with a bad field fails naming the file and the field',
    (_id, look) => {
      for (const key of Object.keys(look.schema.shape)) {
        const { value, why } = badValue(look, key);
        const load = () => parseLookFile(look.schema, { [key]: value }, look.file);
        expect(load).toThrow(LookFileError);
        const file = look.file.replace(/[.]/g, '\\.');
        expect(load).toThrow(new RegExp(`^${file}: field "${key}": `));
        expect(load).toThrow(why);
      }
      expect(() => parseLookFile(look.schema, { cameraZom: 1.2 }, look.file)).toThrow(
        /field "cameraZom": unknown field; this scene's look has kicker, title, /,
      );
    },
  );

  it('bound the camera framing: zoom 0.6-1.6, orbit -40..40 degrees', () => {
    for (const look of looks) {
      const c = lookControls(look.schema);
      expect(c.find((x) => x.key === 'cameraZoom')).toMatchObject({ kind: 'number', min: 0.6, max: 1.6, step: 0.05 });
      expect(c.find((x) => x.key === 'cameraOrbitDeg')).toMatchObject({ kind: 'number', min: -40, max: 40, step: 1 });
      expect(() => parseLookFile(look.schema, { cameraZoom: 0.5 }, look.file)).toThrow(/field "cameraZoom"/);
      expect(() => parseLookFile(look.schema, { cameraOrbitDeg: -41 }, look.file)).toThrow(/field "cameraOrbitDeg"/);
    }
  });

  it("give the composition each scene's framing and overlay fade, the studio's preview first", () => {
    const saved = sceneStageLooks({});
    for (const id of SCENE_IDS) {
      expect(saved.framings[id]).toEqual({ zoom: 1, orbitDeg: 0 });
      expect(saved.overlayFades[id]).toEqual({ inFrames: FADE_FRAMES, outFrames: FADE_FRAMES });
    }
    const preview = {
      ...mgExpulsionLook.saved,
      cameraZoom: 1.3,
      cameraOrbitDeg: -20,
      overlayFadeFrames: 20,
      overlayFadeOutFrames: 4,
    };
    const previewed = sceneStageLooks({ 'mg-expulsion': preview });
    expect(previewed.framings['mg-expulsion']).toEqual({ zoom: 1.3, orbitDeg: -20 });
    expect(previewed.overlayFades['mg-expulsion']).toEqual({ inFrames: 20, outFrames: 4 });
    expect(previewed.framings['calcium-surge']).toEqual({ zoom: 1, orbitDeg: 0 });
    expect(framingOf({})).toEqual({ zoom: 1, orbitDeg: 0 });
    expect(overlayFadeOf({})).toEqual({ inFrames: FADE_FRAMES, outFrames: FADE_FRAMES });
  });

  it('store only what differs from the defaults', () => {
    const look = parseLookFile(mgExpulsionLook.schema, { title: 'AND gate', cameraZoom: 1.25 }, 'f.json');
    expect(lookOverrides(mgExpulsionLook.schema, look)).toEqual({ title: 'AND gate', cameraZoom: 1.25 });
  });

  it('give the studio one control per field, of the right kind', () => {
    const controls = lookControls(outroLook.schema);
    expect(controls.map((c) => [c.key, c.kind])).toEqual([
      ['kicker', 'text'],
      ['title', 'text'],
      ['overlayFadeFrames', 'number'],
      ['cardHeading', 'text'],
      ['accentColour', 'palette'],
      ['lateFadeFrames', 'number'],
      ['lateLtpLabel', 'text'],
      ['anisomycinLabel', 'text'],
      ['oneTrainLabel', 'text'],
      ['ltdHeading', 'text'],
      ['ltdFadeFrames', 'number'],
      ['cameraZoom', 'number'],
      ['cameraOrbitDeg', 'number'],
    ]);
    expect(controls[5]).toMatchObject({
      min: 1,
      max: 60,
      step: 1,
      label: 'Fade-in of the late phase, ending on "late" (frames)',
    });
    const swatches = controls[4]!.kind === 'palette' ? controls[4]!.options : [];
    expect(swatches.find((o) => o.name === 'calcium')?.hex).toBe(palette.calcium);
  });
});
