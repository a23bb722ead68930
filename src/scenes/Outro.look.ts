/**
 * What an editor may change in the outro (studio Look panel). Defaults are the
 * scene's built-in look; src/scenes/Outro.look.json holds the editor's changes.
 */
import { z } from 'zod';
import {
  cameraFramingFields,
  defineSceneLook,
  frameCount,
  labelText,
  overlayFadeFrames,
  paletteColour,
} from '../components/sceneLook';
import { REVEAL_LEAD_FRAMES } from '../story/filmQuantities';
import { SCREEN_TEXT } from '../story/screenText';
import savedFile from './Outro.look.json';

const text = SCREEN_TEXT.outro;

export const outroLook = defineSceneLook({
  sceneId: 'outro',
  file: 'src/scenes/Outro.look.json',
  schema: z.object({
    kicker: labelText(text.kicker, 'Kicker'),
    title: labelText(text.title, 'Title'),
    overlayFadeFrames: overlayFadeFrames(),
    cardHeading: labelText('Two phases of LTP', 'Card heading'),
    accentColour: paletteColour('calcium', 'Card accent colour'),
    lateFadeFrames: frameCount(REVEAL_LEAD_FRAMES, 'Fade-in of the late phase, ending on "late" (frames)', 60),
    lateLtpLabel: labelText(text.labels.lateLtp!, 'Chart label: three trains'),
    anisomycinLabel: labelText(text.labels.anisomycin!, 'Chart label: with anisomycin'),
    oneTrainLabel: labelText(text.labels.oneTrain!, 'Chart label: one train'),
    ltdHeading: labelText(text.labels.ltdHeading!, 'LTD card heading'),
    ltdFadeFrames: frameCount(REVEAL_LEAD_FRAMES, 'Fade-in of the LTD card, ending on "ltd" (frames)', 60),
    ...cameraFramingFields(),
  }),
  savedFile,
});
