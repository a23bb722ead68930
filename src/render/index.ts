/**
 * Programmatic render API (Node): what `npm run render`, `npm run still`,
 * render:all and the bench call.
 */
export {
  renderVideo,
  type RenderVideoOptions,
  type RenderResult,
  type RenderProgress,
  type RenderStage,
  type RenderStageTimes,
} from './renderVideo';
export { renderStill, type RenderStillOptions, type RenderStillResult } from './renderStill';
export { type FrameRange, parseFrameRange, frameCount } from './frameRange';
export { type FrameRangeInput, resolveComposition } from './renderOptions';
export { formatProgress, createProgressLine } from './progressLine';
export { findSystemTools, MissingToolError } from './systemTools';
export { bundleRenderPage } from './bundle';
export { captureFrames, type CapturedFrame } from './captureFrames';
