/**
 * The key on-screen event of each scene, found in the simulation trace: the
 * physical time (ms) at which it happens and the narration bookmark it must
 * land on. Pure: no React, no DOM.
 */
import type { SceneId } from '../script/sceneIds';
import type { SpineState, SpineTrace } from '../sim/types';
import { jahrStevensUnblockedFraction } from '../sim';

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
 * Depolarisation at which the NMDA pore is drawn losing its Mg2+ ion, mV:
 * "roughly −40 mV or more" (seed article). The tetanus in the model peaks near
 * −38 mV, where B(V) is only ~0.25, so B never reaches 0.5; the event is B
 * passing its value at −40 mV (equivalently Vm passing −40 mV).
 */
export const MG_EXPULSION_MV = -40;

/**
 * Key events, one per scene that has one. Thresholds: Mg2+ leaves the pore when
 * the Jahr-Stevens unblocked fraction passes B(−40 mV, [Mg]o) (see above);
 * Ca2+ "floods" when free spine Ca2+ passes 1 µM (rest 50-100 nM, seed
 * article); the other events are half-way rises of their field after induction.
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
    bookmark: 'pops-out',
    description: 'Mg2+ unblocked fraction B(V) passes its value at −40 mV',
    field: 'mgUnblockedFraction',
    threshold: (trace) => jahrStevensUnblockedFraction(MG_EXPULSION_MV, trace.conditions.mgOutMilliM),
    fromMs: 0,
  },
  'calcium-surge': {
    bookmark: 'floods',
    description: 'free spine Ca2+ passes 1 µM',
    field: 'spineCaMicroM',
    threshold: () => 1,
    fromMs: 0,
  },
  'camkii-lock-in': {
    bookmark: 'lock',
    description: 'CaMKII pT286 fraction reaches half its peak (in the first minute)',
    field: 'camkiiPT286Fraction',
    threshold: (trace) => halfRiseThreshold(trace, 'camkiiPT286Fraction', 0, 60_000, 5),
    fromMs: 0,
  },
  'ampa-insertion': {
    bookmark: 'insert',
    description: 'synaptic AMPA receptor count reaches half its rise (peak within 1 h)',
    field: 'ampaReceptorCount',
    threshold: (trace) => halfRiseThreshold(trace, 'ampaReceptorCount', 0, 3_600_000, 500),
    fromMs: 0,
  },
  'spine-growth': {
    bookmark: 'grows',
    description: 'spine head volume reaches half its rise (peak within 1 h)',
    field: 'spineHeadVolumeUm3',
    threshold: (trace) => halfRiseThreshold(trace, 'spineHeadVolumeUm3', 0, 3_600_000, 500),
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
