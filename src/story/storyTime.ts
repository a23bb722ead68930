/**
 * Story-time maps: how each scene turns video frames into physical
 * (simulated) time. Each scene has ONE declared speed factor and one anchor,
 * so that its key event lands exactly on its narration bookmark:
 *
 *   physicalMs(frame) = anchorMs + (frame - bookmarkFrame) / fps * 1000 * factor
 *
 * `factor` is physical milliseconds per video millisecond: 1/1000 is slow
 * motion (1 ms of biology takes 1 s of video), 600 is fast forward (10 min a
 * second). Pure: no React, no DOM.
 */
import type { SceneId } from '../script/sceneIds';
import type { SceneSpan, Timeline } from '../timeline/types';
import type { SpineTrace } from '../sim/types';
import { KEY_EVENTS, keyEventMs } from './keyEvents';

export interface SceneTimeMap {
  /** Physical ms per video ms (> 0). Below 1 is slow motion, above 1 fast forward. */
  factor: number;
  /** Bookmark whose frame the anchor time is pinned to. */
  bookmark: string;
  /**
   * What fixes the clock: the scene's key event found in the trace pinned to the bookmark (see
   * keyEvents.ts); a fixed time (ms) pinned to the bookmark; or `continue`: the scene starts at the
   * physical time the previous scene's clock reaches at the cut, so time never jumps at that cut.
   */
  anchor: { kind: 'key-event' } | { kind: 'fixed'; ms: number; description: string } | { kind: 'continue' };
}

const MINUTE_MS = 60_000;

/**
 * The declared time maps, one per scene. Chosen so that physical time only moves forward across
 * every cut (test/story checks it): the baseline, then the first train from its first spike to
 * the seconds after it, the minutes after it, then hours.
 */
export const SCENE_TIME_MAPS: Record<SceneId, SceneTimeMap> = {
  // The baseline, in real time, between the two baseline test pulses (-60 s, -30 s) of the explainer protocol.
  intro: {
    factor: 1,
    bookmark: 'bigger',
    anchor: { kind: 'fixed', ms: -45_000, description: '45 s before the first train (baseline)' },
  },
  // Cleft glutamate lasts ~1 ms (decay tau 1.2 ms, Clements 1992): 1 ms of biology per second of video.
  'glutamate-release': { factor: 1 / 1000, bookmark: 'release', anchor: { kind: 'key-event' } },
  // Depolarisation summing over the first spikes of the first train: tens of ms; slow enough that the
  // scene starts after the glutamate scene's last millisecond.
  'mg-expulsion': { factor: 1 / 150, bookmark: 'mg-out', anchor: { kind: 'key-event' } },
  // The rest of the first 1 s train and the Ca2+ transient's fall, in ~5 s of video.
  'calcium-surge': { factor: 1 / 4, bookmark: 'floods', anchor: { kind: 'continue' } },
  // Real time: pT286 outlasts the Ca2+ pulse by seconds, and the clock shows the seconds pass.
  'camkii-lock-in': { factor: 1, bookmark: 'falls', anchor: { kind: 'continue' } },
  // Receptor trapping over the first minute after the first train.
  'ampa-insertion': { factor: 6, bookmark: 'traps', anchor: { kind: 'key-event' } },
  // Spine enlargement (sLTP) over the next minutes.
  'spine-growth': { factor: 30, bookmark: 'grows', anchor: { kind: 'continue' } },
  // Hours: from minutes after the first train to past 8 h after the last (the outro chart's span).
  outro: { factor: 2800, bookmark: 'late', anchor: { kind: 'continue' } },
};

/** A scene's clock on a given timeline and trace. */
export interface SceneClock {
  sceneId: SceneId;
  factor: number;
  /** Physical time pinned to the bookmark frame, ms. */
  anchorMs: number;
  /** Absolute frame of the bookmark. */
  bookmarkFrame: number;
  fps: number;
  /** Physical time, ms, at absolute frame `frame` (fractional frames allowed). */
  physicalMs(frame: number): number;
  /** Absolute (fractional) frame at which physical time `tMs` is shown. */
  frameAt(tMs: number): number;
}

/** Physical time at `frame` for a map pinned at (`bookmarkFrame`, `anchorMs`), ms. */
export function physicalMsAtFrame(
  frame: number,
  fps: number,
  bookmarkFrame: number,
  anchorMs: number,
  factor: number,
): number {
  return anchorMs + ((frame - bookmarkFrame) / fps) * 1000 * factor;
}

/**
 * Builds the clock of `span` (a scene on the timeline) against `trace`. `previous` is the clock of the
 * scene before it, needed by a `continue` anchor (throws naming the scene when it is missing).
 */
export function sceneClock(span: SceneSpan, fps: number, trace: SpineTrace, previous?: SceneClock): SceneClock {
  const map = SCENE_TIME_MAPS[span.id];
  const bookmarkFrame = span.bookmarkFrames[map.bookmark];
  if (bookmarkFrame === undefined) {
    throw new Error(
      `Scene "${span.id}": the timeline has no bookmark "${map.bookmark}" (has: ${Object.keys(span.bookmarkFrames).join(', ') || 'none'}). ` +
        `Add {…|${map.bookmark}} to the scene in captions/narration.script.md, or change SCENE_TIME_MAPS in src/story/storyTime.ts.`,
    );
  }
  if (!(map.factor > 0)) throw new Error(`Scene "${span.id}": time factor must be > 0, got ${map.factor}.`);
  const { factor } = map;
  let anchorMs: number;
  if (map.anchor.kind === 'key-event') anchorMs = keyEventMs(span.id, trace);
  else if (map.anchor.kind === 'fixed') anchorMs = map.anchor.ms;
  else {
    if (!previous)
      throw new Error(
        `Scene "${span.id}": its clock continues the previous scene's, but it has none (first scene?). Give it a key-event or fixed anchor in src/story/storyTime.ts.`,
      );
    const startMs = previous.physicalMs(span.startFrame);
    anchorMs = physicalMsAtFrame(bookmarkFrame, fps, span.startFrame, startMs, factor);
  }
  return {
    sceneId: span.id,
    factor,
    anchorMs,
    bookmarkFrame,
    fps,
    physicalMs: (frame) => physicalMsAtFrame(frame, fps, bookmarkFrame, anchorMs, factor),
    frameAt: (tMs) => bookmarkFrame + ((tMs - anchorMs) / (1000 * factor)) * fps,
  };
}

/** Clocks for every scene of `timeline`, by id. */
export function sceneClocks(timeline: Timeline, trace: SpineTrace): Record<SceneId, SceneClock> {
  const out = {} as Record<SceneId, SceneClock>;
  let previous: SceneClock | undefined;
  for (const span of timeline.scenes) {
    previous = sceneClock(span, timeline.fps, trace, previous);
    out[span.id] = previous;
  }
  return out;
}

/**
 * True when scene `index` of `timeline` starts at an earlier physical time than the scene before it
 * shows at the cut: the clock jumps back, and the on-screen clock must say "replay".
 */
export function isReplay(timeline: Timeline, clocks: Record<SceneId, SceneClock>, index: number): boolean {
  const span = timeline.scenes[index];
  const prev = timeline.scenes[index - 1];
  if (!span || !prev) return false;
  return clocks[span.id].physicalMs(span.startFrame) < clocks[prev.id].physicalMs(span.startFrame) - 1e-9;
}

/** True when the scene pins a key event of the trace (checked by test/story). */
export function hasKeyEvent(sceneId: SceneId): boolean {
  return SCENE_TIME_MAPS[sceneId].anchor.kind === 'key-event' && KEY_EVENTS[sceneId] !== undefined;
}

/** "12.4 ms", "3.2 s", "12.5 min", "2.1 h": physical time for the on-screen clock. Minus sign is U+2212. */
export function formatPhysicalTime(tMs: number): string {
  const sign = tMs < 0 ? '\u2212' : '';
  const a = Math.abs(tMs);
  if (a < 1000) return `${sign}${a.toFixed(a < 100 ? 2 : 1)} ms`;
  if (a < MINUTE_MS) return `${sign}${(a / 1000).toFixed(2)} s`;
  if (a < 60 * MINUTE_MS) return `${sign}${(a / MINUTE_MS).toFixed(1)} min`;
  return `${sign}${(a / (60 * MINUTE_MS)).toFixed(2)} h`;
}

/** Thousands separators; one shared formatter (toLocaleString builds a new one per call, ~0.2 ms, every frame). */
const GROUPED_INTEGER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** "1/1000 speed", "real time", "600×": the speed factor for the on-screen clock. */
export function formatSpeedFactor(factor: number): string {
  if (Math.abs(factor - 1) < 1e-9) return 'real time';
  if (factor < 1) return `1/${GROUPED_INTEGER.format(Math.round(1 / factor))} speed`;
  return `${GROUPED_INTEGER.format(Math.round(factor))}\u00d7 speed`;
}
