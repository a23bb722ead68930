export {
  checkFrameRange,
  formatFrameRange,
  frameCount,
  parseFrameRange,
  type FrameRange,
  type FrameRangeBounds,
} from '../engine/frameRange';
