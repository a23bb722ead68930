import { frameCount, type FrameRange } from '../engine/frameRange';

export {
  checkFrameRange,
  formatFrameRange,
  frameCount,
  parseFrameRange,
  type FrameRange,
  type FrameRangeBounds,
} from '../engine/frameRange';

/**
 * Splits a range into at most `parts` contiguous, nearly equal pieces in
 * order (never an empty piece), one per capture worker.
 */
export function splitFrameRange(r: FrameRange, parts: number): FrameRange[] {
  const n = frameCount(r);
  const k = Math.max(1, Math.min(parts, n));
  const out: FrameRange[] = [];
  let first = r.first;
  for (let i = 0; i < k; i++) {
    const size = Math.floor(n / k) + (i < n % k ? 1 : 0);
    out.push({ first, last: first + size - 1 });
    first += size;
  }
  return out;
}
