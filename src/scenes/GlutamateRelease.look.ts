/**
 * What an editor may change in the glutamate-release scene (studio Look panel).
 * Defaults are the scene's built-in look; src/scenes/GlutamateRelease.look.json
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
import savedFile from './GlutamateRelease.look.json';

const text = SCREEN_TEXT['glutamate-release'];

export const glutamateReleaseLook = defineSceneLook({
  sceneId: 'glutamate-release',
  file: 'src/scenes/GlutamateRelease.look.json',
  schema: z.object({
    kicker: labelText(text.kicker, 'Kicker'),
    title: labelText(text.title, 'Title'),
    overlayFadeFrames: overlayFadeFrames(),
    overlayFadeOutFrames: overlayFadeOutFrames(),
    glutamateLabel: labelText('glutamate', 'Glutamate label'),
    glutamateColour: paletteColour('glutamate', 'Glutamate label colour'),
    receptorLabel: labelText('AMPA receptors', 'Receptor label'),
    receptorColour: paletteColour('ampa', 'Receptor label colour'),
    vesicleLabel: labelText('vesicle', 'Vesicle label'),
    vesicleColour: paletteColour('vesicle', 'Vesicle label colour'),
    cardHeading: labelText(text.labels.ampaOpen!, 'Card heading'),
    cardAccentColour: paletteColour('ampa', 'Card accent colour'),
    ...cameraFramingFields(),
  }),
  savedFile,
});
