/**
 * Stored simulation samples (column arrays) and a cheap sampler: binary search on time plus linear
 * interpolation; no re-integration. Samples at equal times are allowed (an event's before/after).
 */
import type { Conditions, Protocol, SpineState, SpineTrace } from './types';
import { holoenzymeDistribution as holoenzymeDistributionImported } from './camkii';

// Module-local bindings of the imports: hot loops avoid per-call export getters under CommonJS loaders (tsx).
const holoenzymeDistribution = holoenzymeDistributionImported;

/** Column index of each recorded quantity. */
export const COL = {
  t: 0,
  glutamate: 1,
  vm: 2,
  ampaOpen: 3,
  nmdaOpen: 4,
  mgUnblocked: 5,
  gAmpa: 6,
  gNmda: 7,
  ca: 8,
  camBound: 9,
  pT286: 10,
  active: 11,
  pp1: 12,
  ampaCount: 13,
  s831: 14,
  volume: 15,
  weight: 16,
  fepsp: 17,
  calcineurin: 18,
  ring0: 19,
  early: 26,
  late: 27,
  protein: 28,
  ptp: 29,
  nmdaCaCurrent: 30,
} as const;
export const COLUMN_COUNT = 31;

/** Growable column store of float64 samples. */
export class TraceRecorder {
  private cols: Float64Array[];
  private capacity: number;
  length = 0;

  constructor(initialCapacity = 4096) {
    this.capacity = initialCapacity;
    this.cols = Array.from({ length: COLUMN_COUNT }, () => new Float64Array(initialCapacity));
  }

  /** Append one row (values in COL order). */
  push(row: ArrayLike<number>): void {
    if (this.length === this.capacity) this.grow();
    const i = this.length;
    for (let c = 0; c < COLUMN_COUNT; c++) (this.cols[c] as Float64Array)[i] = row[c] as number;
    this.length++;
  }

  private grow(): void {
    this.capacity *= 2;
    this.cols = this.cols.map((col) => {
      const next = new Float64Array(this.capacity);
      next.set(col);
      return next;
    });
  }

  /** Trimmed columns (copies). */
  finish(): Float64Array[] {
    return this.cols.map((col) => col.slice(0, this.length));
  }
}

/** Index of the last sample with time <= tMs (0 if tMs is before the first). */
export function lastIndexAtOrBefore(times: Float64Array, tMs: number): number {
  let lo = 0;
  let hi = times.length - 1;
  if (tMs >= (times[hi] as number)) return hi;
  if (tMs < (times[0] as number)) return 0;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((times[mid] as number) <= tMs) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** An immutable SpineTrace over recorded columns. */
export function makeTrace(
  protocol: Protocol,
  conditions: Conditions,
  cols: Float64Array[],
): SpineTrace & { columns: readonly Float64Array[] } {
  const times = cols[COL.t] as Float64Array;
  const n = times.length;
  const startMs = times[0] as number;
  const endMs = times[n - 1] as number;
  const row = new Float64Array(COLUMN_COUNT);

  function interpolateRow(tMs: number): Float64Array {
    const t = Math.min(endMs, Math.max(startMs, tMs));
    const i = lastIndexAtOrBefore(times, t);
    const j = Math.min(i + 1, n - 1);
    const t0 = times[i] as number;
    const t1 = times[j] as number;
    const f = t1 > t0 ? (t - t0) / (t1 - t0) : 0;
    for (let c = 0; c < COLUMN_COUNT; c++) {
      const col = cols[c] as Float64Array;
      const a = col[i] as number;
      row[c] = f === 0 ? a : a + ((col[j] as number) - a) * f;
    }
    row[COL.t] = t;
    return row;
  }

  function stateFromRow(r: Float64Array): SpineState {
    const ring = [
      r[COL.ring0] as number,
      r[COL.ring0 + 1] as number,
      r[COL.ring0 + 2] as number,
      r[COL.ring0 + 3] as number,
      r[COL.ring0 + 4] as number,
      r[COL.ring0 + 5] as number,
      r[COL.ring0 + 6] as number,
    ];
    return {
      tMs: r[COL.t] as number,
      glutamateMilliM: r[COL.glutamate] as number,
      vmMv: r[COL.vm] as number,
      ampaOpenFraction: r[COL.ampaOpen] as number,
      nmdaOpenFraction: r[COL.nmdaOpen] as number,
      mgUnblockedFraction: r[COL.mgUnblocked] as number,
      gAmpaNanoS: r[COL.gAmpa] as number,
      gNmdaNanoS: r[COL.gNmda] as number,
      spineCaMicroM: r[COL.ca] as number,
      camkiiCaMBoundFraction: r[COL.camBound] as number,
      camkiiPT286Fraction: r[COL.pT286] as number,
      camkiiActiveFraction: r[COL.active] as number,
      phosphataseActivity: r[COL.pp1] as number,
      ampaReceptorCount: r[COL.ampaCount] as number,
      gluA1S831Fraction: r[COL.s831] as number,
      spineHeadVolumeUm3: r[COL.volume] as number,
      synapticWeight: r[COL.weight] as number,
      fepspPercent: r[COL.fepsp] as number,
      calcineurinActivity: r[COL.calcineurin] as number,
      camkiiHoloenzymeDistribution: holoenzymeDistribution(ring),
      earlyPotentiationFraction: r[COL.early] as number,
      latePotentiationFraction: r[COL.late] as number,
      proteinSynthesisLevel: r[COL.protein] as number,
      ptpFraction: r[COL.ptp] as number,
      nmdaCaCurrentPicoA: r[COL.nmdaCaCurrent] as number,
    };
  }

  function stateAtIndex(i: number): SpineState {
    for (let c = 0; c < COLUMN_COUNT; c++) row[c] = (cols[c] as Float64Array)[i] as number;
    return stateFromRow(row);
  }

  return {
    protocol,
    conditions,
    startMs,
    endMs,
    columns: cols,
    sample(tMs: number): SpineState {
      if (!Number.isFinite(tMs)) throw new RangeError(`trace.sample: tMs must be a finite number of ms, got ${tMs}`);
      return stateFromRow(interpolateRow(tMs));
    },
    findTime(predicate: (s: SpineState) => boolean, fromMs = startMs): number | null {
      const first = fromMs <= startMs ? 0 : lastIndexAtOrBefore(times, fromMs);
      for (let i = first; i < n; i++) {
        if ((times[i] as number) < fromMs) continue;
        if (predicate(stateAtIndex(i))) return times[i] as number;
      }
      return null;
    },
  };
}
