/**
 * How far one recording of the narration is shifted against another, in
 * samples: the lag with the highest normalised cross-correlation, searched
 * around the first loud onset (speech after silence gives a sharp peak).
 * Used to check that a web encode (Opus/AAC, with its encoder delay) still
 * starts its first sample at time 0, i.e. stays frame-exact against the picture.
 */

/** First index whose absolute value reaches `threshold` (linear, 1 = full scale), or -1. */
export function firstOnset(samples: Float32Array, threshold = 0.05): number {
  for (let i = 0; i < samples.length; i++) if (Math.abs(samples[i] ?? 0) >= threshold) return i;
  return -1;
}

export interface LagResult {
  /** Positive: `candidate` is late (its sound comes `lagSamples` after the reference's). */
  lagSamples: number;
  /** Normalised correlation at that lag, -1..1 (near 1 for the same sound). */
  correlation: number;
}

/**
 * Best lag of `candidate` against `reference` within +-`maxLagSamples`,
 * over a window of `windowSamples` starting a little before the reference's
 * first onset. Throws when the reference has no onset (silence).
 */
export function bestLag(
  reference: Float32Array,
  candidate: Float32Array,
  maxLagSamples: number,
  windowSamples: number,
): LagResult {
  const onset = firstOnset(reference);
  if (onset < 0) throw new Error('bestLag: the reference is silent (no sample reaches 0.05 of full scale).');
  const start = Math.max(maxLagSamples, onset - Math.floor(windowSamples / 4));
  const end = Math.min(reference.length, candidate.length - maxLagSamples, start + windowSamples);
  if (end - start < windowSamples / 2) throw new Error('bestLag: the recordings are too short for the window.');
  let refEnergy = 0;
  for (let i = start; i < end; i++) refEnergy += (reference[i] ?? 0) ** 2;
  let best: LagResult = { lagSamples: 0, correlation: -Infinity };
  for (let lag = -maxLagSamples; lag <= maxLagSamples; lag++) {
    let dot = 0;
    let candEnergy = 0;
    for (let i = start; i < end; i++) {
      const c = candidate[i + lag] ?? 0;
      dot += (reference[i] ?? 0) * c;
      candEnergy += c * c;
    }
    const correlation = dot / Math.sqrt(refEnergy * candEnergy || 1);
    if (correlation > best.correlation) best = { lagSamples: lag, correlation };
  }
  return best;
}
