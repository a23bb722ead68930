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
   * Physical time pinned to the bookmark: the scene's key event found in the
   * trace (see keyEvents.ts), or a fixed time (ms) for scenes without one.
   */
  anchor: { kind: 'key-event' } | { kind: 'fixed'; ms: number; description: string };
}

const MINUTE_MS = 60_000;

/** The declared time maps, one per scene. */
export const SCENE_TIME_MAPS: Record<SceneId, SceneTimeMap> = {
  // The baseline, in real time, between the two baseline test pulses (-60 s, -30 s) of the explainer protocol.
  intro: {
    factor: 1,
    bookmark: 'bigger',
    anchor: { kind: 'fixed', ms: -45_000, description: '45 s before the tetanus (baseline)' },
  },
  // Cleft glutamate lasts ~1 ms (decay tau 1.2 ms, Clements 1992): 1 ms of biology per second of video.
  'glutamate-release': { factor: 1 / 1000, bookmark: 'release', anchor: { kind: 'key-event' } },
  // Depolarisation summing over the first spikes of the 100 Hz tetanus: tens of ms.
  'mg-expulsion': { factor: 1 / 100, bookmark: 'pops-out', anchor: { kind: 'key-event' } },
  // The whole 1 s tetanus and the Ca2+ transient's fall in ~5 s of video.
  'calcium-surge': { factor: 1 / 4, bookmark: 'floods', anchor: { kind: 'key-event' } },
  // T286 phosphorylation builds during the tetanus and outlasts the Ca2+ pulse (seconds).
  'camkii-lock-in': { factor: 1 / 4, bookmark: 'lock', anchor: { kind: 'key-event' } },
  // Receptor insertion over minutes.
  'ampa-insertion': { factor: 60, bookmark: 'insert', anchor: { kind: 'key-event' } },
  // Spine enlargement (sLTP) over the first minute.
  'spine-growth': { factor: 30, bookmark: 'grows', anchor: { kind: 'key-event' } },
  // Early LTP over hours: an hour a second, at 3 h (end of early LTP, seed article) on "late".
  outro: {
    factor: 3600,
    bookmark: 'late',
    anchor: { kind: 'fixed', ms: 180 * MINUTE_MS, description: '3 h after the tetanus' },
  },
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

/** Builds the clock of `span` (a scene on the timeline) against `trace`. */
export function sceneClock(span: SceneSpan, fps: number, trace: SpineTrace): SceneClock {
  const map = SCENE_TIME_MAPS[span.id];
  const bookmarkFrame = span.bookmarkFrames[map.bookmark];
  if (bookmarkFrame === undefined) {
    throw new Error(
      `Scene "${span.id}": the timeline has no bookmark "${map.bookmark}" (has: ${Object.keys(span.bookmarkFrames).join(', ') || 'none'}). ` +
        `Add {…|${map.bookmark}} to the scene in captions/narration.script.md, or change SCENE_TIME_MAPS in src/story/storyTime.ts.`,
    );
  }
  if (!(map.factor > 0)) throw new Error(`Scene "${span.id}": time factor must be > 0, got ${map.factor}.`);
  const anchorMs = map.anchor.kind === 'key-event' ? keyEventMs(span.id, trace) : map.anchor.ms;
  const { factor } = map;
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
  for (const span of timeline.scenes) out[span.id] = sceneClock(span, timeline.fps, trace);
  return out;
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
