/**
 * The simulation runs the film compares against its main run: the same induction with
 * anisomycin, one train only, and low-frequency stimulation (LTD). Computed lazily and cached
 * (the LFS run takes about 2 s), so only the outro and the claims pay for them.
 */
import type { SpineTrace } from '../sim/types';
import { explainerComparisonTraces, ltdTrace } from '../sim';

export interface FilmRuns {
  /** The film's run: three 100 Hz x 1 s trains, 10 min apart (late LTP). */
  lateLtp: SpineTrace;
  /** The same trains with the protein-synthesis inhibitor anisomycin. */
  anisomycin: SpineTrace;
  /** One 100 Hz x 1 s train (early LTP only). */
  oneTrain: SpineTrace;
  /** Low-frequency stimulation, 1 Hz x 900 (LTD). */
  ltd: SpineTrace;
}

let cached: FilmRuns | null = null;

/** All runs (cached per process / page). */
export function filmRuns(): FilmRuns {
  if (cached === null) {
    const { lateLtp, anisomycin, oneTrain } = explainerComparisonTraces();
    cached = { lateLtp, anisomycin, oneTrain, ltd: ltdTrace() };
  }
  return cached;
}
