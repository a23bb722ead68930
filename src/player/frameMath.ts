/**
 * Pure frame and time arithmetic shared by the studio and the article-page
 * player. Frames are 0-based integers in 0..durationInFrames-1; times are in
 * seconds unless the name says otherwise.
 */
import { parseFrameRange, type FrameRange } from '../engine/frameRange';

export { formatFrameRange, type FrameRange } from '../engine/frameRange';

/** Clamps `frame` (any number) to a whole frame inside 0..durationInFrames-1. */
export function clampFrame(frame: number, durationInFrames: number): number {
  if (!Number.isFinite(frame)) return 0;
  const last = Math.max(0, durationInFrames - 1);
  return Math.min(last, Math.max(0, Math.floor(frame + 1e-6)));
}

/** The frame on screen at `timeSec` seconds from the start (floor, so frame N covers [N/fps, (N+1)/fps)). */
export function timeToFrame(timeSec: number, fps: number): number {
  return Math.floor(timeSec * fps + 1e-6);
}

/** Start time of `frame`, in seconds. */
export function frameToTime(frame: number, fps: number): number {
  return frame / fps;
}

/**
 * Time code `MM:SS:FF` (minutes, seconds, frames within the second), as
 * editors read it; hours are added when the frame is an hour or more in.
 */
export function frameToTimecode(frame: number, fps: number): string {
  const f = Math.max(0, Math.floor(frame));
  const wholeFps = Math.max(1, Math.round(fps));
  const totalSeconds = Math.floor(f / wholeFps);
  const ff = f % wholeFps;
  const ss = totalSeconds % 60;
  const mm = Math.floor(totalSeconds / 60) % 60;
  const hh = Math.floor(totalSeconds / 3600);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${hh > 0 ? `${two(hh)}:` : ''}${two(mm)}:${two(ss)}:${two(ff)}`;
}

/**
 * Where a free-running clock says playback is: `anchorFrame` (fractional)
 * at `anchorMs`, moving at `rate` x real time (negative plays backwards).
 */
export function clockFrame(anchorFrame: number, anchorMs: number, nowMs: number, fps: number, rate: number): number {
  return anchorFrame + ((nowMs - anchorMs) / 1000) * fps * rate;
}

/** What playback does with a (fractional) frame the clock produced. */
export type PlayheadStep =
  | { kind: 'show'; frame: number }
  /** Ran past an end and loops: restart at `frame` (0 going forwards, the last frame going backwards). */
  | { kind: 'wrap'; frame: number }
  /** Ran past an end without loop: stop on `frame` (the last or the first frame). */
  | { kind: 'stop'; frame: number };

/** Decides what to show for clock position `frame` within `range` (inclusive frame numbers). */
export function advancePlayhead(frame: number, range: FrameRange, loop: boolean): PlayheadStep {
  const { first: from, last: to } = range;
  if (frame >= to + 1) return loop ? { kind: 'wrap', frame: from } : { kind: 'stop', frame: to };
  if (frame < from) return loop ? { kind: 'wrap', frame: to } : { kind: 'stop', frame: from };
  return { kind: 'show', frame: Math.floor(frame + 1e-6) };
}

/** "A-B" or "N" as the render CLI's --frames reads it (src/engine/frameRange.ts parseFrameRange); null when malformed or reversed. */
export function tryParseFrameRange(text: string): FrameRange | null {
  try {
    return parseFrameRange(text);
  } catch {
    return null;
  }
}

/** Largest uniform scale at which a `width` x `height` frame fits in a `boxWidth` x `boxHeight` box (0 for an empty box). */
export function fitScale(width: number, height: number, boxWidth: number, boxHeight: number): number {
  if (!(width > 0 && height > 0 && boxWidth > 0 && boxHeight > 0)) return 0;
  return Math.min(boxWidth / width, boxHeight / height);
}
