import { buildCues } from '../captions';
import { explainerTimeline } from '../story/narration';
import type { Timeline } from '../timeline/types';
import type { CueLike } from './transcriptLines';

/**
 * The subtitle cues of the narration (the same cues as the .vtt/.srt
 * sidecars and the burned-in captions), as transcript lines' text and times.
 */
export function narrationCues(timeline: Timeline = explainerTimeline): CueLike[] {
  return buildCues(timeline).map((c) => ({ text: c.lines.join(' '), startMs: c.startMs, endMs: c.endMs }));
}
