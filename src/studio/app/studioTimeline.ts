import type { Caption } from '@remotion/captions';
import { createTikTokStyleCaptions } from '@remotion/captions';

/**
 * What the studio timeline draws for a composition. The narration's Timeline
 * (src/timeline/types.ts) is one of these; test compositions build their own.
 * Frames are absolute, at `fps`.
 */
export interface StudioTimeline {
  fps: number;
  totalFrames: number;
  scenes: { id: string; startFrame: number; durationFrames: number; bookmarkFrames: Record<string, number> }[];
  /** Word captions, ms from the start of the video. */
  captions: Caption[];
  /** The subtitle cues as the video shows them (src/captions buildCues), ms; when absent the words are paged for display. */
  cues?: { startMs: number; endMs: number; lines: string[] }[];
}

/** A caption cue on the timeline, in frames. */
export interface CueBlock {
  text: string;
  startFrame: number;
  endFrame: number;
}

/** A bookmark marker: the scene it belongs to, its name and absolute frame. */
export interface BookmarkMarker {
  sceneId: string;
  name: string;
  frame: number;
}

/** The scene whose span holds `frame`, or null (between scenes, or no timeline): src/timeline's one definition. */
export { sceneAtFrame } from '../../timeline/buildTimeline';

/**
 * The caption cues to draw: the video's own cues when the timeline carries
 * them, else the words paged by @remotion/captions (words closer than
 * `combineMs` share a cue; a pause of 0.7 s or more starts a new one).
 */
export function captionCues(timeline: StudioTimeline, combineMs = 1200): CueBlock[] {
  const toFrame = (ms: number) => Math.round((ms / 1000) * timeline.fps);
  if (timeline.cues) {
    return timeline.cues.map((c) => ({
      text: c.lines.join(' '),
      startFrame: toFrame(c.startMs),
      endFrame: Math.max(toFrame(c.startMs) + 1, toFrame(c.endMs)),
    }));
  }
  if (timeline.captions.length === 0) return [];
  const { pages } = createTikTokStyleCaptions({
    captions: timeline.captions,
    combineTokensWithinMilliseconds: combineMs,
    breakOnSilenceAfterMilliseconds: 700,
  });
  return pages.map((p) => ({
    text: p.text.trim(),
    startFrame: toFrame(p.startMs),
    endFrame: Math.max(toFrame(p.startMs) + 1, toFrame(p.startMs + p.durationMs)),
  }));
}

/** Every bookmark of every scene, in frame order. */
export function bookmarkMarkers(timeline: StudioTimeline): BookmarkMarker[] {
  return timeline.scenes
    .flatMap((s) => Object.entries(s.bookmarkFrames).map(([name, frame]) => ({ sceneId: s.id, name, frame })))
    .sort((a, b) => a.frame - b.frame);
}
