/**
 * The integrator: one CA1 spine from rest through a protocol and hours of aftermath, on the adaptive
 * fixed-step schedule (stepSchedule.ts). Pure and deterministic: the same protocol and conditions give
 * the same trace bit for bit (no clock, no randomness, fixed operation order).
 */
import type { Conditions, Protocol, SpineTrace } from './types';
import { P as PImported } from './parameters';
import { resolveConditions as resolveConditionsImported } from './conditions';
import { jahrStevensUnblockedFraction as jahrStevensUnblockedFractionImported } from './mgBlock';
import {
  cleftGlutamateMilliM as cleftGlutamateMilliMImported,
  depressedReleaseScale as depressedReleaseScaleImported,
  meanGlutamateOverStepMilliM as meanGlutamateOverStepMilliMImported,
} from './glutamate';
import {
  ampaMaxConductanceNanoS as ampaMaxConductanceNanoSImported,
  s831ConductanceFactor as s831ConductanceFactorImported,
  stepAmpaOpenFraction as stepAmpaOpenFractionImported,
  stepNmdaBoundFraction as stepNmdaBoundFractionImported,
  stepNmdaOpenFraction as stepNmdaOpenFractionImported,
} from './receptors';
import {
  ampaCaCurrentPicoA as ampaCaCurrentPicoAImported,
  freeCaInfluxMicroMPerMs as freeCaInfluxMicroMPerMsImported,
  nmdaCaCurrentPicoA as nmdaCaCurrentPicoAImported,
  stepSpineCaMicroM as stepSpineCaMicroMImported,
} from './calcium';
import {
  camkiiActiveFraction as camkiiActiveFractionImported,
  camkiiHillActivation as camkiiHillActivationImported,
  pT286DephosphorylationPerS as pT286DephosphorylationPerSImported,
  pT286FractionOfRings as pT286FractionOfRingsImported,
  stepCalmodulinCaFraction as stepCalmodulinCaFractionImported,
  stepCaMBoundFraction as stepCaMBoundFractionImported,
  stepRingDistribution as stepRingDistributionImported,
} from './camkii';
import {
  calcineurinActivation as calcineurinActivationImported,
  ltdDrive as ltdDriveImported,
  stepCalcineurinActivity as stepCalcineurinActivityImported,
  stepPp1Activity as stepPp1ActivityImported,
} from './phosphatase';
import {
  ampaContentRelative as ampaContentRelativeImported,
  ampaReceptorCount as ampaReceptorCountImported,
  earlyPotentiation as earlyPotentiationImported,
  ptpAfterSpike as ptpAfterSpikeImported,
  restingExpressionState as restingExpressionStateImported,
  spineHeadVolumeUm3 as spineHeadVolumeUm3Imported,
  stepExpression as stepExpressionImported,
  type ExpressionInputs,
  type ExpressionState,
} from './expression';
import { relaxTowards as relaxTowardsImported } from './relax';
import { stepSizeMs as stepSizeMsImported } from './stepSchedule';
import {
  COL as COLImported,
  COLUMN_COUNT as COLUMN_COUNTImported,
  TraceRecorder as TraceRecorderImported,
  makeTrace as makeTraceImported,
} from './trace';

// Module-local bindings of the imports: hot loops avoid per-call export getters under CommonJS loaders (tsx).
const P = PImported,
  resolveConditions = resolveConditionsImported,
  jahrStevensUnblockedFraction = jahrStevensUnblockedFractionImported,
  cleftGlutamateMilliM = cleftGlutamateMilliMImported,
  depressedReleaseScale = depressedReleaseScaleImported,
  meanGlutamateOverStepMilliM = meanGlutamateOverStepMilliMImported,
  ampaMaxConductanceNanoS = ampaMaxConductanceNanoSImported,
  s831ConductanceFactor = s831ConductanceFactorImported,
  stepAmpaOpenFraction = stepAmpaOpenFractionImported,
  stepNmdaBoundFraction = stepNmdaBoundFractionImported,
  stepNmdaOpenFraction = stepNmdaOpenFractionImported,
  ampaCaCurrentPicoA = ampaCaCurrentPicoAImported,
  freeCaInfluxMicroMPerMs = freeCaInfluxMicroMPerMsImported,
  nmdaCaCurrentPicoA = nmdaCaCurrentPicoAImported,
  stepSpineCaMicroM = stepSpineCaMicroMImported,
  camkiiActiveFraction = camkiiActiveFractionImported,
  camkiiHillActivation = camkiiHillActivationImported,
  pT286DephosphorylationPerS = pT286DephosphorylationPerSImported,
  pT286FractionOfRings = pT286FractionOfRingsImported,
  stepCalmodulinCaFraction = stepCalmodulinCaFractionImported,
  stepCaMBoundFraction = stepCaMBoundFractionImported,
  stepRingDistribution = stepRingDistributionImported,
  calcineurinActivation = calcineurinActivationImported,
  ltdDrive = ltdDriveImported,
  stepCalcineurinActivity = stepCalcineurinActivityImported,
  stepPp1Activity = stepPp1ActivityImported,
  ampaContentRelative = ampaContentRelativeImported,
  ampaReceptorCount = ampaReceptorCountImported,
  earlyPotentiation = earlyPotentiationImported,
  ptpAfterSpike = ptpAfterSpikeImported,
  restingExpressionState = restingExpressionStateImported,
  spineHeadVolumeUm3 = spineHeadVolumeUm3Imported,
  stepExpression = stepExpressionImported,
  relaxTowards = relaxTowardsImported,
  stepSizeMs = stepSizeMsImported,
  COL = COLImported,
  COLUMN_COUNT = COLUMN_COUNTImported,
  TraceRecorder = TraceRecorderImported,
  makeTrace = makeTraceImported;

const EIGHT_HOURS_MS = 8 * 3600_000;
/** Ca-sensor (CaM, CaMKII, calcineurin, PP1) update batch, ms: their fastest time constant is 20 ms. */
const SENSOR_BATCH_MS = 0.5;
/** Expression (AMPAR, growth, proteins) update batch, ms: their fastest time constant is 20 s. */
const EXPRESSION_BATCH_MS = 5;
/** Bursts (trains) of up to 2 x DETAIL_SPIKES induction spikes are stored at full resolution; longer ones only their first/last 10. */
const DETAIL_SPIKES = 100;
const DETAIL_WINDOW_MS = 1000;
const THIN_FRACTION = 0.2;
// Column indices and hot functions as module-local bindings (cheap in any module loader).
const {
  active: C_ACTIVE,
  ampaCount: C_AMPACOUNT,
  ampaOpen: C_AMPAOPEN,
  ca: C_CA,
  calcineurin: C_CALCINEURIN,
  camBound: C_CAMBOUND,
  early: C_EARLY,
  fepsp: C_FEPSP,
  gAmpa: C_GAMPA,
  gNmda: C_GNMDA,
  glutamate: C_GLUTAMATE,
  late: C_LATE,
  mgUnblocked: C_MGUNBLOCKED,
  nmdaCaCurrent: C_NMDACACURRENT,
  nmdaOpen: C_NMDAOPEN,
  pT286: C_PT286,
  pp1: C_PP1,
  protein: C_PROTEIN,
  ptp: C_PTP,
  ring0: C_RING0,
  s831: C_S831,
  t: C_T,
  vm: C_VM,
  volume: C_VOLUME,
  weight: C_WEIGHT,
} = COL;

/** Check a protocol's shape; throws a RangeError naming the bad field. */
export function validateProtocol(protocol: Protocol): void {
  const spikes = protocol.presynapticSpikeTimesMs;
  for (let i = 0; i < spikes.length; i++) {
    const t = spikes[i] as number;
    if (!Number.isFinite(t))
      throw new RangeError(`protocol.presynapticSpikeTimesMs[${i}] must be a finite time in ms, got ${t}`);
    if (i > 0 && t < (spikes[i - 1] as number))
      throw new RangeError(`protocol.presynapticSpikeTimesMs must be ascending (index ${i}: ${t} < ${spikes[i - 1]})`);
  }
  protocol.postsynapticDepolarisations.forEach((w, i) => {
    if (!(Number.isFinite(w.startMs) && Number.isFinite(w.endMs) && w.endMs > w.startMs))
      throw new RangeError(
        `protocol.postsynapticDepolarisations[${i}] needs finite startMs < endMs (ms), got ${w.startMs}..${w.endMs}`,
      );
    if (!(Number.isFinite(w.targetMv) && w.targetMv >= -120 && w.targetMv <= 60))
      throw new RangeError(
        `protocol.postsynapticDepolarisations[${i}].targetMv must be in -120..+60 mV, got ${w.targetMv}`,
      );
  });
  if (!Number.isFinite(protocol.endMs))
    throw new RangeError(`protocol.endMs must be a finite time in ms, got ${protocol.endMs}`);
}

/** Run the model. See index.ts for the public entry point. */
export function simulate(
  protocol: Protocol,
  partialConditions: Partial<Conditions> = {},
  numerics: { stepScale?: number } = {},
): SpineTrace {
  const stepScale = numerics.stepScale ?? 1;
  if (!(stepScale > 0 && stepScale <= 1))
    throw new RangeError(`numerics.stepScale must be in (0, 1], got ${stepScale}`);
  validateProtocol(protocol);
  const cond = resolveConditions(partialConditions);
  const spikes = protocol.presynapticSpikeTimesMs;
  const release = depressedReleaseScale(spikes);
  const windows = [...protocol.postsynapticDepolarisations].sort((a, b) => a.startMs - b.startMs);
  const firstEvent = Math.min(
    spikes.length ? (spikes[0] as number) : 0,
    windows.length ? (windows[0] as { startMs: number }).startMs : Infinity,
  );
  const startMs = protocol.simulateFromMs ?? firstEvent - 2000;
  const untilMs = protocol.simulateUntilMs ?? protocol.endMs + EIGHT_HOURS_MS;
  if (!(untilMs > startMs))
    throw new RangeError(`protocol.simulateUntilMs (${untilMs}) must be after the start (${startMs}) ms`);

  // Event times (spikes and window edges), sorted and unique.
  const edgeSet = new Set<number>();
  for (const w of windows) {
    edgeSet.add(w.startMs);
    edgeSet.add(w.endMs);
  }
  const edges = [...edgeSet].sort((a, b) => a - b);

  // ---- state ----
  const capacitancePicoF = P.branchLeakConductanceNanoS * P.membraneTimeConstantMs; // nS * ms = pF
  const mg = cond.mgOutMilliM;
  let t = startMs;
  let vm = cond.clampMv ?? P.restingPotentialMv;
  let ampaOpen = 0;
  let nmdaBound = 0;
  let nmdaOpen = 0;
  let ca = P.restCaMicroM;
  let camCa = camkiiHillActivation(ca);
  let camBound = camCa;
  let calcineurin = calcineurinActivation(ca);
  let pp1 = calcineurin;
  const ring = new Float64Array(7);
  ring[0] = 1;
  const ex: ExpressionState = restingExpressionState();
  let lastSpikeIdx = -1;
  while (lastSpikeIdx + 1 < spikes.length && (spikes[lastSpikeIdx + 1] as number) < startMs) lastSpikeIdx++;
  let edgeIdx = 0;
  while (edgeIdx < edges.length && (edges[edgeIdx] as number) < startMs) edgeIdx++;
  let lastEventMs = -Infinity;
  let nmdaCaI = 0;

  const exInputs: ExpressionInputs = { pT286: 0, ltd: 0, pp1: 0, anisomycin: cond.anisomycin };
  let sensorMs = 0;
  let sensorCaIntegral = 0;
  let expressionMs = 0;
  let lastRecordedMs = -Infinity;
  // Full-resolution storage around test pulses and induction spikes. Induction spikes are grouped into
  // bursts (trains) separated by more than DETAIL_WINDOW_MS; a burst of up to 2 x DETAIL_SPIKES spikes (a
  // 100 Hz x 1 s train) is stored in full, a longer one (LFS) only around its first/last 10 spikes.
  // Elsewhere a sample is stored once the time since the last one reaches 20 % of the time since the
  // last event (interpolation error well under 1 %).
  const detailSpike = new Uint8Array(spikes.length);
  {
    const tests = new Set(protocol.testPulseTimesMs ?? []);
    const bursts: number[][] = [];
    let prevMs = -Infinity;
    spikes.forEach((tt, i) => {
      if (tests.has(tt)) {
        detailSpike[i] = 1;
        return;
      }
      if (tt - prevMs > DETAIL_WINDOW_MS || bursts.length === 0) bursts.push([]);
      (bursts[bursts.length - 1] as number[]).push(i);
      prevMs = tt;
    });
    for (const burst of bursts) {
      const all = burst.length <= 2 * DETAIL_SPIKES;
      burst.forEach((i, k) => {
        if (all || k < 10 || k >= burst.length - 10) detailSpike[i] = 1;
      });
    }
  }
  let detailUntilMs = -Infinity;
  const rec = new TraceRecorder(spikes.length > 200 ? 1 << 18 : 1 << 14);
  const row = new Float64Array(COLUMN_COUNT);
  const s831Baseline = s831ConductanceFactor(0);

  function commandAt(tMs: number): number | null {
    // Latest-starting window that contains tMs (windows are [start, end)).
    let target: number | null = null;
    for (const w of windows) {
      if (w.startMs > tMs) break;
      if (tMs < w.endMs) target = w.targetMv;
    }
    return target;
  }

  function record(glutamate: number): void {
    const cf = s831ConductanceFactor(ex.s831);
    const count = ampaReceptorCount(ex);
    const gAmpa = ampaMaxConductanceNanoS(count, cf) * ampaOpen;
    const block = jahrStevensUnblockedFraction(vm, mg);
    const gNmda = cond.apv ? 0 : P.nmdaMaxConductanceNanoS * nmdaOpen * block;
    const pT = cond.camkiiBlocked ? 0 : pT286FractionOfRings(ring);
    const weight = (ampaContentRelative(ex) * cf) / s831Baseline;
    row[C_T] = t;
    row[C_GLUTAMATE] = glutamate;
    row[C_VM] = vm;
    row[C_AMPAOPEN] = ampaOpen;
    row[C_NMDAOPEN] = nmdaOpen;
    row[C_MGUNBLOCKED] = block;
    row[C_GAMPA] = gAmpa;
    row[C_GNMDA] = gNmda;
    row[C_CA] = ca;
    row[C_CAMBOUND] = camBound;
    row[C_PT286] = pT;
    row[C_ACTIVE] = cond.camkiiBlocked ? 0 : camkiiActiveFraction(camBound, pT);
    row[C_PP1] = pp1;
    row[C_AMPACOUNT] = count;
    row[C_S831] = ex.s831;
    row[C_VOLUME] = spineHeadVolumeUm3(ex);
    row[C_WEIGHT] = weight;
    row[C_FEPSP] = 100 * weight * (1 + ex.ptp);
    row[C_CALCINEURIN] = calcineurin;
    for (let j = 0; j < 7; j++) row[C_RING0 + j] = ring[j] as number;
    row[C_EARLY] = earlyPotentiation(ex);
    row[C_LATE] = ex.late;
    row[C_PROTEIN] = ex.protein;
    row[C_PTP] = ex.ptp;
    row[C_NMDACACURRENT] = nmdaCaI;
    rec.push(row);
    lastRecordedMs = t;
  }

  record(cleftGlutamateMilliM(t, spikes, lastSpikeIdx, release));

  while (t < untilMs) {
    const nextSpike = lastSpikeIdx + 1 < spikes.length ? (spikes[lastSpikeIdx + 1] as number) : Infinity;
    const nextEdge = edgeIdx < edges.length ? (edges[edgeIdx] as number) : Infinity;
    const nextEvent = Math.min(nextSpike, nextEdge, untilMs);
    const command = commandAt(t);
    const dt = stepSizeMs(t, lastEventMs, command !== null, nextEvent, stepScale);

    // --- fast: glutamate, receptors, membrane potential, Ca2+ ---
    const gluNow = cleftGlutamateMilliM(t, spikes, lastSpikeIdx, release);
    const glu = meanGlutamateOverStepMilliM(gluNow, dt);
    ampaOpen = stepAmpaOpenFraction(ampaOpen, glu, dt);
    nmdaBound = stepNmdaBoundFraction(nmdaBound, cond.apv ? 0 : glu, dt);
    nmdaOpen = stepNmdaOpenFraction(nmdaOpen, nmdaBound, dt);

    const cf = s831ConductanceFactor(ex.s831);
    const gAmpaSyn = ampaMaxConductanceNanoS(ampaReceptorCount(ex), cf) * ampaOpen;
    const gNmdaSynOpen = cond.apv ? 0 : P.nmdaMaxConductanceNanoS * nmdaOpen;
    const block = jahrStevensUnblockedFraction(vm, mg);
    if (cond.clampMv !== null) {
      vm = cond.clampMv;
    } else {
      // The spine's branch receives the same input from cooperativeSynapseCount co-activated synapses.
      const n = P.cooperativeSynapseCount;
      const gA = n * gAmpaSyn;
      const gN = cond.apv ? 0 : n * P.branchNmdaConductancePerSynapseNanoS * nmdaOpen * block;
      const gCmd = command !== null ? P.depolarisationCommandConductanceNanoS : 0;
      const gTot = P.branchLeakConductanceNanoS + gA + gN + gCmd;
      const vInf =
        (P.branchLeakConductanceNanoS * P.restingPotentialMv +
          gA * P.ampaReversalMv +
          gN * P.nmdaReversalMv +
          gCmd * (command ?? 0)) /
        gTot;
      vm = relaxTowards(vm, vInf, gTot / capacitancePicoF, dt);
    }
    const blockNew = jahrStevensUnblockedFraction(vm, mg);
    nmdaCaI = nmdaCaCurrentPicoA(gNmdaSynOpen * blockNew, vm);
    const caI = nmdaCaI + ampaCaCurrentPicoA(gAmpaSyn, vm);
    const influx = freeCaInfluxMicroMPerMs(Math.min(0, caI), P.spineHeadVolumeUm3);
    ca = stepSpineCaMicroM(ca, influx, dt);

    const tNext = dt === nextEvent - t ? nextEvent : t + dt;
    const flushNow = tNext === nextEvent || tNext >= untilMs;

    // --- seconds: Ca2+/CaM, CaMKII rings, calcineurin -> PP1 (batched: >= 0.5 ms, mean Ca over the batch) ---
    sensorMs += dt;
    sensorCaIntegral += ca * dt;
    if (sensorMs >= SENSOR_BATCH_MS || flushNow) {
      const caMean = sensorCaIntegral / sensorMs;
      camCa = stepCalmodulinCaFraction(camCa, caMean, sensorMs);
      camBound = stepCaMBoundFraction(camBound, camCa, sensorMs);
      calcineurin = stepCalcineurinActivity(calcineurin, caMean, sensorMs);
      pp1 = stepPp1Activity(pp1, calcineurin, sensorMs);
      if (!cond.camkiiBlocked) stepRingDistribution(ring, camBound, pT286DephosphorylationPerS(pp1), sensorMs, ring);
      sensorMs = 0;
      sensorCaIntegral = 0;
    }

    // --- minutes to days: expression (batched: >= 5 ms) ---
    expressionMs += dt;
    if (expressionMs >= EXPRESSION_BATCH_MS || flushNow) {
      exInputs.pT286 = cond.camkiiBlocked ? 0 : pT286FractionOfRings(ring);
      exInputs.ltd = ltdDrive(pp1);
      exInputs.pp1 = pp1;
      stepExpression(ex, exInputs, expressionMs);
      expressionMs = 0;
    }

    t = tNext;

    // Events at exactly t: record the state just before (so interpolation does not smear the jump).
    let spiked = false;
    while (lastSpikeIdx + 1 < spikes.length && (spikes[lastSpikeIdx + 1] as number) <= t) {
      if (!spiked) record(cleftGlutamateMilliM(t, spikes, lastSpikeIdx, release));
      spiked = true;
      lastSpikeIdx++;
      const gap = lastSpikeIdx > 0 ? t - (spikes[lastSpikeIdx - 1] as number) : Infinity;
      ex.ptp = ptpAfterSpike(ex.ptp, gap);
      lastEventMs = t;
      if (detailSpike[lastSpikeIdx] === 1) detailUntilMs = t + DETAIL_WINDOW_MS;
    }
    while (edgeIdx < edges.length && (edges[edgeIdx] as number) <= t) {
      edgeIdx++;
      lastEventMs = t;
    }
    if (spiked || t <= detailUntilMs || t - lastRecordedMs >= THIN_FRACTION * (t - lastEventMs) || t >= untilMs)
      record(cleftGlutamateMilliM(t, spikes, lastSpikeIdx, release));
  }

  return makeTrace(protocol, cond, rec.finish());
}
