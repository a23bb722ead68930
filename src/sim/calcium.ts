import { P as PImported } from './parameters';

// Module-local bindings of the imports: hot loops avoid per-call export getters under CommonJS loaders (tsx).
const P = PImported;

/**
 * Scale that turns an NMDA conductance into its Ca2+ current with driving force (V - E_Ca),
 * chosen so the Ca2+ share of the NMDAR current is Pf = 0.10 at the reference potential (-60 mV).
 */
function nmdaCaScale(): number {
  const v = P.nmdaCaFractionReferenceMv;
  return (P.nmdaCaFraction * (v - P.nmdaReversalMv)) / (v - P.caReversalMv);
}
const NMDA_CA_SCALE = nmdaCaScale();
const AMPA_CA_SCALE =
  (P.ampaCaFraction * (P.nmdaCaFractionReferenceMv - P.ampaReversalMv)) /
  (P.nmdaCaFractionReferenceMv - P.caReversalMv);

/** Total NMDAR current (pA, negative = inward) for an unblocked conductance gNmdaNanoS (nS) at vmMv. */
export function nmdaCurrentPicoA(gNmdaNanoS: number, vmMv: number): number {
  return gNmdaNanoS * (vmMv - P.nmdaReversalMv);
}

/** Ca2+ part of the NMDAR current (pA, negative = inward), driving force V - E_Ca (E_Ca = +130 mV, Shouval 2002). */
export function nmdaCaCurrentPicoA(gNmdaNanoS: number, vmMv: number): number {
  return NMDA_CA_SCALE * gNmdaNanoS * (vmMv - P.caReversalMv);
}

/** Ca2+ part of the AMPAR (GluA2-containing) current, pA; Pf <= 0.005 (Dingledine 1999). */
export function ampaCaCurrentPicoA(gAmpaNanoS: number, vmMv: number): number {
  return AMPA_CA_SCALE * gAmpaNanoS * (vmMv - P.caReversalMv);
}

/**
 * Free-Ca2+ influx rate (uM/ms) into a spine head of `volumeUm3` (um3) for an inward Ca current
 * (pA, negative), after the fast endogenous buffer (kappa = 20) takes its share.
 * 1 pA into 0.05 um3 is 103.6 uM/ms total Ca, 4.9 uM/ms free.
 */
export function freeCaInfluxMicroMPerMs(caCurrentPicoA: number, volumeUm3: number): number {
  const molPerS = (-caCurrentPicoA * 1e-12) / (2 * P.faradayCPerMol);
  const litres = volumeUm3 * 1e-15;
  const microMPerMs = ((molPerS / litres) * 1e6) / 1000;
  return microMPerMs / (1 + P.caBufferCapacity);
}

/**
 * Free spine Ca (uM) after a step of dtMs (ms) with a constant free influx (uM/ms): first-order
 * clearance back to rest (65 nM) with tau 12 ms (Sabatini et al. 2002), exact for constant influx.
 */
export function stepSpineCaMicroM(caMicroM: number, freeInfluxMicroMPerMs: number, dtMs: number): number {
  const target = P.restCaMicroM + freeInfluxMicroMPerMs * P.caDecayMs;
  return target + (caMicroM - target) * Math.exp(-dtMs / P.caDecayMs);
}

/** Steady-state free Ca (uM) for a constant free influx (uM/ms): rest + influx * tau_decay. */
export function caSteadyStateMicroM(freeInfluxMicroMPerMs: number): number {
  return P.restCaMicroM + freeInfluxMicroMPerMs * P.caDecayMs;
}
