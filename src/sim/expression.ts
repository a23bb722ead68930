/**
 * Expression of plasticity (slow, seconds to days): AMPAR insertion/removal, GluA1 S831, the
 * early (labile, ~1-3 h) and late (protein-synthesis-dependent) components of the synaptic weight,
 * post-tetanic potentiation and spine-head volume. All steps are exponential-Euler (stable at any dt).
 *
 * Weight w = 1 + early + late (1 = baseline AMPAR content). Early potentiation decays through three
 * 40-min stages (Erlang-3: ~80 % left at 1 h, ~17 % at 3 h, ~0 by 8 h; E-LTP 1-3 h, Huang & Kandel
 * 1994, Abbas 2015) unless plasticity-related proteins capture it into the late component
 * (synaptic tagging and capture, Frey & Morris 1997). Proteins are made only when a trigger summed over
 * trains passes a threshold that one 100 Hz x 1 s train does not reach and three trains 10 min apart do
 * (Huang & Kandel 1994 Learn Mem 1:74). Anisomycin sets protein synthesis to zero.
 */
import { P as PImported } from './parameters';
import { hill as hillImported, relaxTowards as relaxTowardsImported } from './relax';

// Module-local bindings of the imports: hot loops avoid per-call export getters under CommonJS loaders (tsx).
const P = PImported,
  hill = hillImported,
  relaxTowards = relaxTowardsImported;

/** Slow state of one spine (all dimensionless unless named). */
export interface ExpressionState {
  /** AMPAR insertion signal (0..1), follows strong pT286 over ~1 min. */
  insertionSignal: number;
  /** Early (labile) potentiation, three sequential stages, fractions of baseline weight (negative = LTD). */
  early1: number;
  early2: number;
  early3: number;
  /** Late (consolidated) potentiation, fraction of baseline weight. */
  late: number;
  /** Protein-synthesis trigger (PKA/ERK-like): sums the insertion signal of each train, decays over ~1 h. */
  proteinTrigger: number;
  /** Plasticity-related protein level (0..1). */
  protein: number;
  /** GluA1 S831 phosphorylation signal (0..1 of its modelled effect; not the stoichiometry, see types.ts). */
  s831: number;
  /** Post-tetanic potentiation (presynaptic, fraction of baseline release). */
  ptp: number;
  /** Actin polymerisation drive (0..1). */
  actin: number;
  /** Transient spine growth, fraction of baseline head volume. */
  transientGrowth: number;
  /** Sustained spine growth (or shrinkage, negative), fraction of baseline head volume. */
  sustainedGrowth: number;
}

export function restingExpressionState(): ExpressionState {
  return {
    insertionSignal: 0,
    early1: 0,
    early2: 0,
    early3: 0,
    late: 0,
    proteinTrigger: 0,
    protein: 0,
    s831: 0,
    ptp: 0,
    actin: 0,
    transientGrowth: 0,
    sustainedGrowth: 0,
  };
}

/** Insertion drive (0..1) from the pT286 fraction: steep Hill (insertionDriveHalfPT286, insertionDriveHillN); T286 is required for LTP. */
export function insertionDrive(pT286: number): number {
  return hill(pT286, P.insertionDriveHalfPT286, P.insertionDriveHillN);
}

/** Total early potentiation (fraction of baseline). */
export function earlyPotentiation(s: ExpressionState): number {
  return s.early1 + s.early2 + s.early3;
}

/** Synaptic AMPAR content relative to baseline (1 = baseline), floored at 0.1. */
export function ampaContentRelative(s: ExpressionState): number {
  return Math.max(0.1, 1 + earlyPotentiation(s) + s.late);
}

/** Synaptic AMPAR count: baseline count x relative content, capped at 150 (Matsuzaki 2001). */
export function ampaReceptorCount(s: ExpressionState): number {
  return Math.min(P.ampaMaxCount, P.ampaBaselineCount * ampaContentRelative(s));
}

/**
 * Sustained spine growth (fraction of baseline volume) for a potentiation x (fraction of baseline weight):
 * slope sustainedGrowthPerPotentiation at small x, saturating towards sustainedGrowthMax for large x
 * (repeated trains), g.x.M / (g.x + M); linear shrinkage for LTD (x < 0, Zhou 2004).
 */
export function sustainedGrowthTarget(x: number): number {
  const g = P.sustainedGrowthPerPotentiation;
  if (x <= 0) return P.sustainedShrinkPerDepression * x;
  return (g * x * P.sustainedGrowthMax) / (g * x + P.sustainedGrowthMax);
}

/** Spine head volume (um3): baseline x (1 + transient + sustained), floored at 30 % of baseline. */
export function spineHeadVolumeUm3(s: ExpressionState): number {
  return P.spineHeadVolumeUm3 * Math.max(0.3, 1 + s.transientGrowth + s.sustainedGrowth);
}

/**
 * Presynaptic post-tetanic potentiation after one spike arriving `gapMs` after the previous one:
 * += ptpPerSpike x exp(-gap / 100 ms) x (1 - ptp/2). Only high-frequency trains build PTP (residual
 * presynaptic Ca2+); sparse test pulses and 1 Hz LFS do not. Saturates near +200 %.
 */
export function ptpAfterSpike(ptp: number, gapMs: number): number {
  return ptp + P.ptpPerSpike * Math.exp(-gapMs / 100) * Math.max(0, 1 - ptp / 2);
}

export interface ExpressionInputs {
  /** pT286 fraction (0..1; 0 under CaMKII block). */
  pT286: number;
  /** LTD drive from PP1 (0..1). */
  ltd: number;
  /** PP1 activity (0..1). */
  pp1: number;
  /** Protein synthesis blocked (anisomycin). */
  anisomycin: boolean;
}

/** Advance the slow state by dtMs (ms) in place (`s` is updated and returned). */
export function stepExpression(s: ExpressionState, inp: ExpressionInputs, dtMs: number): ExpressionState {
  const dtS = dtMs / 1000;
  const drive = insertionDrive(inp.pT286);
  const insertionSignal = relaxTowards(s.insertionSignal, drive, 1 / P.insertionSignalS, dtS);

  // Early potentiation, stage 1: insertion (towards the ceiling) and PP1-driven removal.
  const stage = 1 / P.earlyStageS;
  const capture = P.captureRatePerS * s.protein;
  const u = s.insertionSignal;
  const others = s.early2 + s.early3;
  const wMin = 0.2;
  const inflow =
    P.insertionRatePerS * u * (P.earlyPotentiationMax - others) -
    P.ltdRemovalPerS * inp.ltd * (1 + others + s.late - wMin);
  const outRate = P.insertionRatePerS * u + P.ltdRemovalPerS * inp.ltd + stage + capture;
  const early1 = relaxTowards(s.early1, inflow / outRate, outRate, dtS);
  const loss = stage + capture;
  const early2 = relaxTowards(s.early2, (s.early1 * stage) / loss, loss, dtS);
  const early3 = relaxTowards(s.early3, (s.early2 * stage) / loss, loss, dtS);
  const earlyTotal = s.early1 + s.early2 + s.early3;
  const lateRate = 1 / P.latePotentiationDecayS;
  const late = relaxTowards(s.late, (capture * earlyTotal) / lateRate, lateRate, dtS);

  // Protein synthesis (PKA/ERK -> translation); anisomycin blocks it. The trigger sums the insertion
  // signal of each train and decays over ~1 h, so trains 10 min apart add up; translation needs the sum
  // to pass a steep threshold that one train does not reach (Huang & Kandel 1994: one train gives early
  // LTP only, three trains give protein-synthesis-dependent late LTP).
  const triggerDecay = 1 / P.proteinTriggerDecayS;
  const proteinTrigger = relaxTowards(
    s.proteinTrigger,
    (P.proteinTriggerGainPerS * u) / triggerDecay,
    triggerDecay,
    dtS,
  );
  const proteinTarget = inp.anisomycin ? 0 : hill(s.proteinTrigger, P.proteinTriggerHalf, P.proteinTriggerHillN);
  const proteinTau = proteinTarget > s.protein ? P.proteinSynthesisS : P.proteinDecayS;
  const protein = relaxTowards(s.protein, proteinTarget, 1 / proteinTau, dtS);

  // GluA1 S831: phosphorylated by strong CaMKII, dephosphorylated (faster with PP1).
  const sOn = P.s831PhosphorylationPerS * drive;
  const sOff = 1 / P.s831DephosphorylationS + inp.pp1 / 60;
  const s831 = relaxTowards(s.s831, sOn / (sOn + sOff), sOn + sOff, dtS);

  const ptp = relaxTowards(s.ptp, 0, 1 / P.ptpDecayS, dtS);

  // Spine structure: actin follows CaMKII drive; transient growth integrates actin; sustained growth
  // follows AMPAR content (and shrinks with LTD, Zhou 2004).
  const actin = relaxTowards(s.actin, drive, 1 / P.actinDriveS, dtS);
  // Transient growth saturates at +300 % (largest sLTP reported, Matsuzaki 2004):
  // dG/dt = gain * actin * (1 - G / max) - G / tau.
  const tg = 1 / P.transientGrowthDecayS;
  const gOn = P.transientGrowthGainPerS * s.actin;
  const gRate = gOn / P.transientGrowthMax + tg;
  const transientGrowth = relaxTowards(s.transientGrowth, gOn / gRate, gRate, dtS);
  const sustainedTarget = sustainedGrowthTarget(earlyTotal + s.late);
  const sustainedGrowth = relaxTowards(s.sustainedGrowth, sustainedTarget, 1 / P.sustainedGrowthS, dtS);

  s.insertionSignal = insertionSignal;
  s.early1 = early1;
  s.early2 = early2;
  s.early3 = early3;
  s.late = late;
  s.proteinTrigger = proteinTrigger;
  s.protein = protein;
  s.s831 = s831;
  s.ptp = ptp;
  s.actin = actin;
  s.transientGrowth = transientGrowth;
  s.sustainedGrowth = sustainedGrowth;
  return s;
}
