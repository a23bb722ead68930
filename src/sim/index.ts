/**
 * Public API of the CA1 spine simulation. No React, no DOM; pure and deterministic.
 *
 * CaMKII model: measured single-spine kinetics (Lee et al. 2009; Chang et al. 2019) with Miller-2005
 * 12-subunit ring bookkeeping; NOT bistable. pT286 keeps CaMKII active for tens of seconds after Ca2+
 * has fallen (tau ~10 s); the lasting change is carried by AMPAR content and spine structure.
 */
import type { Conditions, Protocol, SpineTrace } from './types';
import { simulate as runSimulation } from './simulate';
import { tetanus } from './protocols';

export type { Conditions, Protocol, SpineState, SpineTrace, ProtocolName } from './types';
export { DEFAULT_CONDITIONS, resolveConditions, CLAMP_RANGE_MV, MG_RANGE_MILLIM } from './conditions';
export { testPulse, tetanus, lowFrequencyStimulation, pairing, spikeTrain } from './protocols';
export { testPulseResponse, type TestPulseResponse } from './testPulseResponse';
export { jahrStevensUnblockedFraction } from './mgBlock';
export { holoenzymeDistribution, holoenzymePopulation, SUBUNITS_PER_HOLOENZYME } from './camkii';
export { PARAMETER_TABLE, P } from './parameters';
export { keyMoments, type KeyMoments } from './keyMoments';
export { summarizeRun, type RunSummary } from './summary';

/**
 * Simulate one CA1 spine under `protocol` and `conditions` (defaults: 1 mM Mg2+, no drugs, current
 * clamp). Returns an immutable trace, sampled cheaply with trace.sample(tMs). Throws RangeError on
 * bad input (NaN, negative [Mg2+], clamp outside -120..+60 mV, unsorted spikes).
 */
export function simulate(protocol: Protocol, conditions: Partial<Conditions> = {}): SpineTrace {
  return runSimulation(protocol, conditions);
}

/**
 * The protocol the video uses: baseline test pulses at -60 s and -30 s, a 100 Hz x 1 s tetanus (t = 0..1000 ms),
 * probe test pulses 30 min and 60 min after the end of the tetanus (t = 1_801_000 and 3_601_000 ms: "the same
 * test pulse, afterwards", stored at ms resolution), simulated to 8 h after the tetanus.
 */
export function explainerProtocol(): Protocol {
  return tetanus({
    rateHz: 100,
    durationMs: 1000,
    baselinePulsesMs: [-60_000, -30_000],
    probePulsesAfterEndMs: [30 * 60_000, 60 * 60_000],
    afterMs: 8 * 3_600_000,
  });
}

let cachedExplainer: SpineTrace | null = null;

/** The tetanus run the video uses (cached; computed once per process, ~0.1-0.3 s). */
export function explainerTrace(): SpineTrace {
  if (cachedExplainer === null) cachedExplainer = runSimulation(explainerProtocol(), {});
  return cachedExplainer;
}
