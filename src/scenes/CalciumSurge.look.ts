/**
 * What an editor may change in the Ca2+ surge scene (studio Look panel).
 * Defaults are the scene's built-in look; src/scenes/CalciumSurge.look.json
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
import { CA } from '../components/units';
import { SCREEN_TEXT } from '../story/screenText';
import savedFile from './CalciumSurge.look.json';

export const calciumSurgeLook = defineSceneLook({
  sceneId: 'calcium-surge',
  file: 'src/scenes/CalciumSurge.look.json',
  schema: z.object({
    kicker: labelText(SCREEN_TEXT['calcium-surge'].kicker, 'Kicker'),
    title: labelText(SCREEN_TEXT['calcium-surge'].title, 'Title'),
    overlayFadeFrames: overlayFadeFrames(),
    overlayFadeOutFrames: overlayFadeOutFrames(),
    ionLabel: labelText(`${CA} ions`, 'Ion label'),
    ionColour: paletteColour('calcium', 'Ion label colour'),
    receptorLabel: labelText('NMDA receptors', 'Receptor label'),
    receptorColour: paletteColour('nmda', 'Receptor label colour'),
    ...cameraFramingFields(),
  }),
  savedFile,
});
