import type { CompositionMeta } from '../engine/composition';

/** The placeholder that proves the render chain: 60 s, 1080p, 30 fps, with a test tone. */
export const placeholderMeta: CompositionMeta = {
  id: 'placeholder',
  width: 1920,
  height: 1080,
  fps: 30,
  durationInFrames: 1800,
  audio: { kind: 'tone', frequencyHz: 440 },
  posterFrame: 450,
  description: 'Pipeline check: SVG, text and one three.js object moving with the frame, plus a test tone.',
  // Light 3D (one 640 px knot): 4 frames a shot measured faster than 3 (docs/render.md, "Where the time goes", 8).
  framesPerShot: 4,
};
