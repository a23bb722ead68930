/**
 * The engine's capture entry: what the renderer (src/render and its page,
 * src/render/page) drives, kept apart from the scene API in ./index.ts so
 * scene authors see only what scenes use. The page mounts compositions with
 * `createCaptureDriver`; Node lays out filmstrips (several consecutive frames
 * in one screenshot) with the same functions the page uses.
 */
export { createCaptureDriver, loadDeclaredFonts, type CaptureDriver } from './captureDriver';
export {
  filmstripGroups,
  filmstripLayout,
  singleFrameLayout,
  tileLeft,
  JPEG_BLOCK_PX,
  MAX_FRAMES_PER_SHOT,
  type FilmstripLayout,
} from './filmstrip';
