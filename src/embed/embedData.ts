import { explainerTimeline, sceneTitle } from '../story/narration';
import type { Timeline } from '../timeline/types';
import type { SceneId } from '../script/sceneIds';
import type { Chapter } from './sceneSteps';
import { transcriptLines, type CueLike, type TranscriptLine } from './transcriptLines';

/** Chapters (one per scene) of a timeline, titled from the script. */
export function chaptersOf(timeline: Timeline, title: (id: SceneId) => string = sceneTitle): Chapter[] {
  return timeline.scenes.map((s) => ({
    id: s.id,
    title: title(s.id),
    startFrame: s.startFrame,
    durationFrames: s.durationFrames,
  }));
}

/** What the embed shows besides the picture: chapters and the clickable transcript. */
export interface EmbedData {
  chapters: Chapter[];
  lines: TranscriptLine[];
}

/** Builds the player's chapters and transcript lines from a timeline and its caption cues. */
export function embedDataFor(timeline: Timeline, cues: readonly CueLike[]): EmbedData {
  const chapters = chaptersOf(timeline);
  return {
    chapters,
    lines: transcriptLines(
      cues,
      timeline.fps,
      chapters.map((c) => c.startFrame),
    ),
  };
}

export { explainerTimeline };
