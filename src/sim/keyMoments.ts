/**
 * Times (ms, physical) of the events each scene shows, found on a trace: what a story-time map needs
 * to place "glutamate release", "Mg2+ pops out", "Ca2+ floods", "CaMKII locks", "AMPARs insert",
 * "spine grows". Pure; computed from stored samples.
 */
import type { SpineTrace } from './types';
import { COL } from './trace';
import { columnMax } from './summary';

export interface KeyMoments {
  /** First induction spike (glutamate release), ms (0 by convention). */
  firstReleaseMs: number;
  /** Peak AMPA open fraction after the first induction spike, ms. */
  firstAmpaPeakMs: number;
  /** First time the NMDAR unblocked fraction exceeds 0.2 (Mg2+ leaving the pore), ms, or null. */
  mgUnblockMs: number | null;
  /** Time of peak spine Ca2+, ms. */
  caPeakMs: number;
  /** Time of peak pT286 (CaMKII lock-in), ms. */
  camkiiPT286PeakMs: number;
  /** Time at which pT286 has fallen to 1/e of its peak (end of the lock-in), ms, or null. */
  camkiiPT286DecayMs: number | null;
  /** Time at which half of the eventual (60-min) AMPAR increase has been inserted, ms, or null. */
  ampaHalfInsertedMs: number | null;
  /** Time of peak spine head volume, ms. */
  spineVolumePeakMs: number;
  /** End of the induction protocol, ms. */
  protocolEndMs: number;
}

function timeOfMax(
  trace: SpineTrace & { columns?: readonly Float64Array[] },
  column: number,
  fromMs: number,
  toMs: number,
): number {
  const cols = trace.columns as readonly Float64Array[];
  const t = cols[COL.t] as Float64Array;
  const v = cols[column] as Float64Array;
  let best = -Infinity;
  let bt = fromMs;
  for (let i = 0; i < t.length; i++) {
    const ti = t[i] as number;
    if (ti >= fromMs && ti <= toMs && (v[i] as number) > best) {
      best = v[i] as number;
      bt = ti;
    }
  }
  return bt;
}

/** Key moments of a run (intended for the tetanus/pairing runs the video uses). */
export function keyMoments(trace: SpineTrace): KeyMoments {
  const p = trace.protocol;
  const tests = new Set(p.testPulseTimesMs ?? []);
  const first = p.presynapticSpikeTimesMs.find((t) => !tests.has(t)) ?? 0;
  const end = p.endMs;
  const hour = Math.min(trace.endMs, end + 3_600_000);
  const pTPeakMs = timeOfMax(trace, COL.pT286, first, end + 120_000);
  const pTPeak = trace.sample(pTPeakMs).camkiiPT286Fraction;
  const before = trace.sample(first - 1).ampaReceptorCount;
  const at60 = trace.sample(hour).ampaReceptorCount;
  const halfCount = before + (at60 - before) / 2;
  return {
    firstReleaseMs: first,
    firstAmpaPeakMs: timeOfMax(trace, COL.ampaOpen, first, first + 5),
    mgUnblockMs: trace.findTime((s) => s.mgUnblockedFraction > 0.2, first),
    caPeakMs: timeOfMax(trace, COL.ca, first, end + 2000),
    camkiiPT286PeakMs: pTPeakMs,
    camkiiPT286DecayMs: pTPeak > 0.01 ? trace.findTime((s) => s.camkiiPT286Fraction < pTPeak / Math.E, pTPeakMs) : null,
    ampaHalfInsertedMs: at60 - before > 0.5 ? trace.findTime((s) => s.ampaReceptorCount >= halfCount, first) : null,
    spineVolumePeakMs: timeOfMax(trace, COL.volume, first, hour),
    protocolEndMs: end,
  };
}

export { columnMax };
