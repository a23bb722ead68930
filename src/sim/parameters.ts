/**
 * Every parameter of the CA1 spine model, in ONE table: value, unit, source
 * (paper, year) and class.
 *
 * class:
 *  - 'measured' : measured experimentally (or a textbook formula) — science-reference.md class E.
 *  - 'model'    : a parameter of a published model, or chosen here so the model reproduces a
 *                 measured outcome (science-reference.md class M/A). The `source` says which.
 *
 * Units are in the key names where they are read at a distance; the `unit` column is authoritative.
 */

export type ParameterClass = 'measured' | 'model';

export interface ParameterRow {
  value: number;
  unit: string;
  source: string;
  cls: ParameterClass;
}

function row(value: number, unit: string, source: string, cls: ParameterClass): ParameterRow {
  return { value, unit, source, cls };
}

export const PARAMETER_TABLE = {
  // ---- 1. NMDA receptor Mg2+ block (Jahr & Stevens 1990) -------------------------------------
  mgBlockKdZeroMvMilliM: row(3.57, 'mM', 'Jahr & Stevens 1990 J Neurosci 10:3178', 'measured'),
  mgBlockVoltageCoeffPerMv: row(0.062, '1/mV', 'Jahr & Stevens 1990 J Neurosci 10:3178', 'measured'),
  mgOutDefaultMilliM: row(
    1.0,
    'mM',
    'ACSF/physiological [Mg2+]o 1-2 mM; 1 mM is the reference column of the Jahr & Stevens 1990 table (1-1.5 mM is also what the model code of Brunel & Wang 2001 and Urakubo 2008 uses)',
    'measured',
  ),

  // ---- 2. Glutamate transient -------------------------------------------------------------------
  cleftGlutamatePeakMilliM: row(1.1, 'mM', 'Clements et al. 1992 Science 258:1498', 'measured'),
  cleftGlutamateDecayMs: row(1.2, 'ms', 'Clements et al. 1992 Science 258:1498', 'measured'),

  releaseUseFraction: row(
    0.2,
    'fraction',
    'Schaffer collateral release probability ~0.2 (Dobrunz & Stevens 1997); Tsodyks-Markram U',
    'model',
  ),
  releaseRecoveryMs: row(
    200,
    'ms',
    'vesicle-pool recovery (Tsodyks & Markram 1997 form; CA3-CA1 depression during 100 Hz trains, Dobrunz & Stevens 1997)',
    'model',
  ),

  // ---- 2. AMPA / NMDA receptor kinetics (Destexhe, Mainen & Sejnowski 1994) ----------------------
  ampaBindingPerMilliMPerMs: row(
    1.1,
    '1/(mM ms)',
    'Destexhe et al. 1994 J Comput Neurosci 1:195 (ampa.mod Alpha)',
    'model',
  ),
  ampaUnbindingPerMs: row(
    0.4,
    '1/ms',
    'closing rate 1/2.5 ms: measured AMPA EPSC decay 2-3 ms (2.6 +- 1.0 ms, read in the Fig. 4 caption of PMC2269430; reference section 2); Destexhe 1994 uses 0.19 (5.26 ms) but then peaks 1.9 ms after release',
    'model',
  ),
  nmdaBindingPerMilliMPerMs: row(0.072, '1/(mM ms)', 'Destexhe et al. 1994 (nmda.mod Alpha)', 'model'),
  nmdaUnbindingPerMs: row(
    0.0125,
    '1/ms',
    'decay tau 80 ms: NR2A-rich adult CA1 NMDA EPSC 50-150 ms (reference section 2; Destexhe 1994 uses 0.0066 = 151.5 ms); keeps the spine Ca tail <= ~100 ms (Sabatini 2002)',
    'model',
  ),
  nmdaGatingRiseMs: row(
    4,
    'ms',
    'chosen so the NMDA conductance peaks 5-25 ms after release (NMDA rise 2-15 ms in ModelDB 157157/181967)',
    'model',
  ),
  ampaReversalMv: row(0, 'mV', 'all cited mod files (Destexhe 1994)', 'measured'),
  nmdaReversalMv: row(0, 'mV', 'all cited mod files (Destexhe 1994)', 'measured'),
  caReversalMv: row(
    130,
    'mV',
    'Shouval, Bear & Cooper 2002 PNAS 99:10831, value read in its model code (folmez/CaDP-MatLab, V_r = 130 mV)',
    'model',
  ),
  ampaUnitaryConductancePicoS: row(
    10,
    'pS',
    'mean elementary conductance of AMPAR channels ~10 pS in outside-out patches from CA1/CA3 apical dendrites, by non-stationary fluctuation analysis (Spruston, Jonas & Sakmann 1995 J Physiol 482:325)',
    'measured',
  ),
  ampaBaselineCount: row(
    20,
    'receptors',
    'small CA1 spine 10-30 AMPARs (Nusser 1998 Neuron 21:545; Matsuzaki 2001 Nat Neurosci 4:1086)',
    'measured',
  ),
  ampaMaxCount: row(150, 'receptors', 'upper bound ~150 per spine (Matsuzaki 2001)', 'measured'),
  nmdaMaxConductanceNanoS: row(
    0.145,
    'nS',
    'spine-head synaptic NMDA conductance with all receptors open; calibrated so one test pulse at rest gives a spine Ca peak of ~0.33 uM, just above the calcineurin threshold. Peak NMDA/AMPA conductance of a test pulse (Mg-free) is then 0.12, inside the 0.03-0.62 NMDA/AMPA peak ratio of CA1 dendritic patches (Spruston, Jonas & Sakmann 1995 J Physiol 482:325)',
    'model',
  ),
  branchNmdaConductancePerSynapseNanoS: row(
    4.1,
    'nS',
    'NMDA conductance per co-activated synapse seen by the branch membrane (synaptic + extrasynaptic/shaft NMDARs of the neighbours, recruited by glutamate spillover during trains), lumped. With it a 100 Hz train drives a regenerative NMDA plateau: the branch peaks at about -15 mV (Mg2+ unblocked fraction B ~0.58) ~75 ms into the train and settles near -26 mV (B ~0.41) as release depresses, while a single test pulse depolarises by ~10 mV (B stays below 0.09). Local NMDA spike/plateau potentials of tens of mV in thin dendrites: Schiller et al. 2000 Nature 404:285; Major et al. 2008 J Neurophysiol 99:2584; spillover onto extrasynaptic NMDARs during repetitive input: Chalifoux & Carter 2011 J Neurosci 31:16435 (amplitudes at the dendrite class A, not re-read; no direct CA1 dendritic recording during a 100 Hz x 1 s train was re-read)',
    'model',
  ),
  nmdaCaFraction: row(
    0.1,
    'fraction',
    'Pf of NMDAR current ~0.10 (Dingledine et al. 1999 Pharmacol Rev 51:7, Table 7)',
    'measured',
  ),
  nmdaCaFractionReferenceMv: row(
    -60,
    'mV',
    'potential at which Pf is quoted (Schneggenburger 1996/Burnashev 1995, via Dingledine 1999)',
    'model',
  ),
  ampaCaFraction: row(
    0.0005,
    'fraction',
    'Pf of GluA2-containing AMPAR: upper bound <= 0.005 (Dingledine et al. 1999 Table 7); GluA2(R) receptors are nearly Ca-impermeable, one tenth of the bound used',
    'model',
  ),

  // ---- Membrane potential: spine + the dendritic branch shared with co-activated synapses -------
  restingPotentialMv: row(
    -70,
    'mV',
    'CA1 pyramidal resting potential -65 to -70 mV (seed article; Jahr & Stevens table)',
    'measured',
  ),
  membraneTimeConstantMs: row(20, 'ms', 'CA1 dendritic membrane time constant ~20 ms (textbook)', 'measured'),
  cooperativeSynapseCount: row(
    70,
    'synapses',
    'co-activated Schaffer synapses on the branch (field stimulation cooperativity); chosen so a test pulse gives a ~10 mV spine EPSP',
    'model',
  ),
  branchLeakConductanceNanoS: row(10, 'nS', 'branch input conductance (100 MOhm input resistance)', 'model'),
  depolarisationCommandConductanceNanoS: row(
    500,
    'nS',
    'stiff current source for pairing/bAP command potentials (reaches target in <1 ms)',
    'model',
  ),

  // ---- 3. Spine calcium ------------------------------------------------------------------------
  restCaMicroM: row(
    0.065,
    'uM',
    'CA1 spine resting Ca 65 nM (Sabatini, Oertner & Svoboda 2002 Neuron 33:439, as quoted in the BBP model code CaDynamics_DC0_hip.mod; primary paper not re-read)',
    'measured',
  ),
  caDecayMs: row(
    12,
    'ms',
    'spine Ca decay tau 12 ms (Sabatini et al. 2002 Neuron 33:439, as quoted in the BBP model code CaDynamics_DC0_hip.mod)',
    'measured',
  ),
  caBufferCapacity: row(
    20,
    'dimensionless',
    'endogenous buffer capacity kappa_E ~20 in spines (Sabatini et al. 2002 Neuron 33:439; abstract: low buffer capacity; the value as quoted in the BBP model code)',
    'measured',
  ),
  spineHeadVolumeUm3: row(
    0.05,
    'um3',
    'spine head 0.03-0.06 um3 (Bartol et al. 2015; Harris & Weinberg 2012)',
    'measured',
  ),
  psdAreaUm2: row(
    0.069,
    'um2',
    'CA1 PSD area (Harris & Weinberg 2012 CSH Perspect Biol 4:a005587, Table 1)',
    'measured',
  ),
  faradayCPerMol: row(96485, 'C/mol', 'Faraday constant', 'measured'),

  // ---- 5. CaMKII -------------------------------------------------------------------------------
  camkiiHillKMicroM: row(
    0.7,
    'uM',
    'K_H1 (Miller, Zhabotinsky, Lisman & Wang 2005 PLoS Biol 3:e107, Table 1; read in a secondary transcription, D. Singh params.py model code)',
    'model',
  ),
  camkiiHillN: row(
    3,
    'dimensionless',
    'n_H (Miller et al. 2005 Table 1, secondary transcription in model code)',
    'model',
  ),
  camkiiPhosphorylationPerS: row(
    1.5,
    '1/s',
    'k1 T286 autophosphorylation (Miller et al. 2005 Table 1, secondary transcription in model code)',
    'model',
  ),
  calmodulinCaRiseS: row(
    0.02,
    's',
    'Ca2+ binding to CaM follows the Ca2+ transient within tens of ms (Pepke et al. 2010 PLoS Comput Biol 6:e1000675 rates, as used in the Chang 2019 model code)',
    'model',
  ),
  calmodulinCaDecayS: row(
    0.3,
    's',
    'Ca2+/CaM (CaMKII-bound CaM, high affinity) loses Ca2+ over ~0.3 s (Pepke et al. 2010 rates, as used in the Chang 2019 model code)',
    'model',
  ),
  camCamkiiBindingRiseS: row(
    0.1,
    's',
    'CaM-CaMKII association rises in ~0.1 s (Chang et al. 2019 Nat Commun 10:2784)',
    'measured',
  ),
  camCamkiiBindingDecayS: row(3, 's', 'CaM-CaMKII association decays in ~3 s (Chang et al. 2019)', 'measured'),
  camkiiDephosphorylationS: row(
    10,
    's',
    'pT286 activity decays over ~10 s in single spines (Lee et al. 2009 Nature 458:299; Chang 2019)',
    'measured',
  ),
  camkiiAutonomousActivity: row(
    0.6,
    'fraction of CaM-bound activity',
    'Chang et al. 2019 Nat Commun 10:2784; the value is from its model code (autonomous = 0.6), not a measurement',
    'model',
  ),
  camkiiPp1DephosphorylationGain: row(
    4,
    'dimensionless',
    'PP1 speeds T286 dephosphorylation (Lisman & Zhabotinsky 2001 Neuron 31:191); gain chosen so LFS does not accumulate pT286',
    'model',
  ),

  // ---- 8. Phosphatases (calcineurin -> inhibitor-1 -> PP1) ---------------------------------------
  calcineurinHillKMicroM: row(
    0.3,
    'uM',
    'K_H2 = 0.3 uM, phosphatase side switches on below CaMKII (Miller et al. 2005 Table 1, secondary transcription in model code; Graupner & Brunel 2007 PLoS Comput Biol 3:e221)',
    'model',
  ),
  calcineurinHillN: row(3, 'dimensionless', 'Miller et al. 2005 (secondary transcription in model code)', 'model'),
  calcineurinRiseS: row(0.05, 's', 'calcineurin activation follows Ca within tens of ms (model choice)', 'model'),
  calcineurinDecayS: row(
    1.5,
    's',
    'calcineurin deactivation (model choice: lets 1 Hz pulses summate, 0.05 Hz test pulses not)',
    'model',
  ),
  pp1IntegrationS: row(
    20,
    's',
    'calcineurin -> inhibitor-1 -> PP1 cascade integrates over tens of s (model choice; Lisman 1989)',
    'model',
  ),
  ltdPp1Threshold: row(
    0.08,
    'fraction',
    'PP1 activity above which AMPARs are removed (model threshold, tuned so 1 Hz x 900 depresses ~25 %)',
    'model',
  ),

  // ---- 6/7. Expression: AMPAR insertion, consolidation, spine growth ----------------------------
  insertionDriveHalfPT286: row(
    0.45,
    'fraction',
    'pT286 (autonomous CaMKII) needed for AMPAR insertion; T286A blocks LTP (Giese 1998; Chang 2019)',
    'model',
  ),
  insertionDriveHillN: row(8, 'dimensionless', 'steep CaMKII requirement (model choice)', 'model'),
  insertionSignalS: row(
    60,
    's',
    'AMPAR exocytosis/trapping develops over ~1-2 min after induction (Patterson 2010; Matsuzaki 2004)',
    'model',
  ),
  insertionRatePerS: row(
    0.1,
    '1/s',
    'insertion rate at full drive (tuned: fEPSP ~150 % 60 min after one 100 Hz x 1 s train, reference check 24)',
    'model',
  ),
  earlyPotentiationMax: row(
    1.2,
    'fraction of baseline',
    'ceiling on labile potentiation (AMPAR x conductance <= 2.5x, reference check 21)',
    'model',
  ),
  earlyStageS: row(
    2400,
    's',
    'E-LTP lasts ~1-3 h: 3-stage decay, 40 min each (one train: Huang & Kandel 1994 Learn Mem 1:74; Abbas, Villers & Ris 2015 Rev Neurosci; with anisomycin LTP is back to baseline by 8 h, Frey et al. 1988 Brain Res 452:57)',
    'model',
  ),
  ltdRemovalPerS: row(
    0.0015,
    '1/s',
    'AMPAR endocytosis rate at full PP1 drive (tuned: LFS -> ~75 % at 60 min)',
    'model',
  ),
  proteinTriggerGainPerS: row(
    0.06,
    '1/s',
    'trigger gain per unit insertion signal: one 100 Hz x 1 s train adds ~0.4 (model choice, scaled so the threshold below separates one train from three)',
    'model',
  ),
  proteinTriggerDecayS: row(
    3600,
    's',
    'the PKA/ERK trigger of repeated trains decays over ~1 h, so trains 10 min apart summate (model choice; spacing of Huang & Kandel 1994 Learn Mem 1:74)',
    'model',
  ),
  proteinTriggerHalf: row(
    0.65,
    'dimensionless',
    'translation threshold on the summed trigger: one 100 Hz x 1 s train (~0.4) stays below it, three trains 10 min apart (~1.0) pass it. Huang & Kandel 1994 Learn Mem 1:74: one train gives early LTP lasting 1-3 h, three trains give PKA- and protein-synthesis-dependent late LTP (model threshold tuned to that outcome)',
    'model',
  ),
  proteinTriggerHillN: row(8, 'dimensionless', 'steep (threshold-like) translation trigger (model choice)', 'model'),
  proteinSynthesisS: row(
    1800,
    's',
    'plasticity-related proteins appear over ~30 min (Frey & Morris 1997, model choice)',
    'model',
  ),
  proteinDecayS: row(7200, 's', 'plasticity-related proteins last ~2 h (model choice)', 'model'),
  captureRatePerS: row(
    0.0012,
    '1/s',
    'capture of labile potentiation into L-LTP at full protein (synaptic tagging and capture, Frey & Morris 1997 Nature 385:533; rate tuned: three trains stay >= 130 % at 8 h, Huang & Kandel 1994)',
    'model',
  ),
  latePotentiationDecayS: row(259200, 's', 'L-LTP lasts days (3-day decay; Abraham 2003)', 'model'),
  ptpPerSpike: row(
    0.013,
    'fraction per spike',
    'post-tetanic potentiation increment (presynaptic; model choice)',
    'model',
  ),
  ptpDecayS: row(180, 's', 'PTP decays over the first ~5-10 min (reference section 7)', 'model'),
  s831PhosphorylationPerS: row(0.5, '1/s', 'CaMKII phosphorylates GluA1 S831 (Barria 1997; model rate)', 'model'),
  s831DephosphorylationS: row(600, 's', 'S831 dephosphorylation (model choice, ~10 min)', 'model'),
  s831ConductanceGain: row(
    0.3,
    'fraction',
    'pS831 raises mean channel conductance up to 1.3x (Derkach 1999 PNAS 96:3269; Kristensen 2011)',
    'model',
  ),
  actinDriveS: row(30, 's', 'actin polymerisation follows CaMKII within ~30 s (Matsuzaki 2004; Yang 2008)', 'model'),
  transientGrowthGainPerS: row(
    0.6,
    '1/s',
    'transient sLTP gain (tuned: +100..+300 % peak at 1-5 min; Matsuzaki 2004)',
    'model',
  ),
  transientGrowthMax: row(
    3,
    'fraction of baseline volume',
    'ceiling of transient sLTP, +300 % (Matsuzaki et al. 2004 Nature 429:761)',
    'model',
  ),
  transientGrowthDecayS: row(240, 's', 'transient sLTP decay (Matsuzaki 2004; Harvey & Svoboda 2007)', 'model'),
  sustainedGrowthPerPotentiation: row(
    2,
    'volume fraction per weight fraction',
    'sustained spine volume tracks AMPAR content (Matsuzaki et al. 2001 Nat Neurosci 4:1086; Matsuzaki 2004; Govindarajan 2011); slope at small potentiation, tuned so one train gives +50..+100 % at 30-60 min',
    'model',
  ),
  sustainedShrinkPerDepression: row(
    1.4,
    'volume fraction per weight fraction',
    'LTD: the spine shrinks with its AMPAR content (Zhou, Homma & Poo 2004 Neuron 44:749; slope is a model choice)',
    'model',
  ),
  sustainedGrowthMax: row(
    1.6,
    'fraction of baseline volume',
    'saturation of sustained growth, so three trains stay near the sustained sLTP of small spines, +50..+100 % at >= 30 min (Matsuzaki et al. 2004 Nature 429:761; reference section 6, class A)',
    'model',
  ),
  sustainedGrowthS: row(
    300,
    's',
    'sustained structural change follows AMPAR content over ~5 min (model choice)',
    'model',
  ),
} as const satisfies Record<string, ParameterRow>;

export type ParameterName = keyof typeof PARAMETER_TABLE;

/** Plain numeric view of the table: `P.caDecayMs` etc. */
export type ParameterValues = { readonly [K in ParameterName]: number };

function valuesOf(table: Record<ParameterName, ParameterRow>): ParameterValues {
  const out = {} as Record<ParameterName, number>;
  for (const key of Object.keys(table) as ParameterName[]) out[key] = table[key].value;
  return out;
}

/** The default parameter values (read-only). */
export const P: ParameterValues = Object.freeze(valuesOf(PARAMETER_TABLE));
