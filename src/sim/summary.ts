/**
 * The numbers a neuroscientist reads off one run (the CLI's JSON): times counted from the END of
 * the protocol (protocol.endMs; for repeated tetanus trains, the end of the LAST train). Peaks (Ca2+, Vm,
 * Mg2+ unblock) are taken over the whole induction, all trains. Pure.
 */
import type { SpineTrace } from './types';
import { COL } from './trace';

export interface RunSummary {
  protocol: string;
  conditions: SpineTrace['conditions'];
  restCaNanoM: number;
  peakCaMicroM: number;
  peakMgUnblockedFraction: number;
  peakVmMv: number;
  camkiiPT286: { '1s': number; '10s': number; '60s': number };
  ampaCount: { before: number; '60min': number };
  /** Spine head volume as percent of baseline (100 = unchanged). */
  spineVolumePercent: { '2min': number; '60min': number };
  fepspPercent: { '30min': number; '60min': number; '4h': number; '8h': number };
}

const MIN = 60_000;
const HOUR = 3_600_000;

function round(x: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Maximum of a column over [fromMs, toMs] of the stored samples. */
export function columnMax(
  trace: SpineTrace & { columns?: readonly Float64Array[] },
  column: number,
  fromMs: number,
  toMs: number,
): number {
  const cols = trace.columns;
  if (!cols) throw new Error('columnMax needs a trace produced by simulate()');
  const t = cols[COL.t] as Float64Array;
  const c = cols[column] as Float64Array;
  let m = -Infinity;
  for (let i = 0; i < t.length; i++) {
    const ti = t[i] as number;
    if (ti >= fromMs && ti <= toMs && (c[i] as number) > m) m = c[i] as number;
  }
  return m;
}

/** Summarise a run; the induction window is [first induction spike or window, endMs + 2 s]. */
export function summarizeRun(trace: SpineTrace): RunSummary {
  const p = trace.protocol;
  const end = p.endMs;
  const tests = new Set(p.testPulseTimesMs ?? []);
  const induction = p.presynapticSpikeTimesMs.filter((t) => !tests.has(t));
  const from = Math.min(
    induction.length ? (induction[0] as number) : 0,
    ...p.postsynapticDepolarisations.map((w) => w.startMs),
  );
  const to = end + 2000;
  const at = (dtMs: number) => trace.sample(end + dtMs);
  const base = trace.sample(from - 1);
  const volPct = (v: number) => round((100 * v) / base.spineHeadVolumeUm3, 2);
  return {
    protocol: p.name,
    conditions: trace.conditions,
    restCaNanoM: round(trace.sample(trace.startMs).spineCaMicroM * 1000, 2),
    peakCaMicroM: round(columnMax(trace, COL.ca, from, to)),
    peakMgUnblockedFraction: round(columnMax(trace, COL.mgUnblocked, from, to)),
    peakVmMv: round(columnMax(trace, COL.vm, from, to), 2),
    camkiiPT286: {
      '1s': round(at(1000).camkiiPT286Fraction),
      '10s': round(at(10_000).camkiiPT286Fraction),
      '60s': round(at(60_000).camkiiPT286Fraction),
    },
    ampaCount: { before: round(base.ampaReceptorCount, 2), '60min': round(at(60 * MIN).ampaReceptorCount, 2) },
    spineVolumePercent: {
      '2min': volPct(at(2 * MIN).spineHeadVolumeUm3),
      '60min': volPct(at(60 * MIN).spineHeadVolumeUm3),
    },
    fepspPercent: {
      '30min': round(at(30 * MIN).fepspPercent, 2),
      '60min': round(at(60 * MIN).fepspPercent, 2),
      '4h': round(at(4 * HOUR).fepspPercent, 2),
      '8h': round(at(8 * HOUR).fepspPercent, 2),
    },
  };
}
