/**
 * The frame runtime scenes are written against. A frame is a pure function
 * of its number: read it with `useCurrentFrame()`, place things in time with
 * `<Sequence>`, shape motion with `interpolate`, `ease` and `spring`, and draw
 * 3D with `<ThreeCanvas>`, which renders once per frame and tells the
 * renderer when it is done. What the renderer drives is in ./capture.ts.
 */
export * as ease from 'd3-ease';
export {
  defineComposition,
  compositionMeta,
  type Composition,
  type AnyComposition,
  type CompositionMeta,
  type CompositionAudio,
} from './composition';
export { useCurrentFrame, useAbsoluteFrame, useSequence, useVideoConfig, type SequenceScope } from './frameContext';
export { Sequence, type SequenceProps } from './Sequence';
export { interpolate, type InterpolateOptions, type EasingFn } from './interpolate';
export { spring, DEFAULT_SPRING, type SpringConfig, type SpringInput } from './spring';
export { RenderReadiness, useRenderHold, useRenderReadiness } from './renderReadiness';
export { ThreeCanvas, type ThreeCanvasProps } from './ThreeCanvas';
export {
  CompositionFrame,
  describeFrameError,
  toFrameError,
  type FrameError,
  type CompositionFrameProps,
} from './CompositionFrame';
// Capture internals (the capture driver, filmstrip layout) have their own entry: ./capture.ts.
