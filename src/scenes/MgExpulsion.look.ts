/**
 * What an editor may change in the Mg2+ expulsion scene (studio Look panel).
 * Defaults are the scene's built-in look; src/scenes/MgExpulsion.look.json
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
import { MG } from '../components/units';
import { SCREEN_TEXT } from '../story/screenText';
import savedFile from './MgExpulsion.look.json';

export const mgExpulsionLook = defineSceneLook({
  sceneId: 'mg-expulsion',
  file: 'src/scenes/MgExpulsion.look.json',
  schema: z.object({
    kicker: labelText(SCREEN_TEXT['mg-expulsion'].kicker, 'Kicker'),
    title: labelText(SCREEN_TEXT['mg-expulsion'].title, 'Title'),
    overlayFadeFrames: overlayFadeFrames(),
    overlayFadeOutFrames: overlayFadeOutFrames(),
    receptorLabel: labelText('NMDA receptor', 'Receptor label'),
    receptorColour: paletteColour('nmda', 'Receptor label colour'),
    ionLabel: labelText(`${MG} ion`, 'Ion label'),
    ionColour: paletteColour('magnesium', 'Ion label colour'),
    ...cameraFramingFields(),
  }),
  savedFile,
});
