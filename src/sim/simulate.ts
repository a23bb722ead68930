/**
 * The integrator: one CA1 spine from rest through a protocol and hours of aftermath, on the adaptive
 * fixed-step schedule (stepSchedule.ts). Pure and deterministic: the same protocol and conditions give
 * the same trace bit for bit (no clock, no randomness, fixed operation order).
 */
import type { Conditions, Protocol, SpineTrace } from './types';
import { P } from './parameters';
import { resolveConditions } from './conditions';
import { jahrStevensUnblockedFraction } from './mgBlock';
import { cleftGlutamateMilliM, depressedReleaseScale, meanGlutamateOverStepMilliM } from './glutamate';
import { ampaMaxConductanceNanoS, s831ConductanceFactor, stepAmpaOpenFraction, stepNmdaBoundFraction, stepNmdaOpenFraction } from './receptors';
import { ampaCaCurrentPicoA, freeCaInfluxMicroMPerMs, nmdaCaCurrentPicoA, stepSpineCaMicroM } from './calcium';
import { camkiiActiveFraction, camkiiHillActivation, pT286DephosphorylationPerS, pT286FractionOfRings, stepCalmodulinCaFraction, stepCaMBoundFraction, stepRingDistribution } from './camkii';
import { calcineurinActivation, ltdDrive, stepCalcineurinActivity, stepPp1Activity } from './phosphatase';
import { ampaContentRelative, ampaReceptorCount, earlyPotentiation, ptpAfterSpike, restingExpressionState, spineHeadVolumeUm3, stepExpression, type ExpressionInputs, type ExpressionState } from './expression';
import { relaxTowards } from './relax';
import { stepSizeMs } from './stepSchedule';
import { COL, COLUMN_COUNT, TraceRecorder, makeTrace } from './trace';

const EIGHT_HOURS_MS = 8 * 3600_000;

/** Check a protocol's shape; throws a RangeError naming the bad field. */
export function validateProtocol(protocol: Protocol): void {
  const spikes = protocol.presynapticSpikeTimesMs;
  for (let i = 0; i < spikes.length; i++) {
    const t = spikes[i] as number;
    if (!Number.isFinite(t)) throw new RangeError(`protocol.presynapticSpikeTimesMs[${i}] must be a finite time in ms, got ${t}`);
    if (i > 0 && t < (spikes[i - 1] as number)) throw new RangeError(`protocol.presynapticSpikeTimesMs must be ascending (index ${i}: ${t} < ${spikes[i - 1]})`);
  }
  protocol.postsynapticDepolarisations.forEach((w, i) => {
    if (!(Number.isFinite(w.startMs) && Number.isFinite(w.endMs) && w.endMs > w.startMs))
      throw new RangeError(`protocol.postsynapticDepolarisations[${i}] needs finite startMs < endMs (ms), got ${w.startMs}..${w.endMs}`);
    if (!(Number.isFinite(w.targetMv) && w.targetMv >= -120 && w.targetMv <= 60))
      throw new RangeError(`protocol.postsynapticDepolarisations[${i}].targetMv must be in -120..+60 mV, got ${w.targetMv}`);
  });
  if (!Number.isFinite(protocol.endMs)) throw new RangeError(`protocol.endMs must be a finite time in ms, got ${protocol.endMs}`);
}

/** Run the model. See index.ts for the public entry point. */
export function simulate(protocol: Protocol, partialConditions: Partial<Conditions> = {}): SpineTrace {
  validateProtocol(protocol);
  const cond = resolveConditions(partialConditions);
  const spikes = protocol.presynapticSpikeTimesMs;
  const release = depressedReleaseScale(spikes);
  const windows = [...protocol.postsynapticDepolarisations].sort((a, b) => a.startMs - b.startMs);
  const firstEvent = Math.min(spikes.length ? (spikes[0] as number) : 0, windows.length ? (windows[0] as { startMs: number }).startMs : Infinity);
  const startMs = protocol.simulateFromMs ?? firstEvent - 2000;
  const untilMs = protocol.simulateUntilMs ?? protocol.endMs + EIGHT_HOURS_MS;
  if (!(untilMs > startMs)) throw new RangeError(`protocol.simulateUntilMs (${untilMs}) must be after the start (${startMs}) ms`);

  // Event times (spikes and window edges), sorted and unique.
  const edgeSet = new Set<number>();
  for (const w of windows) { edgeSet.add(w.startMs); edgeSet.add(w.endMs); }
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
    row[COL.t] = t;
    row[COL.glutamate] = glutamate;
    row[COL.vm] = vm;
    row[COL.ampaOpen] = ampaOpen;
    row[COL.nmdaOpen] = nmdaOpen;
    row[COL.mgUnblocked] = block;
    row[COL.gAmpa] = gAmpa;
    row[COL.gNmda] = gNmda;
    row[COL.ca] = ca;
    row[COL.camBound] = camBound;
    row[COL.pT286] = pT;
    row[COL.active] = cond.camkiiBlocked ? 0 : camkiiActiveFraction(camBound, pT);
    row[COL.pp1] = pp1;
    row[COL.ampaCount] = count;
    row[COL.s831] = ex.s831;
    row[COL.volume] = spineHeadVolumeUm3(ex);
    row[COL.weight] = weight;
    row[COL.fepsp] = 100 * weight * (1 + ex.ptp);
    row[COL.calcineurin] = calcineurin;
    for (let j = 0; j < 7; j++) row[COL.ring0 + j] = ring[j] as number;
    row[COL.early] = earlyPotentiation(ex);
    row[COL.late] = ex.late;
    row[COL.protein] = ex.protein;
    row[COL.ptp] = ex.ptp;
    row[COL.nmdaCaCurrent] = nmdaCaI;
    rec.push(row);
  }

  record(cleftGlutamateMilliM(t, spikes, lastSpikeIdx, release));

  while (t < untilMs) {
    const nextSpike = lastSpikeIdx + 1 < spikes.length ? (spikes[lastSpikeIdx + 1] as number) : Infinity;
    const nextEdge = edgeIdx < edges.length ? (edges[edgeIdx] as number) : Infinity;
    const nextEvent = Math.min(nextSpike, nextEdge, untilMs);
    const command = commandAt(t);
    const dt = stepSizeMs(t, lastEventMs, command !== null, nextEvent);

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
      const vInf = (P.branchLeakConductanceNanoS * P.restingPotentialMv + gA * P.ampaReversalMv + gN * P.nmdaReversalMv + gCmd * (command ?? 0)) / gTot;
      vm = relaxTowards(vm, vInf, gTot / capacitancePicoF, dt);
    }
    const blockNew = jahrStevensUnblockedFraction(vm, mg);
    nmdaCaI = nmdaCaCurrentPicoA(gNmdaSynOpen * blockNew, vm);
    const caI = nmdaCaI + ampaCaCurrentPicoA(gAmpaSyn, vm);
    const influx = freeCaInfluxMicroMPerMs(Math.min(0, caI), P.spineHeadVolumeUm3);
    ca = stepSpineCaMicroM(ca, influx, dt);

    // --- seconds: CaM binding, CaMKII rings, calcineurin -> PP1 ---
    camCa = stepCalmodulinCaFraction(camCa, ca, dt);
    camBound = stepCaMBoundFraction(camBound, camCa, dt);
    calcineurin = stepCalcineurinActivity(calcineurin, ca, dt);
    pp1 = stepPp1Activity(pp1, calcineurin, dt);
    if (!cond.camkiiBlocked) stepRingDistribution(ring, camBound, pT286DephosphorylationPerS(pp1), dt, ring);
    const pT = cond.camkiiBlocked ? 0 : pT286FractionOfRings(ring);

    // --- minutes to days: expression ---
    exInputs.pT286 = pT;
    exInputs.ltd = ltdDrive(pp1);
    exInputs.pp1 = pp1;
    stepExpression(ex, exInputs, dt);

    t = dt === nextEvent - t ? nextEvent : t + dt;

    // Events at exactly t: record the state just before (so interpolation does not smear the jump).
    let spiked = false;
    while (lastSpikeIdx + 1 < spikes.length && (spikes[lastSpikeIdx + 1] as number) <= t) {
      if (!spiked) record(cleftGlutamateMilliM(t, spikes, lastSpikeIdx, release));
      spiked = true;
      lastSpikeIdx++;
      const gap = lastSpikeIdx > 0 ? t - (spikes[lastSpikeIdx - 1] as number) : Infinity;
      ex.ptp = ptpAfterSpike(ex.ptp, gap);
      lastEventMs = t;
    }
    while (edgeIdx < edges.length && (edges[edgeIdx] as number) <= t) {
      edgeIdx++;
      lastEventMs = t;
    }
    record(cleftGlutamateMilliM(t, spikes, lastSpikeIdx, release));
  }

  return makeTrace(protocol, cond, rec.finish());
}
