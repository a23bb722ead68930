/**
 * CaMKII model: measured single-spine kinetics (Lee et al. 2009; Chang et al. 2019) on top of the
 * Miller et al. (2005) ring bookkeeping. NOT a bistable switch: pT286 outlasts the Ca2+ transient by
 * tens of seconds (decay tau ~10 s) and the lasting memory is carried by AMPAR content and spine
 * structure (see expression.ts). This is check 20, "measured, non-bistable" branch.
 *
 * Bookkeeping: a holoenzyme is 12 subunits in two hexameric rings. Within a ring, T286 is
 * phosphorylated by a CaM-bound neighbour on a CaM-bound substrate, so the FIRST pT286 of a ring
 * needs two adjacent CaM-bound subunits (rate 6 pairs x k1 x c^2) and each further one needs one
 * (k1 x c, the block grows from its edge). Each pT286 is removed independently (PP1). The state is the
 * deterministic population fraction of rings with j = 0..6 pT286; holoenzymes (two independent rings)
 * then carry 0..12.
 */
import { P as PImported } from './parameters';
import { hill as hillImported, relaxTowards as relaxTowardsImported } from './relax';

// Module-local bindings of the imports: hot loops avoid per-call export getters under CommonJS loaders (tsx).
const P = PImported,
  hill = hillImported,
  relaxTowards = relaxTowardsImported;

export const SUBUNITS_PER_RING = 6;
export const RINGS_PER_HOLOENZYME = 2;
export const SUBUNITS_PER_HOLOENZYME = SUBUNITS_PER_RING * RINGS_PER_HOLOENZYME;

/** Miller-2005 Hill activation of a CaMKII subunit by Ca2+/CaM at free Ca (uM): K = 0.7 uM, n = 3. */
export function camkiiHillActivation(caMicroM: number): number {
  return hill(caMicroM, P.camkiiHillKMicroM, P.camkiiHillN);
}

/**
 * Ca2+-saturated calmodulin available to CaMKII (0..1) after a step: relaxes to the Hill activation,
 * rising with the Ca2+ transient (tau 20 ms) and falling with tau 0.3 s: Ca2+ leaves CaM more slowly
 * than free Ca2+ is cleared, and CaMKII-bound CaM has a much higher Ca2+ affinity (Pepke 2010 rates as
 * used by Chang 2019).
 */
export function stepCalmodulinCaFraction(camCa: number, caMicroM: number, dtMs: number): number {
  const target = camkiiHillActivation(caMicroM);
  const tauS = target > camCa ? P.calmodulinCaRiseS : P.calmodulinCaDecayS;
  return relaxTowards(camCa, target, 1 / (tauS * 1000), dtMs);
}

/**
 * CaM-bound fraction of CaMKII subunits after a step of dtMs (ms): relaxes to the Ca2+/CaM level,
 * rising with tau 0.1 s and falling with tau 3 s (Chang et al. 2019: association rises in ~0.1 s,
 * decays in ~3 s). Range 0..1.
 */
export function stepCaMBoundFraction(camBound: number, calmodulinCa: number, dtMs: number): number {
  const target = calmodulinCa;
  const tauS = target > camBound ? P.camCamkiiBindingRiseS : P.camCamkiiBindingDecayS;
  return relaxTowards(camBound, target, 1 / (tauS * 1000), dtMs);
}

/**
 * Transition rates (1/s) of a ring with j pT286 (index j = 0..5 → j+1) given the CaM-bound fraction:
 * j = 0 needs two adjacent CaM-bound subunits: 6 * k1 * c^2; j >= 1: k1 * c.
 */
export function ringPhosphorylationRatesPerS(camBound: number): number[] {
  const k1 = P.camkiiPhosphorylationPerS;
  const rates = [SUBUNITS_PER_RING * k1 * camBound * camBound];
  for (let j = 1; j < SUBUNITS_PER_RING; j++) rates.push(k1 * camBound);
  return rates;
}

/** Per-subunit T286 dephosphorylation rate (1/s): basal (tau 10 s) sped up by PP1 activity (0..1). */
export function pT286DephosphorylationPerS(pp1Activity: number): number {
  return (1 + P.camkiiPp1DephosphorylationGain * pp1Activity) / P.camkiiDephosphorylationS;
}

const SCRATCH_C = new Float64Array(SUBUNITS_PER_RING + 1);
const SCRATCH_D = new Float64Array(SUBUNITS_PER_RING + 1);

/**
 * One backward-Euler step (unconditionally stable, conserves total probability) of the ring
 * population `ring` (7 fractions, j = 0..6 pT286, summing to 1). Writes into `out` (may alias ring).
 */
export function stepRingDistribution(
  ring: ArrayLike<number>,
  camBound: number,
  dephosphorylationPerS: number,
  dtMs: number,
  out: number[] | Float64Array,
): void {
  const n = SUBUNITS_PER_RING + 1;
  const dtS = dtMs / 1000;
  const k1 = P.camkiiPhosphorylationPerS;
  const firstUp = SUBUNITS_PER_RING * k1 * camBound * camBound; // 0 -> 1: two adjacent CaM-bound subunits
  const laterUp = k1 * camBound; // j -> j+1 (j >= 1): one CaM-bound substrate at the block edge
  // Tridiagonal system (I - dt Q) x = ring. Thomas algorithm (scratch arrays are module-level).
  const cPrime = SCRATCH_C;
  const dPrime = SCRATCH_D;
  for (let j = 0; j < n; j++) {
    const upJ = j === 0 ? firstUp : j < n - 1 ? laterUp : 0;
    const downJ = j * dephosphorylationPerS;
    const a = j === 0 ? 0 : -dtS * (j === 1 ? firstUp : laterUp);
    const b = 1 + dtS * (upJ + downJ);
    const c = j < n - 1 ? -dtS * (j + 1) * dephosphorylationPerS : 0;
    const rhs = ring[j] as number;
    if (j === 0) {
      cPrime[0] = c / b;
      dPrime[0] = rhs / b;
    } else {
      const m = b - a * (cPrime[j - 1] as number);
      cPrime[j] = c / m;
      dPrime[j] = (rhs - a * (dPrime[j - 1] as number)) / m;
    }
  }
  out[n - 1] = dPrime[n - 1] as number;
  for (let j = n - 2; j >= 0; j--) out[j] = (dPrime[j] as number) - (cPrime[j] as number) * (out[j + 1] as number);
}

/** Fraction of all subunits phosphorylated at T286 (0..1) from the ring distribution. */
export function pT286FractionOfRings(ring: ArrayLike<number>): number {
  let s = 0;
  for (let j = 1; j <= SUBUNITS_PER_RING; j++) s += j * (ring[j] as number);
  return s / SUBUNITS_PER_RING;
}

/**
 * Distribution of pT286 count per holoenzyme (13 fractions, index k = 0..12 phosphorylated subunits),
 * the convolution of two independent rings.
 */
export function holoenzymeDistribution(ring: ArrayLike<number>): number[] {
  const out = new Array<number>(SUBUNITS_PER_HOLOENZYME + 1).fill(0);
  for (let i = 0; i <= SUBUNITS_PER_RING; i++)
    for (let j = 0; j <= SUBUNITS_PER_RING; j++)
      out[i + j] = (out[i + j] as number) + (ring[i] as number) * (ring[j] as number);
  return out;
}

/**
 * A deterministic population of `count` holoenzymes (count >= 1) whose pT286 numbers (integers 0..12)
 * follow `distribution` (13 fractions), by largest-remainder rounding. Sorted descending, so the
 * same distribution always gives the same holoenzymes (for on-screen display).
 */
export function holoenzymePopulation(distribution: readonly number[], count: number): number[] {
  const quotas = distribution.map((f) => f * count);
  const counts = quotas.map(Math.floor);
  let left = count - counts.reduce((a, b) => a + b, 0);
  const order = quotas.map((q, k) => ({ k, r: q - Math.floor(q) })).sort((a, b) => b.r - a.r || b.k - a.k);
  for (const { k } of order) {
    if (left <= 0) break;
    counts[k] = (counts[k] as number) + 1;
    left--;
  }
  const out: number[] = [];
  for (let k = SUBUNITS_PER_HOLOENZYME; k >= 0; k--) for (let i = 0; i < (counts[k] as number); i++) out.push(k);
  return out;
}

/**
 * Active CaMKII fraction (0..1): CaM-bound subunits are fully active; pT286 subunits without CaM keep
 * autonomous activity (0.6 of full, Chang et al. 2019 model).
 */
export function camkiiActiveFraction(camBound: number, pT286: number): number {
  return camBound + P.camkiiAutonomousActivity * pT286 * (1 - camBound);
}
