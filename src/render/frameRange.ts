/** An inclusive range of absolute frames, [first, last]. */
export interface FrameRange {
  first: number;
  last: number;
}

export function frameCount(r: FrameRange): number {
  return r.last - r.first + 1;
}

/**
 * Parses `--frames` text: "A-B" (inclusive) or "N" (one frame), checked
 * against a composition of `durationInFrames` frames. Throws a message that
 * says what is valid.
 */
export function parseFrameRange(text: string, durationInFrames: number, compositionId: string): FrameRange {
  const valid = `valid: "A-B" with 0 <= A <= B <= ${durationInFrames - 1} (composition "${compositionId}" has ${durationInFrames} frames), or one frame number`;
  const m = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(text);
  if (!m) throw new Error(`--frames "${text}" is not a frame range; ${valid}.`);
  const first = Number(m[1]);
  const last = m[2] === undefined ? first : Number(m[2]);
  return checkFrameRange({ first, last }, durationInFrames, compositionId, `--frames "${text}"`);
}

/** Checks a range against the composition length; `label` names it in the error. */
export function checkFrameRange(
  r: FrameRange,
  durationInFrames: number,
  compositionId: string,
  label = 'frame range',
): FrameRange {
  const valid = `valid: 0 <= first <= last <= ${durationInFrames - 1} (composition "${compositionId}" has ${durationInFrames} frames)`;
  if (!Number.isInteger(r.first) || !Number.isInteger(r.last))
    throw new Error(`${label}: frames must be whole numbers; ${valid}.`);
  if (r.first > r.last) throw new Error(`${label}: first frame ${r.first} is after last frame ${r.last}; ${valid}.`);
  if (r.first < 0 || r.last > durationInFrames - 1) throw new Error(`${label} is outside the composition; ${valid}.`);
  return r;
}

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
