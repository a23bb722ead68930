/**
 * Numbers the film states (spoken or on screen) that are not a single sample of the trace:
 * durations, the "what lasts" values, the early/late boundary, the LTD comparison. Scenes and
 * src/story/claims.ts call the same functions, so the screen and the claims table cannot differ.
 * Pure: traces in, numbers out.
 */
import type { SpineState, SpineTrace } from '../sim/types';
import { inductionTrains, lastTrainEndMs } from './induction';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

/** "An hour later": 60 min after the end of the last train, ms (t = 0 = first spike of the first train). */
export function lastingTimeMs(trace: SpineTrace): number {
  return lastTrainEndMs(trace.protocol) + 60 * MINUTE_MS;
}

/** Baseline state (45 s before the first train, between the baseline test pulses). */
export function baselineState(trace: SpineTrace): SpineState {
  return trace.sample(Math.max(trace.startMs, inductionTrains(trace.protocol)[0]!.startMs - 45_000));
}

/** Free spine Ca2+ at rest, µM (the baseline state). */
export function restCaMicroM(trace: SpineTrace): number {
  return baselineState(trace).spineCaMicroM;
}

/** What lasts: the state 60 min after the last train, with ratios to baseline. */
export function lastingValues(trace: SpineTrace): {
  tMs: number;
  fepspPercent: number;
  headVolumeRatio: number;
  ampaCountRatio: number;
} {
  const tMs = lastingTimeMs(trace);
  const s = trace.sample(tMs);
  const b = baselineState(trace);
  return {
    tMs,
    fepspPercent: s.fepspPercent,
    headVolumeRatio: s.spineHeadVolumeUm3 / b.spineHeadVolumeUm3,
    ampaCountRatio: s.ampaReceptorCount / b.ampaReceptorCount,
  };
}

/** Total time free spine Ca2+ is at or above `thresholdMicroM` during the first train and the 5 s after it, ms. */
export function firstTrainTimeAboveMs(trace: SpineTrace, thresholdMicroM: number, stepMs = 0.5): number {
  const train = inductionTrains(trace.protocol)[0]!;
  let above = 0;
  for (let t = train.startMs; t < train.endMs + 5000; t += stepMs) {
    if (trace.sample(t).spineCaMicroM >= thresholdMicroM) above += stepMs;
  }
  return above;
}

/** Largest value of `field` over [fromMs, toMs] sampled every stepMs, and when. */
export function peakOf(
  trace: SpineTrace,
  pick: (s: SpineState) => number,
  fromMs: number,
  toMs: number,
  stepMs: number,
): { value: number; tMs: number } {
  let best = { value: -Infinity, tMs: fromMs };
  for (let t = fromMs; t <= toMs; t += stepMs) {
    const v = pick(trace.sample(t));
    if (v > best.value) best = { value: v, tMs: t };
  }
  return best;
}

/** CaMKII pT286 after the first train: peak (and its time after the train's end), and the value 30 s after the end. */
export function camkiiAfterFirstTrain(trace: SpineTrace): {
  peak: number;
  peakAfterEndMs: number;
  at30sAfterEnd: number;
} {
  const train = inductionTrains(trace.protocol)[0]!;
  const p = peakOf(trace, (s) => s.camkiiPT286Fraction, train.startMs, train.endMs + 60_000, 5);
  return {
    peak: p.value,
    peakAfterEndMs: p.tMs - train.endMs,
    at30sAfterEnd: trace.sample(train.endMs + 30_000).camkiiPT286Fraction,
  };
}

/**
 * First time after the last train + 30 min at which the fEPSP is back at or below `percent`, ms; null if
 * never. On the anisomycin run this is where early LTP alone has faded: the film's early/late boundary.
 */
export function fadedBelowMs(trace: SpineTrace, percent: number): number | null {
  const from = lastTrainEndMs(trace.protocol) + 30 * MINUTE_MS;
  for (let t = from; t <= trace.endMs; t += MINUTE_MS) if (trace.sample(t).fepspPercent <= percent) return t;
  return null;
}

/** fEPSP slope, % of baseline, `hours` after the end of the last train. */
export function fepspHoursAfter(trace: SpineTrace, hours: number): number {
  return trace.sample(lastTrainEndMs(trace.protocol) + hours * HOUR_MS).fepspPercent;
}

/** The LTD run against the first LTP train: Ca2+ peaks, phosphatase against CaMKII, and the outcome. */
export function ltdComparison(
  ltd: SpineTrace,
  ltp: SpineTrace,
): {
  pulses: number;
  rateHz: number;
  durationMin: number;
  ltdCaPeakMicroM: number;
  trainCaPeakMicroM: number;
  ltdPhosphatasePeak: number;
  ltdPT286Peak: number;
  fepspPercent1hAfter: number;
} {
  const lfs = inductionTrains(ltd.protocol)[0]!;
  const train = inductionTrains(ltp.protocol)[0]!;
  const lfsEnd = lfs.endMs;
  return {
    pulses: lfs.spikes,
    rateHz: lfs.spikes > 1 ? 1000 / ((lfs.endMs - lfs.startMs) / lfs.spikes) : 0,
    durationMin: (lfs.endMs - lfs.startMs) / MINUTE_MS,
    ltdCaPeakMicroM: peakOf(ltd, (s) => s.spineCaMicroM, lfs.startMs, lfs.startMs + 20_000, 0.5).value,
    trainCaPeakMicroM: peakOf(ltp, (s) => s.spineCaMicroM, train.startMs, train.endMs + 100, 0.5).value,
    ltdPhosphatasePeak: peakOf(ltd, (s) => s.phosphataseActivity, lfs.startMs, lfsEnd, 5_000).value,
    ltdPT286Peak: peakOf(ltd, (s) => s.camkiiPT286Fraction, lfs.startMs, lfsEnd, 100).value,
    fepspPercent1hAfter: ltd.sample(lfsEnd + HOUR_MS).fepspPercent,
  };
}

/**
 * Frames before its bookmark word at which a panel change starts to fade in, so that it is fully
 * shown when the word is heard (8 frames = 0.27 s at 30 fps).
 */
export const REVEAL_LEAD_FRAMES = 8;

/**
 * The physical time whose state the spine-growth panel shows at `frame`: the scene's own clock until
 * just before the "lasts" bookmark, then 1 h after the last train (what lasts, not the short-term boost).
 */
export function spinePanelTimeMs(frame: number, lastsFrame: number, clockMs: number, trace: SpineTrace): number {
  return frame >= lastsFrame - REVEAL_LEAD_FRAMES ? lastingTimeMs(trace) : clockMs;
}
