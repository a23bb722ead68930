import type { Caption } from '@remotion/captions';
import type { SceneId } from '../script/sceneIds';

/** One subtitle cue: what is on screen from startMs to endMs (video time). */
export interface CaptionCue {
  /** 1-based position. */
  index: number;
  sceneId: SceneId;
  startMs: number;
  endMs: number;
  /** Display lines (1 or 2). */
  lines: string[];
  /** The cue's words with their spoken times (video ms), text trimmed; for highlighting the active word. */
  words: Caption[];
}
