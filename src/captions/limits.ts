/**
 * Caption style limits (shared/DESIGN.md "Captions", from the BBC Subtitle
 * Guidelines and the Netflix Timed Text Style Guide).
 */
export interface CaptionLimits {
  maxLines: number;
  maxCharsPerLine: number;
  /** Reading speed, characters per second (line breaks count as one space). */
  maxCharsPerSecond: number;
  minDurationMs: number;
  maxDurationMs: number;
  /** Gaps between consecutive cues are 0 or at least this long (Netflix: 2 frames; 66.7 ms at 30 fps). */
  minGapMs: number;
}

export const CAPTION_LIMITS: CaptionLimits = {
  maxLines: 2,
  maxCharsPerLine: 42,
  maxCharsPerSecond: 20,
  minDurationMs: 830,
  maxDurationMs: 7000,
  minGapMs: 2000 / 30,
};
