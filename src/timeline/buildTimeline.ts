/**
 * Voice timings -> video timeline: scene start frames and lengths from the
 * narration audio plus breathing room, absolute bookmark frames, and every
 * word caption moved to video time. Pure.
 */
import type { Caption } from '@remotion/captions';
import { SCENE_IDS } from '../script/sceneIds';
import type { SceneSpan, Timeline, VoiceTimings } from './types';

export interface TimelineOptions {
  /** Silence before each scene's narration, ms (festival adds ~200 ms of its own). Default 150. */
  leadInMs?: number;
  /** Silence after each scene's narration before the cut, ms. Default 250. */
  tailMs?: number;
  /** Extra silence before the first scene's narration, ms (the title settles). Default 250. */
  videoLeadInMs?: number;
  /** Extra time after the last scene's narration, ms (end card). Default 900. */
  videoTailMs?: number;
  /** Longest allowed video, ms (DESIGN.md: at most 60.0 s). Default 60000. */
  maxTotalMs?: number;
}

export const DEFAULT_TIMELINE_OPTIONS: Required<TimelineOptions> = {
  leadInMs: 150,
  tailMs: 250,
  videoLeadInMs: 250,
  videoTailMs: 900,
  maxTotalMs: 60_000,
};

/** Thrown when the narration plus padding runs past maxTotalMs; names the overrun and the longest scenes. */
export class TimelineOverrunError extends Error {
  readonly overrunMs: number;
  readonly longestScenes: { id: string; durationMs: number }[];
  constructor(totalMs: number, maxMs: number, scenes: { id: string; durationMs: number }[]) {
    const longest = [...scenes].sort((a, b) => b.durationMs - a.durationMs).slice(0, 3);
    super(
      `the video is ${(totalMs / 1000).toFixed(2)} s, ${((totalMs - maxMs) / 1000).toFixed(2)} s over the ${(maxMs / 1000).toFixed(1)} s limit. ` +
        `Longest scenes: ${longest.map((s) => `${s.id} ${(s.durationMs / 1000).toFixed(2)} s`).join(', ')}. ` +
        'Shorten their narration in captions/narration.script.md and run `npm run voiceover`.',
    );
    this.name = 'TimelineOverrunError';
    this.overrunMs = totalMs - maxMs;
    this.longestScenes = longest;
  }
}

/** ms -> whole frames, rounding up so the audio always fits inside its frames. */
const framesCeil = (ms: number, fps: number): number => Math.ceil((ms * fps) / 1000 - 1e-9);
const framesRound = (ms: number, fps: number): number => Math.round((ms * fps) / 1000);

/**
 * Places each scene's narration on the video timeline.
 *
 * Scene i spans [startFrame, startFrame + durationFrames): lead-in, then its audio
 * (audioStartFrame, rounded up to whole frames), then the tail. Bookmark frames are
 * absolute (the frame nearest the bookmarked word's start). Captions are moved to
 * video ms (audioStartFrame / fps + word ms), rounded to whole ms, keeping the
 * @remotion/captions convention that each word but the first has a leading space.
 *
 * @param timings captions/timings.json content (scenes in SCENE_IDS order)
 * @param fps composition frames per second (> 0)
 * @throws TimelineOverrunError when the total exceeds maxTotalMs; Error on malformed timings
 */
export function buildTimeline(timings: VoiceTimings, fps: number, options: TimelineOptions = {}): Timeline {
  const o = { ...DEFAULT_TIMELINE_OPTIONS, ...options };
  if (!(fps > 0)) throw new Error(`buildTimeline: fps must be > 0, got ${fps}`);
  const ids = timings.scenes.map((s) => s.id);
  if (ids.join() !== SCENE_IDS.join()) {
    throw new Error(
      `buildTimeline: timings list scenes [${ids.join(', ')}], expected [${SCENE_IDS.join(', ')}]; run \`npm run voiceover\``,
    );
  }
  const scenes: SceneSpan[] = [];
  const captions: Caption[] = [];
  let cursor = 0;
  timings.scenes.forEach((s, i) => {
    const first = i === 0;
    const last = i === timings.scenes.length - 1;
    if (!(s.audioDurationMs > 0))
      throw new Error(`buildTimeline: scene ${s.id} has audioDurationMs ${s.audioDurationMs}; it must be > 0`);
    const leadFrames = framesRound(o.leadInMs + (first ? o.videoLeadInMs : 0), fps);
    const audioFrames = framesCeil(s.audioDurationMs, fps);
    const tailFrames = framesRound(o.tailMs + (last ? o.videoTailMs : 0), fps);
    const startFrame = cursor;
    const audioStartFrame = startFrame + leadFrames;
    const durationFrames = leadFrames + audioFrames + tailFrames;
    const audioStartMs = (audioStartFrame * 1000) / fps;
    const bookmarkFrames: Record<string, number> = {};
    for (const [name, ms] of Object.entries(s.bookmarksMs)) {
      if (!(ms >= 0 && ms <= s.audioDurationMs)) {
        throw new Error(
          `buildTimeline: bookmark "${name}" of scene ${s.id} is at ${ms} ms, outside its ${s.audioDurationMs} ms of audio`,
        );
      }
      bookmarkFrames[name] = audioStartFrame + framesRound(ms, fps);
    }
    scenes.push({ id: s.id, startFrame, durationFrames, audioStartFrame, bookmarkFrames });
    for (const w of s.words) {
      const text = w.text.trim();
      captions.push({
        ...w,
        text: captions.length === 0 ? text : ` ${text}`,
        startMs: Math.round(audioStartMs + w.startMs),
        endMs: Math.round(audioStartMs + w.endMs),
        timestampMs: w.timestampMs === null ? null : Math.round(audioStartMs + w.timestampMs),
      });
    }
    cursor += durationFrames;
  });
  const totalFrames = cursor;
  const totalMs = (totalFrames * 1000) / fps;
  if (totalMs > o.maxTotalMs + 1e-6) {
    throw new TimelineOverrunError(
      totalMs,
      o.maxTotalMs,
      scenes.map((s) => ({ id: s.id, durationMs: (s.durationFrames * 1000) / fps })),
    );
  }
  return { fps, totalFrames, scenes, captions };
}

/** Where a scene sits on a timeline, in absolute frames (a SceneSpan, or the studio's own timelines' scenes). */
export interface FrameSpan {
  startFrame: number;
  durationFrames: number;
}

/** The scene whose span holds absolute `frame`, or null (before, between or after the scenes, or no timeline). */
export function sceneAtFrame<S extends FrameSpan>(timeline: { scenes: readonly S[] } | null, frame: number): S | null {
  return timeline?.scenes.find((s) => frame >= s.startFrame && frame < s.startFrame + s.durationFrames) ?? null;
}
