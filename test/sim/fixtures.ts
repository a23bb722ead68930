/** Shared, lazily computed traces for the sim tests (each run once per test file). */
import { simulate, tetanus, lowFrequencyStimulation, testPulse, pairing } from '../../src/sim/index';
import type { Conditions, Protocol, SpineTrace } from '../../src/sim/types';
import { COL } from '../../src/sim/trace';

const cache = new Map<string, SpineTrace>();

export function run(key: string, protocol: () => Protocol, conditions: Partial<Conditions> = {}): SpineTrace {
  const k = `${key}|${JSON.stringify(conditions)}`;
  let tr = cache.get(k);
  if (!tr) {
    tr = simulate(protocol(), conditions);
    cache.set(k, tr);
  }
  return tr;
}

export const tetanusRun = (c: Partial<Conditions> = {}) => run('tetanus', () => tetanus(), c);
/** Three 100 Hz x 1 s trains, 10 min apart (Huang & Kandel 1994), simulated to 8 h after the last train. */
export const threeTrainRun = (c: Partial<Conditions> = {}) =>
  run('tetanus3', () => tetanus({ trains: 3, trainIntervalMs: 10 * 60_000 }), c);
export const lfsRun = (c: Partial<Conditions> = {}) =>
  run('lfs', () => lowFrequencyStimulation({ afterMs: 2 * 3_600_000 }), c);
export const testPulseRun = (c: Partial<Conditions> = {}) => run('tp', () => testPulse({ afterMs: 600_000 }), c);
export const pairingRun = (c: Partial<Conditions> = {}) => run('pair', () => pairing({ afterMs: 2 * 3_600_000 }), c);

export const MIN = 60_000;
export const HOUR = 3_600_000;

type Cols = readonly Float64Array[];
export function cols(tr: SpineTrace): Cols {
  return (tr as SpineTrace & { columns: Cols }).columns;
}

/** Max of a column over [a, b] ms, with the time of the max. */
export function peakOf(tr: SpineTrace, column: number, a: number, b: number): { value: number; tMs: number } {
  const c = cols(tr);
  const t = c[COL.t]!;
  const v = c[column]!;
  let best = -Infinity;
  let bt = NaN;
  for (let i = 0; i < t.length; i++)
    if (t[i]! >= a && t[i]! <= b && v[i]! > best) {
      best = v[i]!;
      bt = t[i]!;
    }
  return { value: best, tMs: bt };
}

/** Total time (ms) in [a, b] during which a column stays above `level` (between consecutive samples both above). */
export function timeAbove(tr: SpineTrace, column: number, level: number, a: number, b: number): number {
  const c = cols(tr);
  const t = c[COL.t]!;
  const v = c[column]!;
  let s = 0;
  for (let i = 1; i < t.length; i++)
    if (t[i]! > a && t[i]! <= b && v[i]! > level && v[i - 1]! > level) s += t[i]! - t[i - 1]!;
  return s;
}

/** First time after `fromMs` at which a column falls below `level`. */
export function firstBelow(tr: SpineTrace, column: number, level: number, fromMs: number): number {
  const c = cols(tr);
  const t = c[COL.t]!;
  const v = c[column]!;
  for (let i = 0; i < t.length; i++) if (t[i]! > fromMs && v[i]! < level) return t[i]!;
  return NaN;
}

export { COL };
