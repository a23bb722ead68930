/**
 * The induction as the film tells it: the trains of the explainer protocol,
 * found in the trace's own spike times (so the clock's "train 1 of 3" can
 * never disagree with what was simulated). Pure.
 */
import type { Protocol } from '../sim/types';

/** One train of induction spikes, ms of physical time (t = 0 = first spike of the first train). */
export interface InductionTrain {
  /** First spike, ms. */
  startMs: number;
  /** End of the train: last spike plus one inter-spike interval, ms (a 100 Hz x 1 s train is [0, 1000)). */
  endMs: number;
  spikes: number;
}

/** Spikes further apart than this belong to different trains, ms (trains are 10 min apart; tetanus spikes 10 ms, LFS pulses 1 s). */
const TRAIN_GAP_MS = 5000;

/** The induction trains of `protocol` (test pulses excluded), in order; throws naming the protocol when it has none. */
export function inductionTrains(protocol: Protocol): InductionTrain[] {
  const tests = new Set(protocol.testPulseTimesMs ?? []);
  const spikes = protocol.presynapticSpikeTimesMs.filter((t) => !tests.has(t));
  if (spikes.length === 0) throw new Error(`inductionTrains: protocol "${protocol.name}" has no induction spikes.`);
  const groups: number[][] = [];
  for (const t of spikes) {
    const g = groups[groups.length - 1];
    if (g && t - g[g.length - 1]! <= TRAIN_GAP_MS) g.push(t);
    else groups.push([t]);
  }
  return groups.map((g) => {
    const isi = g.length > 1 ? g[1]! - g[0]! : 0;
    return { startMs: g[0]!, endMs: g[g.length - 1]! + isi, spikes: g.length };
  });
}

/** End of the last induction train, ms: "an hour later" and "8 h" in the film count from here. */
export function lastTrainEndMs(protocol: Protocol): number {
  const trains = inductionTrains(protocol);
  return trains[trains.length - 1]!.endMs;
}

/**
 * Where physical time `tMs` falls in the induction, for the on-screen clock:
 * "baseline", "train 1 of 3", "after train 1 of 3", ... (one train: "train", "after the train").
 */
export function inductionPhaseLabel(tMs: number, trains: readonly InductionTrain[]): string {
  const n = trains.length;
  const of = (k: number) => (n === 1 ? 'the train' : `train ${k} of ${n}`);
  if (n === 0 || tMs < trains[0]!.startMs) return 'baseline';
  let phase = '';
  trains.forEach((tr, i) => {
    if (tMs >= tr.startMs && tMs < tr.endMs) phase = n === 1 ? 'train' : `train ${i + 1} of ${n}`;
    else if (tMs >= tr.endMs) phase = `after ${of(i + 1)}`;
  });
  return phase;
}
