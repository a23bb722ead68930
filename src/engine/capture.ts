/**
 * The engine's capture entry for Node: how the renderer (src/render) lays out
 * filmstrips (several consecutive frames in one screenshot), with the same
 * functions the page uses; kept apart from the scene API in ./index.ts so
 * scene authors see only what scenes use. React-free on purpose: the page's
 * side, `createCaptureDriver`, lives in ./captureDriver and only the page
 * (src/render/page) imports it, so a render's Node process does not load
 * React, react-dom and three (~27 MiB RSS, 8 MiB of heap; issue #19).
 */
export {
  filmstripGroups,
  filmstripLayout,
  singleFrameLayout,
  tileLeft,
  JPEG_BLOCK_PX,
  MAX_FRAMES_PER_SHOT,
  type FilmstripLayout,
} from './filmstrip';
