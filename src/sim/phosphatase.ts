/**
 * Phosphatase side: calcineurin (PP2B, high Ca2+ affinity, K = 0.3 uM) activates PP1 through
 * inhibitor-1 dephosphorylation (Lisman 1989; Mulkey et al. 1994). A modest but prolonged Ca2+ rise
 * (1 Hz LFS) keeps PP1 above its threshold for minutes and removes AMPARs; sparse test pulses and a
 * 1-s tetanus do not (Graupner & Brunel 2007: phosphatase switches on at lower Ca than CaMKII).
 */
import { P as PImported } from './parameters';
import { hill as hillImported, relaxTowards as relaxTowardsImported } from './relax';

// Module-local bindings of the imports: hot loops avoid per-call export getters under CommonJS loaders (tsx).
const P = PImported,
  hill = hillImported,
  relaxTowards = relaxTowardsImported;

/** Calcineurin steady-state activation at free Ca (uM): Hill K = 0.3 uM, n = 3. Fraction 0..1. */
export function calcineurinActivation(caMicroM: number): number {
  return hill(caMicroM, P.calcineurinHillKMicroM, P.calcineurinHillN);
}

/** Calcineurin activity after a step of dtMs: rises with tau 0.05 s, falls with tau 1.5 s. */
export function stepCalcineurinActivity(activity: number, caMicroM: number, dtMs: number): number {
  const target = calcineurinActivation(caMicroM);
  const tauS = target > activity ? P.calcineurinRiseS : P.calcineurinDecayS;
  return relaxTowards(activity, target, 1 / (tauS * 1000), dtMs);
}

/** PP1 activity (0..1) after a step: integrates calcineurin activity with tau 20 s (inhibitor-1 cascade). */
export function stepPp1Activity(pp1: number, calcineurin: number, dtMs: number): number {
  return relaxTowards(pp1, calcineurin, 1 / (P.pp1IntegrationS * 1000), dtMs);
}

/** LTD drive (0..1): PP1 activity above the removal threshold, rescaled. */
export function ltdDrive(pp1: number): number {
  return pp1 > P.ltdPp1Threshold ? (pp1 - P.ltdPp1Threshold) / (1 - P.ltdPp1Threshold) : 0;
}
