/**
 * TEMPORARY stand-ins for the sim branch's agreed exports (explainerComparisonTraces, ltdTrace),
 * built from the current public sim API; removed when the sim branch is merged.
 */
import type { SpineTrace } from '../sim/types';
import { explainerProtocol, lowFrequencyStimulation, simulate, tetanus } from '../sim';

export function explainerComparisonTraces(): { lateLtp: SpineTrace; anisomycin: SpineTrace; oneTrain: SpineTrace } {
  const p = explainerProtocol();
  return {
    lateLtp: simulate(p, {}),
    anisomycin: simulate(p, { anisomycin: true }),
    oneTrain: simulate(
      tetanus({ rateHz: 100, durationMs: 1000, baselinePulsesMs: [-60_000, -30_000], afterMs: 8 * 3_600_000 }),
      {},
    ),
  };
}

export function ltdTrace(): SpineTrace {
  return simulate(lowFrequencyStimulation({ afterMs: 3 * 3_600_000 }), {});
}
