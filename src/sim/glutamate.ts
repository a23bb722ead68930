import { P as PImported } from './parameters';

// Module-local bindings of the imports: hot loops avoid per-call export getters under CommonJS loaders (tsx).
const P = PImported;

/**
 * Cleft glutamate (mM) at time `tMs` from release events at `spikeTimesMs` (ascending):
 * each release is an instantaneous rise to 1.1 mM that clears with tau = 1.2 ms
 * (Clements et al. 1992). Only spikes with index <= `lastIndex` are considered
 * (the caller passes the index of the last spike at or before tMs; -1 for none).
 */
export function cleftGlutamateMilliM(
  tMs: number,
  spikeTimesMs: readonly number[],
  lastIndex: number,
  releaseScale?: ArrayLike<number>,
): number {
  let sum = 0;
  for (let i = lastIndex; i >= 0; i--) {
    const age = tMs - (spikeTimesMs[i] as number);
    if (age > 30 * P.cleftGlutamateDecayMs) break;
    const scale = releaseScale ? (releaseScale[i] as number) : 1;
    if (age >= 0) sum += scale * P.cleftGlutamatePeakMilliM * Math.exp(-age / P.cleftGlutamateDecayMs);
  }
  return sum;
}

/**
 * Relative release per spike (1 = a release from a fully recovered terminal) under Tsodyks-Markram
 * depression: each release uses a fraction U of the available resources R, which recover with
 * tau_rec. Deterministic mean field. Returns one factor per spike (spike times ascending, ms).
 */
export function depressedReleaseScale(spikeTimesMs: readonly number[]): Float64Array {
  const u = P.releaseUseFraction;
  const out = new Float64Array(spikeTimesMs.length);
  let r = 1;
  for (let i = 0; i < spikeTimesMs.length; i++) {
    if (i > 0) {
      const gap = (spikeTimesMs[i] as number) - (spikeTimesMs[i - 1] as number);
      r = 1 - (1 - r * (1 - u)) * Math.exp(-gap / P.releaseRecoveryMs);
    }
    out[i] = r;
  }
  return out;
}

/**
 * Mean of the cleft glutamate over [tMs, tMs + dtMs] given its value at tMs (mM):
 * the exact average of an exponential decay, so coarse steps keep the right integral.
 */
export function meanGlutamateOverStepMilliM(glutamateAtStartMilliM: number, dtMs: number): number {
  if (glutamateAtStartMilliM === 0) return 0;
  const tau = P.cleftGlutamateDecayMs;
  return (glutamateAtStartMilliM * tau * (1 - Math.exp(-dtMs / tau))) / dtMs;
}
