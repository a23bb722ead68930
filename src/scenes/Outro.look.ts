/**
 * What an editor may change in the outro (studio Look panel). Defaults are the
 * scene's built-in look; src/scenes/Outro.look.json holds the editor's changes.
 */
import { z } from 'zod';
import { defineSceneLook, frameCount, labelText, paletteColour } from '../components/sceneLook';
import savedFile from './Outro.look.json';

export const outroLook = defineSceneLook({
  sceneId: 'outro',
  file: 'src/scenes/Outro.look.json',
  schema: z.object({
    kicker: labelText('Early and late LTP', 'Kicker'),
    title: labelText('From minutes to a memory', 'Title'),
    cardHeading: labelText('Two phases of LTP', 'Card heading'),
    accentColour: paletteColour('calcium', 'Card accent colour'),
    lateFadeFrames: frameCount(10, 'Fade-in of the late phase on "late" (frames)', 60),
  }),
  savedFile,
});
