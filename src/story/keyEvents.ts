/**
 * The key on-screen event of each scene, found in the simulation trace: the
 * physical time (ms) at which it happens and the narration bookmark it must
 * land on. Pure: no React, no DOM.
 */
import type { SceneId } from './sceneIds';
import type { SpineState, SpineTrace } from '../sim/types';

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

/** Value of a field half-way between its value at `fromMs` and its largest value after it. */
export function halfRiseThreshold(trace: SpineTrace, field: NumericField, fromMs: number, stepMs: number): number {
  const base = trace.sample(fromMs)[field];
  let peak = base;
  for (let t = fromMs; t <= trace.endMs; t += stepMs) peak = Math.max(peak, trace.sample(t)[field]);
  if (!(peak > base)) {
    throw new Error(`keyEvents: ${String(field)} never rises above its value at ${fromMs} ms (${base}); the trace has no event to anchor on.`);
  }
  return base + 0.5 * (peak - base);
}

/**
 * Key events, one per scene that has one. Thresholds: Mg2+ leaves the pore when
 * the Jahr-Stevens unblocked fraction passes 0.5 (about -20 mV at 1 mM [Mg]o,
 * science-reference.md §1); Ca2+ "floods" when free spine Ca2+ passes 1 µM
 * (rest 50-100 nM, seed article); the other events are half-way rises of their
 * field after induction.
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
    description: 'Mg2+ unblocked fraction B(V) passes 0.5',
    field: 'mgUnblockedFraction',
    threshold: () => 0.5,
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
    description: 'CaMKII pT286 fraction reaches half its peak',
    field: 'camkiiPT286Fraction',
    threshold: (trace) => halfRiseThreshold(trace, 'camkiiPT286Fraction', 0, 5),
    fromMs: 0,
  },
  'ampa-insertion': {
    bookmark: 'insert',
    description: 'synaptic AMPA receptor count reaches half its rise',
    field: 'ampaReceptorCount',
    threshold: (trace) => halfRiseThreshold(trace, 'ampaReceptorCount', 0, 1000),
    fromMs: 0,
  },
  'spine-growth': {
    bookmark: 'grows',
    description: 'spine head volume reaches half its rise',
    field: 'spineHeadVolumeUm3',
    threshold: (trace) => halfRiseThreshold(trace, 'spineHeadVolumeUm3', 0, 1000),
    fromMs: 0,
  },
};

/** Physical time (ms) of a scene's key event in `trace`; throws naming the scene when the trace never gets there. */
export function keyEventMs(sceneId: SceneId, trace: SpineTrace): number {
  const event = KEY_EVENTS[sceneId];
  if (!event) throw new Error(`keyEventMs: scene "${sceneId}" has no key event.`);
  const threshold = event.threshold(trace);
  const t = trace.findTime((s) => s[event.field] >= threshold, event.fromMs);
  if (t === null) {
    throw new Error(
      `Scene "${sceneId}": ${event.description} never happens in the trace (${String(event.field)} stays below ${threshold} after ${event.fromMs} ms). ` +
        'Check the simulation protocol or the threshold in src/story/keyEvents.ts.',
    );
  }
  return t;
}
