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
  // One frame a screenshot: here the draw (~240 ms of CPU a frame) dwarfs the
  // screenshot a filmstrip saves, so 3 frames a shot gave the same speed
  // (4.8-5.4 against 4.8-5.3 fps, alternating runs) for 0.36 GiB more PSS
  // (1.53 against 1.16-1.17 GiB peak): every tile is a 1080p 2D canvas, triple
  // buffered in shared memory, and the page's raster tiles grow with its width.
  framesPerShot: 1,
};

export const benchMetas: readonly CompositionMeta[] = [bench2dMeta, bench3dMeta];
