import { P as PImported } from './parameters';
import { relaxTowards as relaxTowardsImported } from './relax';

// Module-local bindings of the imports: hot loops avoid per-call export getters under CommonJS loaders (tsx).
const P = PImported,
  relaxTowards = relaxTowardsImported;

/**
 * AMPA receptor open fraction after one step of the Destexhe (1994) two-state scheme
 * dr/dt = alpha*[Glu]*(1 - r) - beta*r. `glutamateMilliM` is the mean cleft glutamate over the step (mM).
 */
export function stepAmpaOpenFraction(r: number, glutamateMilliM: number, dtMs: number): number {
  const on = P.ampaBindingPerMilliMPerMs * glutamateMilliM;
  const rate = on + P.ampaUnbindingPerMs;
  return relaxTowards(r, on / rate, rate, dtMs);
}

/** NMDA receptor glutamate-bound fraction, Destexhe (1994) scheme (alpha 0.072 /mM/ms, beta 0.0066 /ms). */
export function stepNmdaBoundFraction(b: number, glutamateMilliM: number, dtMs: number): number {
  const on = P.nmdaBindingPerMilliMPerMs * glutamateMilliM;
  const rate = on + P.nmdaUnbindingPerMs;
  return relaxTowards(b, on / rate, rate, dtMs);
}

/** NMDA receptor gated (open) fraction: follows the bound fraction with the channel-opening rise time. */
export function stepNmdaOpenFraction(o: number, boundFraction: number, dtMs: number): number {
  return relaxTowards(o, boundFraction, 1 / P.nmdaGatingRiseMs, dtMs);
}

/**
 * Mean AMPAR unitary conductance factor (1 = unphosphorylated) for a GluA1 S831 phosphorylation
 * signal 0..1 (normalised effect, not stoichiometry). pS831 raises the share of high-conductance openings
 * (Derkach 1999), never lowers it.
 */
export function s831ConductanceFactor(s831Fraction: number): number {
  return 1 + P.s831ConductanceGain * s831Fraction;
}

/** Maximal synaptic AMPA conductance (nS) of `count` receptors at a mean conductance factor. */
export function ampaMaxConductanceNanoS(count: number, conductanceFactor: number): number {
  return (count * P.ampaUnitaryConductancePicoS * conductanceFactor) / 1000;
}
