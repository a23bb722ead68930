import type { CompositionMeta } from '../../engine/composition';

/**
 * The two benchmark compositions of issue #19, React-free (Node reads it).
 * They exist to compare this renderer with others (Remotion 4) on the same
 * work, so they follow the specification to the letter; they are not
 * part of the published video set (src/publish names its ids explicitly).
 */
const base = { width: 1920, height: 1080, fps: 30, audio: null } as const;

export const bench2dMeta: CompositionMeta = {
  ...base,
  id: 'bench-2d',
  durationInFrames: 1800,
  posterFrame: 450,
  description: 'Benchmark (issue #19): an SVG layer of 36 moving shapes, 4 dashed curves and text, no 3D.',
};

export const bench3dMeta: CompositionMeta = {
  ...base,
  id: 'bench-3d',
  durationInFrames: 300,
  posterFrame: 150,
  description: 'Benchmark (issue #19): the bench-2d layer over a full-frame three.js scene of 300 lit meshes.',
};

export const benchMetas: readonly CompositionMeta[] = [bench2dMeta, bench3dMeta];
