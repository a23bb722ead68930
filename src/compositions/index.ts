import { bench2dComposition } from './bench/Bench2d';
import { bench3dComposition } from './bench/Bench3d';
import { explainerCompositions } from './Explainer';
import { placeholderComposition } from './Placeholder';
import { socialCardComposition } from './socialCard';

/** Every registered composition with its component (browser side: render page, studio, embed). */
export const compositions = [
  ...explainerCompositions,
  placeholderComposition,
  socialCardComposition,
  bench2dComposition,
  bench3dComposition,
];
