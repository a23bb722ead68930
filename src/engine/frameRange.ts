/**
 * The one frame range: an inclusive span of a composition's absolute frames,
 * as the render CLI's --frames, the renderer's workers, the studio's in/out
 * points and the player's loop all use it. Pure (Node and browser).
 */

/** An inclusive range of absolute frames, [first, last]. */
export interface FrameRange {
  first: number;
  last: number;
}

/** The composition a range is checked against: its length, and its id for messages (a CompositionMeta will do). */
export interface FrameRangeBounds {
  id: string;
  durationInFrames: number;
}

export function frameCount(r: FrameRange): number {
  return r.last - r.first + 1;
}

/**
 * Parses `--frames` text: "A-B" (inclusive) or "N" (one frame), checked
 * against `bounds` when given. Throws a message that says what is valid.
 */
export function parseFrameRange(text: string, bounds?: FrameRangeBounds): FrameRange {
  const m = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(text);
  if (!m) throw new Error(`--frames "${text}" is not a frame range; ${validRanges(bounds, true)}.`);
  const first = Number(m[1]);
  const last = m[2] === undefined ? first : Number(m[2]);
  return checkFrameRange({ first, last }, bounds, `--frames "${text}"`);
}

/** Checks a range (whole numbers, first <= last, inside `bounds` when given); `label` names it in the error. */
export function checkFrameRange(r: FrameRange, bounds?: FrameRangeBounds, label = 'frame range'): FrameRange {
  const valid = validRanges(bounds, false);
  if (!Number.isInteger(r.first) || !Number.isInteger(r.last))
    throw new Error(`${label}: frames must be whole numbers; ${valid}.`);
  if (r.first > r.last) throw new Error(`${label}: first frame ${r.first} is after last frame ${r.last}; ${valid}.`);
  if (r.first < 0 || (bounds && r.last > bounds.durationInFrames - 1))
    throw new Error(`${label} is outside the composition; ${valid}.`);
  return r;
}

/** "A-B", the way --frames reads it. */
export function formatFrameRange(r: FrameRange): string {
  return `${r.first}-${r.last}`;
}

function validRanges(bounds: FrameRangeBounds | undefined, asText: boolean): string {
  const last = bounds ? ` <= ${bounds.durationInFrames - 1}` : '';
  const range = asText ? `"A-B" with 0 <= A <= B${last}` : `0 <= first <= last${last}`;
  const composition = bounds ? ` (composition "${bounds.id}" has ${bounds.durationInFrames} frames)` : '';
  return `valid: ${range}${composition}${asText ? ', or one frame number' : ''}`;
}
