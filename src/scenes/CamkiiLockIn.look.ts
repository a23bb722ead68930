/**
 * What an editor may change in the CaMKII scene (studio Look panel). Defaults
 * are the scene's built-in look; src/scenes/CamkiiLockIn.look.json holds the
 * editor's changes.
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
import savedFile from './CamkiiLockIn.look.json';

export const camkiiLockInLook = defineSceneLook({
  sceneId: 'camkii-lock-in',
  file: 'src/scenes/CamkiiLockIn.look.json',
  schema: z.object({
    kicker: labelText(SCREEN_TEXT['camkii-lock-in'].kicker, 'Kicker'),
    title: labelText(SCREEN_TEXT['camkii-lock-in'].title, 'Title'),
    overlayFadeFrames: overlayFadeFrames(),
    overlayFadeOutFrames: overlayFadeOutFrames(),
    holoenzymeLabel: labelText('CaMKII', 'Holoenzyme label'),
    holoenzymeColour: paletteColour('camkiiLit', 'Holoenzyme label colour'),
    ...cameraFramingFields(),
  }),
  savedFile,
});
