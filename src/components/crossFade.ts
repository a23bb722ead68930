/**
 * Scene transitions: each scene's overlay (titles, labels, cards) fades out
 * over its last FADE_FRAMES and the next one fades in over its first
 * FADE_FRAMES, so two scenes' text never sits on top of each other. The shared
 * 3D stage keeps moving underneath (the camera eases across the boundary) and
 * dips briefly at the boundary, where its physical clock switches from one
 * scene's to the next's.
 */
import { interpolate } from '../engine';
import type { Timeline } from '../timeline/types';

/** Frames of each half of a transition (fade-out, then fade-in). */
export const FADE_FRAMES = 8;

/** Frames a scene's overlay is drawn: exactly its span on the timeline. */
export function overlayWindow(timeline: Timeline, index: number): { from: number; durationFrames: number } {
  const span = timeline.scenes[index]!;
  return { from: span.startFrame, durationFrames: span.durationFrames };
}

/**
 * Overlay opacity of scene `index` at absolute `frame`, 0..1 (the first scene starts and the last ends at full
 * opacity). The fade-in lasts `fadeInFrames` from the cut, the fade-out `fadeOutFrames` up to the next cut (the
 * scene's look may change both): one overlay has gone before the next appears, so the two never overlap.
 */
export function overlayOpacity(
  timeline: Timeline,
  index: number,
  frame: number,
  fadeInFrames = FADE_FRAMES,
  fadeOutFrames = FADE_FRAMES,
): number {
  const span = timeline.scenes[index]!;
  const end = span.startFrame + span.durationFrames;
  if (frame < span.startFrame || frame >= end) return 0;
  const fadeIn = index === 0 ? 1 : interpolate(frame - span.startFrame + 1, [0, fadeInFrames], [0, 1]);
  const fadeOut = index === timeline.scenes.length - 1 ? 1 : interpolate(end - frame, [0, fadeOutFrames], [0, 1]);
  return Math.min(fadeIn, fadeOut);
}

/** Darkening 0..0.6 of the 3D stage around scene boundaries (hides the clock switch). */
export function stageDip(timeline: Timeline, frame: number): number {
  let dip = 0;
  for (const s of timeline.scenes.slice(1)) {
    const d = Math.abs(frame + 0.5 - s.startFrame) / FADE_FRAMES;
    if (d < 1) dip = Math.max(dip, 0.6 * (1 - d * d));
  }
  return dip;
}
