/**
 * Scene-by-scene stepping for the article-page player ("press play, or step
 * through manually"). Pure: frames in, frames out.
 */

/** One scene as the player shows it. */
export interface Chapter {
  id: string;
  title: string;
  /** First frame of the scene (absolute). */
  startFrame: number;
  durationFrames: number;
}

/** Index of the chapter showing at `frame` (the last one starting at or before it; 0 before the first). */
export function chapterIndexAt(chapters: readonly Chapter[], frame: number): number {
  let found = 0;
  chapters.forEach((c, k) => {
    if (c.startFrame <= frame) found = k;
  });
  return found;
}

/** Start frame of the next scene, or null on the last scene. */
export function nextChapterFrame(chapters: readonly Chapter[], frame: number): number | null {
  const next = chapters[chapterIndexAt(chapters, frame) + 1];
  return next ? next.startFrame : null;
}

/**
 * Where "previous scene" goes, as on a media player: back to the start of
 * the current scene when more than `restartThresholdFrames` into it,
 * otherwise to the start of the scene before (frame 0 on the first scene).
 */
export function previousChapterFrame(chapters: readonly Chapter[], frame: number, restartThresholdFrames = 15): number {
  const k = chapterIndexAt(chapters, frame);
  const current = chapters[k];
  if (!current) return 0;
  if (frame - current.startFrame > restartThresholdFrames) return current.startFrame;
  return chapters[k - 1]?.startFrame ?? 0;
}
