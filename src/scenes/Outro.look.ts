/**
 * What an editor may change in the outro (studio Look panel). Defaults are the
 * scene's built-in look; src/scenes/Outro.look.json holds the editor's changes.
 */
import { z } from 'zod';
import { defineSceneLook, frameCount, labelText, paletteColour } from '../components/sceneLook';
import { REVEAL_LEAD_FRAMES } from '../story/filmQuantities';
import { SCREEN_TEXT } from '../story/screenText';
import savedFile from './Outro.look.json';

export const outroLook = defineSceneLook({
  sceneId: 'outro',
  file: 'src/scenes/Outro.look.json',
  schema: z.object({
    kicker: labelText(SCREEN_TEXT.outro.kicker, 'Kicker'),
    title: labelText(SCREEN_TEXT.outro.title, 'Title'),
    cardHeading: labelText('Two phases of LTP', 'Card heading'),
    accentColour: paletteColour('calcium', 'Card accent colour'),
    lateFadeFrames: frameCount(REVEAL_LEAD_FRAMES, 'Fade-in of the late phase, ending on "late" (frames)', 60),
  }),
  savedFile,
});
