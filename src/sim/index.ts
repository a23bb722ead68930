/**
 * Public API of the CA1 spine simulation. No React, no DOM; pure and deterministic.
 *
 * CaMKII model: measured single-spine kinetics (Lee et al. 2009; Chang et al. 2019) with Miller-2005
 * 12-subunit ring bookkeeping; NOT bistable. pT286 keeps CaMKII active for tens of seconds after Ca2+
 * has fallen (tau ~10 s); the lasting change is carried by AMPAR content and spine structure.
 */
import type { Conditions, Protocol, SpineTrace } from './types';
import { simulate as runSimulation } from './simulate';
import { lowFrequencyStimulation, tetanus } from './protocols';

export type { Conditions, Protocol, SpineState, SpineTrace, ProtocolName } from './types';
export { DEFAULT_CONDITIONS, resolveConditions, CLAMP_RANGE_MV, MG_RANGE_MILLIM } from './conditions';
export {
  testPulse,
  tetanus,
  lowFrequencyStimulation,
  pairing,
  spikeTrain,
  DEFAULT_TRAIN_INTERVAL_MS,
  type TetanusOptions,
  type TestPulseOptions,
} from './protocols';
export { testPulseResponse, type TestPulseResponse } from './testPulseResponse';
export { jahrStevensUnblockedFraction } from './mgBlock';
export { holoenzymeDistribution, holoenzymePopulation, SUBUNITS_PER_HOLOENZYME } from './camkii';
export { PARAMETER_TABLE, P } from './parameters';
export { summarizeRun, type RunSummary } from './summary';

/**
 * Simulate one CA1 spine under `protocol` and `conditions` (defaults: 1 mM Mg2+, no drugs, current
 * clamp). Returns an immutable trace, sampled cheaply with trace.sample(tMs). Throws RangeError on
 * bad input (NaN, negative [Mg2+], clamp outside -120..+60 mV, unsorted spikes).
 */
export function simulate(protocol: Protocol, conditions: Partial<Conditions> = {}): SpineTrace {
  return runSimulation(protocol, conditions);
}

const MIN_MS = 60_000;
const HOUR_MS = 3_600_000;

/**
 * The induction the film uses (Huang & Kandel 1994 Learn Mem 1:74: three 100 Hz x 1 s trains 10 min apart
 * give protein-synthesis-dependent late LTP; one train gives early LTP only). t = 0 is the first spike of
 * the FIRST train; train k starts at k x trainIntervalMs; lastTrainEndMs is the origin of every
 * "after the last train" time (the summaries' +30 min, +60 min, +8 h).
 */
export const EXPLAINER_INDUCTION = Object.freeze({
  trains: 3,
  trainIntervalMs: 10 * MIN_MS,
  trainDurationMs: 1000,
  /** End of the last train, ms: 2 x 10 min + 1 s = 1_201_000. */
  lastTrainEndMs: 2 * 10 * MIN_MS + 1000,
});

/** Baseline test pulses before induction (0.033 Hz, as in field recordings), ms. */
const EXPLAINER_BASELINE_MS = [-60_000, -30_000] as const;
/** Probe test pulses, ms after the end of the last train ("the same test pulse, afterwards"). */
const EXPLAINER_PROBES_AFTER_END_MS = [30 * MIN_MS, 60 * MIN_MS] as const;
const EXPLAINER_AFTER_MS = 8 * HOUR_MS;

/**
 * The protocol the film uses: baseline test pulses at -60 s and -30 s, three 100 Hz x 1 s trains starting at
 * t = 0, 10 min and 20 min (EXPLAINER_INDUCTION), probe test pulses 30 and 60 min after the end of the last
 * train (t = 3_001_000 and 4_801_000 ms, stored at ms resolution), simulated to 8 h after the last train.
 * Every train is stored at full (sub-ms) resolution.
 */
export function explainerProtocol(): Protocol {
  return tetanus({
    rateHz: 100,
    durationMs: EXPLAINER_INDUCTION.trainDurationMs,
    trains: EXPLAINER_INDUCTION.trains,
    trainIntervalMs: EXPLAINER_INDUCTION.trainIntervalMs,
    baselinePulsesMs: EXPLAINER_BASELINE_MS,
    probePulsesAfterEndMs: EXPLAINER_PROBES_AFTER_END_MS,
    afterMs: EXPLAINER_AFTER_MS,
  });
}

let cachedExplainer: SpineTrace | null = null;

/** The run the film uses (explainerProtocol(), default conditions; cached: computed once per process). */
export function explainerTrace(): SpineTrace {
  if (cachedExplainer === null) cachedExplainer = runSimulation(explainerProtocol(), {});
  return cachedExplainer;
}

/** The film's run and its comparison runs for the early/late chart. */
export interface ExplainerComparisonTraces {
  /** Three trains, 10 min apart (= explainerTrace(), the same object): late LTP. */
  lateLtp: SpineTrace;
  /** The same three trains with anisomycin (protein synthesis blocked): early LTP only, fades in hours. */
  anisomycin: SpineTrace;
  /** One 100 Hz x 1 s train (same baseline pulses; probes 30/60 min after its end): early LTP only. */
  oneTrain: SpineTrace;
}

let cachedComparison: ExplainerComparisonTraces | null = null;

/**
 * Cached comparison runs, all with t = 0 at the first spike of the first train. The end of the last train is
 * `trace.protocol.endMs` (1_201_000 ms for lateLtp/anisomycin = EXPLAINER_INDUCTION.lastTrainEndMs, 1000 ms
 * for oneTrain): put every trace on one "time after the last train" axis with t - trace.protocol.endMs.
 * Each is simulated to 8 h after its last train.
 */
export function explainerComparisonTraces(): ExplainerComparisonTraces {
  if (cachedComparison === null) {
    const lateLtp = explainerTrace();
    cachedComparison = {
      lateLtp,
      anisomycin: runSimulation(explainerProtocol(), { anisomycin: true }),
      oneTrain: runSimulation(
        tetanus({
          rateHz: 100,
          durationMs: EXPLAINER_INDUCTION.trainDurationMs,
          trains: 1,
          baselinePulsesMs: EXPLAINER_BASELINE_MS,
          probePulsesAfterEndMs: EXPLAINER_PROBES_AFTER_END_MS,
          afterMs: EXPLAINER_AFTER_MS,
        }),
        {},
      ),
    };
  }
  return cachedComparison;
}

/** Time origin of ltdTrace(): t = 0 is the first of the 900 LFS pulses; the LFS ends at LTD_INDUCTION.endMs. */
export const LTD_INDUCTION = Object.freeze({ rateHz: 1, pulses: 900, endMs: 900_000 });

let cachedLtd: SpineTrace | null = null;

/**
 * Cached low-frequency stimulation run for the LTD picture (Dudek & Bear 1992: 1 Hz x 900 pulses, 15 min):
 * t = 0 is the first LFS pulse, the LFS ends at 900_000 ms (LTD_INDUCTION.endMs = trace.protocol.endMs);
 * baseline test pulses at -60 s and -30 s, probe pulses 30 and 60 min after the end of the LFS; simulated
 * to 2 h after the end of the LFS. Pulses 11-890 are stored at thinned resolution (the first and last
 * 10 pulses in full).
 */
export function ltdTrace(): SpineTrace {
  if (cachedLtd === null)
    cachedLtd = runSimulation(
      lowFrequencyStimulation({
        rateHz: LTD_INDUCTION.rateHz,
        pulses: LTD_INDUCTION.pulses,
        baselinePulsesMs: EXPLAINER_BASELINE_MS,
        probePulsesAfterEndMs: EXPLAINER_PROBES_AFTER_END_MS,
        afterMs: 2 * HOUR_MS,
      }),
      {},
    );
  return cachedLtd;
}
