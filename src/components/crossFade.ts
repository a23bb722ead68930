/**
 * Scene transitions: each scene's overlay is drawn CROSS_FADE_FRAMES / 2
 * before its start and after its end and cross-fades with its neighbour
 * around the boundary; the shared 3D stage dips briefly at the boundary
 * (where its physical clock switches from one scene's to the next's).
 */
import type { Timeline } from '../timeline/types';

export const CROSS_FADE_FRAMES = 16;

/** Frames a scene's overlay is drawn: [from, from + durationFrames), clipped to the video. */
export function overlayWindow(timeline: Timeline, index: number): { from: number; durationFrames: number } {
  const span = timeline.scenes[index]!;
  const half = CROSS_FADE_FRAMES / 2;
  const from = index === 0 ? span.startFrame : span.startFrame - half;
  const end = index === timeline.scenes.length - 1 ? timeline.totalFrames : Math.min(timeline.totalFrames, span.startFrame + span.durationFrames + half);
  return { from, durationFrames: end - from };
}

/** Overlay opacity of scene `index` at absolute `frame`, 0..1 (linear cross-fade; the sum over two neighbours is 1). */
export function overlayOpacity(timeline: Timeline, index: number, frame: number): number {
  const span = timeline.scenes[index]!;
  const half = CROSS_FADE_FRAMES / 2;
  const fadeIn = index === 0 ? 1 : (frame - (span.startFrame - half)) / CROSS_FADE_FRAMES;
  const end = span.startFrame + span.durationFrames;
  const fadeOut = index === timeline.scenes.length - 1 ? 1 : (end + half - frame) / CROSS_FADE_FRAMES;
  return Math.min(1, Math.max(0, Math.min(fadeIn, fadeOut)));
}

/** Darkening 0..0.6 of the 3D stage around scene boundaries (hides the clock switch). */
export function stageDip(timeline: Timeline, frame: number): number {
  let dip = 0;
  for (const s of timeline.scenes.slice(1)) {
    const d = Math.abs(frame + 0.5 - s.startFrame) / (CROSS_FADE_FRAMES / 2);
    if (d < 1) dip = Math.max(dip, 0.6 * (1 - d * d));
  }
  return dip;
}
