import { defineComposition } from '../../engine';
import { registerBenchFont } from './benchFont';
import { bench2dMeta } from './benchMeta';
import { BenchLayer2d } from './BenchLayer2d';

if (typeof FontFace !== 'undefined') registerBenchFont();

/** bench-2d (issue #19): the SVG layer alone, with its gradient fully opaque. */
function Bench2d() {
  return <BenchLayer2d backgroundOpacity={1} />;
}

export const bench2dComposition = defineComposition({ ...bench2dMeta, component: Bench2d, defaultProps: {} });
