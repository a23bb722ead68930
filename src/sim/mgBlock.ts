import { P as PImported } from './parameters';

// Module-local bindings of the imports: hot loops avoid per-call export getters under CommonJS loaders (tsx).
const P = PImported;

/**
 * Jahr & Stevens (1990) unblocked fraction of the NMDA receptor at membrane potential
 * `vmMv` (mV) and extracellular [Mg2+] `mgMilliM` (mM, >= 0):
 *   B(V) = 1 / (1 + [Mg]o / 3.57 mM * exp(-0.062 V/mV)).
 * Returns a fraction in (0, 1]; 1 means Mg2+ is fully out of the pore.
 */
export function jahrStevensUnblockedFraction(vmMv: number, mgMilliM: number): number {
  return 1 / (1 + (mgMilliM / P.mgBlockKdZeroMvMilliM) * Math.exp(-P.mgBlockVoltageCoeffPerMv * vmMv));
}

/** Membrane potential (mV) at which B = 0.5 for a given [Mg2+]o (mM > 0). */
export function halfUnblockVoltageMv(mgMilliM: number): number {
  return Math.log(mgMilliM / P.mgBlockKdZeroMvMilliM) / P.mgBlockVoltageCoeffPerMv;
}
