/** One line of the clickable transcript: a caption cue with the frame it starts on. */
export interface TranscriptLine {
  text: string;
  /** Cue start, ms from the start of the video. */
  startMs: number;
  endMs: number;
  /** Frame the player seeks to when the line is clicked: the cue's first frame (ceil, so the cue is on screen there). */
  startFrame: number;
  /** Scene the cue belongs to (the chapter it starts in), for grouping. */
  chapterIndex: number;
}

export interface CueLike {
  text: string;
  startMs: number;
  endMs: number;
}

/** Cues -> transcript lines at `fps`, with each line's chapter (chapters' start frames, ascending). */
export function transcriptLines(
  cues: readonly CueLike[],
  fps: number,
  chapterStartFrames: readonly number[],
): TranscriptLine[] {
  return cues.map((cue) => {
    const startFrame = Math.max(0, Math.ceil((cue.startMs * fps) / 1000 - 1e-6));
    let chapterIndex = 0;
    chapterStartFrames.forEach((f, k) => {
      if (f <= startFrame) chapterIndex = k;
    });
    return {
      text: cue.text.replace(/\s*\n\s*/g, ' ').trim(),
      startMs: cue.startMs,
      endMs: cue.endMs,
      startFrame,
      chapterIndex,
    };
  });
}

/** Index of the line being spoken at `frame` (last line started at or before it), or -1 before the first. */
export function activeLineIndex(lines: readonly TranscriptLine[], frame: number): number {
  let found = -1;
  lines.forEach((l, k) => {
    if (l.startFrame <= frame) found = k;
  });
  return found;
}
