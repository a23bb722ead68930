/**
 * What an editor may change in the intro (studio Look panel). Defaults are the
 * scene's built-in look; src/scenes/Intro.look.json holds the editor's changes.
 */
import { z } from 'zod';
import {
  cameraFramingFields,
  defineSceneLook,
  frameCount,
  labelText,
  overlayFadeOutFrames,
  paletteColour,
} from '../components/sceneLook';
import { REVEAL_LEAD_FRAMES } from '../story/filmQuantities';
import { SCREEN_TEXT } from '../story/screenText';
import savedFile from './Intro.look.json';

export const introLook = defineSceneLook({
  sceneId: 'intro',
  file: 'src/scenes/Intro.look.json',
  schema: z.object({
    kicker: labelText(SCREEN_TEXT.intro.kicker, 'Kicker'),
    title: labelText(SCREEN_TEXT.intro.title, 'Title'),
    afterLabel: labelText(SCREEN_TEXT.intro.labels.after!, 'Label of the later response'),
    afterFadeFrames: frameCount(REVEAL_LEAD_FRAMES, 'Fade-in of the later response, ending on "bigger" (frames)', 60),
    boutonLabel: labelText('axon terminal (sender)', 'Axon terminal label'),
    boutonColour: paletteColour('bouton', 'Axon terminal label colour'),
    spineLabel: labelText('dendritic spine (receiver)', 'Spine label'),
    spineColour: paletteColour('membrane', 'Spine label colour'),
    dendriteLabel: labelText('dendrite', 'Dendrite label'),
    dendriteColour: paletteColour('membrane', 'Dendrite label colour'),
    overlayFadeOutFrames: overlayFadeOutFrames(),
    ...cameraFramingFields(),
  }),
  savedFile,
});
