/**
 * What an editor may change in the spine-growth scene (studio Look panel).
 * Defaults are the scene's built-in look; src/scenes/SpineGrowth.look.json
 * holds the editor's changes.
 */
import { z } from 'zod';
import {
  cameraFramingFields,
  defineSceneLook,
  frameCount,
  labelText,
  overlayFadeFrames,
  overlayFadeOutFrames,
} from '../components/sceneLook';
import { REVEAL_LEAD_FRAMES } from '../story/filmQuantities';
import { SCREEN_TEXT } from '../story/screenText';
import savedFile from './SpineGrowth.look.json';

const text = SCREEN_TEXT['spine-growth'];

export const spineGrowthLook = defineSceneLook({
  sceneId: 'spine-growth',
  file: 'src/scenes/SpineGrowth.look.json',
  schema: z.object({
    kicker: labelText(text.kicker, 'Kicker'),
    title: labelText(text.title, 'Title'),
    overlayFadeFrames: overlayFadeFrames(),
    overlayFadeOutFrames: overlayFadeOutFrames(),
    outlineLabel: labelText('before', 'Label of the baseline outline'),
    nowLabel: labelText(text.labels.now!, 'Label of the response now'),
    lastingLabel: labelText(text.labels.lasting!, 'Label of what lasts'),
    lastingFadeFrames: frameCount(REVEAL_LEAD_FRAMES, 'Fade-in of what lasts, ending on "lasts" (frames)', 60),
    ...cameraFramingFields(),
  }),
  savedFile,
});
