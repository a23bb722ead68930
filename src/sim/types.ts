/**
 * Public contract of the synapse simulation (src/sim). Scenes, the story-time
 * maps and the CLI read only these types; the model internals may change.
 *
 * Time is physical (simulated) time in milliseconds. By convention t = 0 ms is
 * the first presynaptic spike of the protocol's induction; baseline test pulses
 * may come before it (negative times).
 */

/** Stimulation protocols the model can run. */
export type ProtocolName = 'test-pulse' | 'tetanus' | 'lfs' | 'pairing' | 'train';

export interface Protocol {
  name: ProtocolName;
  /** Presynaptic spike times, ms (ascending). */
  presynapticSpikeTimesMs: readonly number[];
  /** Postsynaptic depolarisation windows (pairing / bAP), each with a command potential in mV. */
  postsynapticDepolarisations: readonly { startMs: number; endMs: number; targetMv: number }[];
  /** Time after the last induction spike at which the protocol "ends", ms. */
  endMs: number;
  /** Optional: which of presynapticSpikeTimesMs are baseline/probe test pulses (not induction), ms. */
  testPulseTimesMs?: readonly number[];
  /** Optional: simulate until this time, ms (default: endMs + 8 h). */
  simulateUntilMs?: number;
  /** Optional: start simulating at this time, ms (default: 2 s before the first spike, at rest). */
  simulateFromMs?: number;
  /**
   * Optional (set by tetanus()): the induction trains. Train k starts at k x intervalMs (the first at 0) and
   * lasts durationMs; endMs is the end of the last train. intervalMs is 0 for a single train.
   */
  trains?: { count: number; intervalMs: number; durationMs: number };
}

/** Experimental conditions; all combinable. */
export interface Conditions {
  /** Extracellular [Mg2+], mM (default 1.0). */
  mgOutMilliM: number;
  /** NMDA receptor antagonist (APV) present. */
  apv: boolean;
  /** Protein-synthesis inhibitor (anisomycin) present. */
  anisomycin: boolean;
  /** CaMKII inhibited (e.g. KN-93 / AIP). */
  camkiiBlocked: boolean;
  /** Somatic voltage clamp holding potential, mV, or null for current clamp. */
  clampMv: number | null;
}

/** The state of the spine at one physical time. Every on-screen biological quantity comes from here. */
export interface SpineState {
  /** Physical time, ms. */
  tMs: number;
  /** Cleft glutamate concentration, mM. */
  glutamateMilliM: number;
  /** Spine membrane potential, mV. */
  vmMv: number;
  /** AMPA receptor open fraction, 0..1. */
  ampaOpenFraction: number;
  /** NMDA receptor open (glutamate-bound, gated) fraction before Mg2+ block, 0..1. */
  nmdaOpenFraction: number;
  /** Jahr-Stevens unblocked fraction B(V, [Mg]o), 0..1 (1 = Mg2+ fully out of the pore). */
  mgUnblockedFraction: number;
  /** AMPA conductance, nS. */
  gAmpaNanoS: number;
  /** NMDA conductance (after Mg2+ block), nS. */
  gNmdaNanoS: number;
  /** Free spine-head [Ca2+], micromolar (rest ~0.065). */
  spineCaMicroM: number;
  /** Fraction of CaMKII subunits with Ca2+/calmodulin bound, 0..1. */
  camkiiCaMBoundFraction: number;
  /** Fraction of CaMKII subunits phosphorylated at T286, 0..1. */
  camkiiPT286Fraction: number;
  /** Active (CaM-bound or autonomous) CaMKII fraction, 0..1. */
  camkiiActiveFraction: number;
  /** Phosphatase (calcineurin/PP1) activity, 0..1. */
  phosphataseActivity: number;
  /** Synaptic AMPA receptor count (may be fractional in the mean-field model). */
  ampaReceptorCount: number;
  /**
   * GluA1 S831 phosphorylation signal, 0..1 of its modelled maximum (1 = the full +30 % conductance effect).
   * NOT the stoichiometry: measured pS831 is under 1 % of synaptic GluA1 in hippocampus (Hosokawa et al.
   * 2015 Neuron 85:60), so do not display it as "% of receptors phosphorylated".
   */
  gluA1S831Fraction: number;
  /** Spine head volume, cubic micrometres. */
  spineHeadVolumeUm3: number;
  /** Synaptic weight relative to baseline (1 = baseline). */
  synapticWeight: number;
  /** Field EPSP slope as percent of baseline (100 = baseline). */
  fepspPercent: number;
  /** Optional: calcineurin (PP2B) activity, 0..1. */
  calcineurinActivity?: number;
  /** Optional: fraction of holoenzymes with k = 0..12 pT286 subunits (13 entries, sum 1). */
  camkiiHoloenzymeDistribution?: readonly number[];
  /** Optional: early (labile, protein-synthesis-independent) potentiation, fraction of baseline weight. */
  earlyPotentiationFraction?: number;
  /** Optional: late (protein-synthesis-dependent) potentiation, fraction of baseline weight. */
  latePotentiationFraction?: number;
  /** Optional: plasticity-related protein level, 0..1 (0 under anisomycin). */
  proteinSynthesisLevel?: number;
  /** Optional: presynaptic post-tetanic potentiation, fraction of baseline release. */
  ptpFraction?: number;
  /** Optional: Ca2+ current through this spine's NMDA receptors, pA (negative = inward). */
  nmdaCaCurrentPicoA?: number;
}

/** A precomputed, immutable simulation result that can be sampled at any time cheaply. */
export interface SpineTrace {
  protocol: Protocol;
  conditions: Conditions;
  /** First and last simulated time, ms. */
  startMs: number;
  endMs: number;
  /** State at time tMs (interpolated between stored samples; clamped to [startMs, endMs]). */
  sample(tMs: number): SpineState;
  /** First time >= fromMs at which `predicate` holds on the stored samples, or null. */
  findTime(predicate: (s: SpineState) => boolean, fromMs?: number): number | null;
}
