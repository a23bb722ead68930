/**
 * What an editor may change in the AMPA-receptor scene (studio Look panel).
 * Defaults are the scene's built-in look; src/scenes/AmpaInsertion.look.json
 * holds the editor's changes.
 */
import { z } from 'zod';
import {
  cameraFramingFields,
  defineSceneLook,
  labelText,
  overlayFadeFrames,
  overlayFadeOutFrames,
  paletteColour,
} from '../components/sceneLook';
import { SCREEN_TEXT } from '../story/screenText';
import savedFile from './AmpaInsertion.look.json';

export const ampaInsertionLook = defineSceneLook({
  sceneId: 'ampa-insertion',
  file: 'src/scenes/AmpaInsertion.look.json',
  schema: z.object({
    kicker: labelText(SCREEN_TEXT['ampa-insertion'].kicker, 'Kicker'),
    title: labelText(SCREEN_TEXT['ampa-insertion'].title, 'Title'),
    overlayFadeFrames: overlayFadeFrames(),
    overlayFadeOutFrames: overlayFadeOutFrames(),
    receptorLabel: labelText('newest AMPA receptor', 'Receptor label'),
    receptorColour: paletteColour('ampa', 'Receptor label colour'),
    ...cameraFramingFields(),
  }),
  savedFile,
});
