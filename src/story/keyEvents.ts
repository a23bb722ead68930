/**
 * The key on-screen event of each scene, found in the simulation trace: the
 * physical time (ms) at which it happens and the narration bookmark it must
 * land on. Pure: no React, no DOM.
 */
import type { SceneId } from '../script/sceneIds';
import type { SpineState, SpineTrace } from '../sim/types';
import { inductionTrains } from './induction';
import { DEFAULT_CONDITIONS, jahrStevensUnblockedFraction } from '../sim';

/** One key event: a threshold crossing of one trace field, searched from `fromMs`. */
export interface KeyEvent {
  /** Bookmark (cue word) the event lands on, from REQUIRED_BOOKMARKS. */
  bookmark: string;
  /** What happens, for errors and the studio ("Mg2+ unblock crosses 0.5"). */
  description: string;
  /** Threshold for `field` on this trace (absolute value in the field's unit). */
  threshold(trace: SpineTrace): number;
  /** The trace field that crosses the threshold (upwards). */
  field: NumericField;
  /** Search from this physical time, ms (0 = first induction spike; baseline test pulses come earlier). */
  fromMs: number;
}

export type NumericField = Exclude<keyof SpineState, never> &
  {
    [K in keyof SpineState]: SpineState[K] extends number ? K : never;
  }[keyof SpineState];

/** Value of a field half-way between its value at `fromMs` and its largest value in [fromMs, toMs], sampled every `stepMs`. */
export function halfRiseThreshold(
  trace: SpineTrace,
  field: NumericField,
  fromMs: number,
  toMs: number,
  stepMs: number,
): number {
  const base = trace.sample(fromMs)[field];
  let peak = base;
  const end = Math.min(toMs, trace.endMs);
  for (let t = fromMs; t <= end; t += stepMs) peak = Math.max(peak, trace.sample(t)[field]);
  if (!(peak > base)) {
    throw new Error(
      `keyEvents: ${String(field)} never rises above its value at ${fromMs} ms (${base}); the trace has no event to anchor on.`,
    );
  }
  return base + 0.5 * (peak - base);
}

/**
 * Fraction of NMDA pores free of Mg2+ at which the narration says depolarisation "drives it out":
 * half. Relief is graded (Jahr & Stevens 1990, J Neurosci 10:3178: B = 0.5 near −20 mV at 1 mM Mg2+),
 * so the word lands where most of the block is gone, not at the seed article's "about −40 mV" (B 0.23).
 */
export const MG_FREE_FRACTION_AT_BOOKMARK = 0.5;

/** Membrane potential at which half the NMDA pores are free of Mg2+ (B = 0.5), mV, for [Mg2+]o in mM (bisection on B). */
export function halfUnblockMv(mgOutMilliM: number): number {
  let lo = -120;
  let hi = 60;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (jahrStevensUnblockedFraction(mid, mgOutMilliM) >= MG_FREE_FRACTION_AT_BOOKMARK) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * Depolarisation at which the framed NMDA pore is drawn losing its Mg2+ ion, mV: where B = 0.5 at
 * the default 1 mM Mg2+ (−20.5 mV), so the ion leaves on the bookmark word ("drives it out").
 */
export const MG_EXPULSION_MV = halfUnblockMv(DEFAULT_CONDITIONS.mgOutMilliM);

/** Upper end of the window in which a first-train event is searched, ms: the second train, or 10 min. */
export function firstTrainWindowEndMs(trace: SpineTrace): number {
  const trains = inductionTrains(trace.protocol);
  return trains[1]?.startMs ?? trains[0]!.startMs + 10 * 60_000;
}

/**
 * Key events, one per scene whose clock is pinned on one. All are events of the FIRST train (the
 * millisecond-to-minute scenes show it): glutamate passes 0.1 mM at its first spike; the
 * Jahr-Stevens unblocked fraction passes 0.5; the synaptic AMPA receptor count reaches half of
 * its rise before the second train. The other scenes continue the previous scene's clock (see
 * storyTime.ts), and what their words claim is checked at their bookmarks in src/story/claims.ts.
 */
export const KEY_EVENTS: Partial<Record<SceneId, KeyEvent>> = {
  'glutamate-release': {
    bookmark: 'release',
    description: 'cleft glutamate passes 0.1 mM after the first induction spike',
    field: 'glutamateMilliM',
    threshold: () => 0.1,
    fromMs: 0,
  },
  'mg-expulsion': {
    bookmark: 'mg-out',
    description: 'half of the NMDA pores are free of Mg2+ (Jahr-Stevens B(V) passes 0.5)',
    field: 'mgUnblockedFraction',
    threshold: () => MG_FREE_FRACTION_AT_BOOKMARK,
    fromMs: 0,
  },
  'ampa-insertion': {
    bookmark: 'traps',
    description: 'synaptic AMPA receptor count reaches half its rise after the first train',
    field: 'ampaReceptorCount',
    threshold: (trace) => halfRiseThreshold(trace, 'ampaReceptorCount', 0, firstTrainWindowEndMs(trace), 250),
    fromMs: 0,
  },
};

/** Physical time (ms) of a scene's key event in `trace`; throws naming the scene when the trace never gets there. */
export function keyEventMs(sceneId: SceneId, trace: SpineTrace): number {
  const event = KEY_EVENTS[sceneId];
  if (!event) throw new Error(`keyEventMs: scene "${sceneId}" has no key event.`);
  const threshold = event.threshold(trace);
  const reached = (s: SpineState) => s[event.field] >= threshold;
  const t = trace.findTime(reached, event.fromMs);
  if (t === null) {
    throw new Error(
      `Scene "${sceneId}": ${event.description} never happens in the trace (${String(event.field)} stays below ${threshold} after ${event.fromMs} ms). ` +
        'Check the simulation protocol or the threshold in src/story/keyEvents.ts.',
    );
  }
  return refineCrossing((tMs) => reached(trace.sample(tMs)), Math.max(event.fromMs, trace.startMs), t);
}

/**
 * findTime() works on the stored samples, which may be seconds apart late in
 * a run; the frames show interpolated sample(). Step back from `foundMs` until
 * the predicate fails, then bisect to the first time (±1 µs) at which it holds
 * on sample(), so the event is pinned where the viewer sees it.
 */
export function refineCrossing(holds: (tMs: number) => boolean, fromMs: number, foundMs: number): number {
  if (!holds(foundMs) || foundMs <= fromMs) return foundMs;
  let hi = foundMs;
  let step = 1e-3;
  let lo = Math.max(fromMs, hi - step);
  while (holds(lo) && lo > fromMs) {
    hi = lo;
    step *= 2;
    lo = Math.max(fromMs, hi - step);
  }
  if (holds(lo)) return lo;
  while (hi - lo > 1e-3) {
    const mid = (lo + hi) / 2;
    if (holds(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}
