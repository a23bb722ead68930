/**
 * "The same test pulse, before and after": the response a single test pulse WOULD evoke if delivered
 * at time tMs of a trace, computed from the synaptic state stored at tMs (AMPAR count, S831,
 * presynaptic PTP). Runs a 60-ms fast simulation from rest with that state (cheap: 1,200 steps of 0.05 ms),
 * so the trace itself is never re-integrated. Pure.
 */
import type { SpineTrace } from './types';
import { P as PImported } from './parameters';
import { jahrStevensUnblockedFraction as jahrStevensUnblockedFractionImported } from './mgBlock';
import {
  cleftGlutamateMilliM as cleftGlutamateMilliMImported,
  meanGlutamateOverStepMilliM as meanGlutamateOverStepMilliMImported,
} from './glutamate';
import {
  ampaMaxConductanceNanoS as ampaMaxConductanceNanoSImported,
  s831ConductanceFactor as s831ConductanceFactorImported,
  stepAmpaOpenFraction as stepAmpaOpenFractionImported,
  stepNmdaBoundFraction as stepNmdaBoundFractionImported,
  stepNmdaOpenFraction as stepNmdaOpenFractionImported,
} from './receptors';
import { relaxTowards as relaxTowardsImported } from './relax';

// Module-local bindings of the imports: hot loops avoid per-call export getters under CommonJS loaders (tsx).
const P = PImported,
  jahrStevensUnblockedFraction = jahrStevensUnblockedFractionImported,
  cleftGlutamateMilliM = cleftGlutamateMilliMImported,
  meanGlutamateOverStepMilliM = meanGlutamateOverStepMilliMImported,
  ampaMaxConductanceNanoS = ampaMaxConductanceNanoSImported,
  s831ConductanceFactor = s831ConductanceFactorImported,
  stepAmpaOpenFraction = stepAmpaOpenFractionImported,
  stepNmdaBoundFraction = stepNmdaBoundFractionImported,
  stepNmdaOpenFraction = stepNmdaOpenFractionImported,
  relaxTowards = relaxTowardsImported;

export interface TestPulseResponse {
  /** Time in the trace whose synaptic state was used, ms. */
  tMs: number;
  /** Peak depolarisation of the spine (EPSP amplitude), mV above the holding/resting potential. */
  epspPeakMv: number;
  /** Time of the EPSP peak after the pulse, ms. */
  epspPeakTimeMs: number;
  /** Peak AMPA conductance of this synapse, nS. */
  ampaPeakNanoS: number;
  /** Field EPSP slope, percent of the baseline fEPSP (= the trace's fepspPercent at tMs). */
  fepspPercent: number;
  /** EPSP amplitude relative to the baseline test pulse, percent. */
  epspPercentOfBaseline: number;
  /** Membrane potential waveform of the response: times after the pulse (ms) and Vm (mV). */
  waveform: { tMs: number[]; vmMv: number[] };
}

const DURATION_MS = 60;
const STEP_MS = 0.05;

function runTestPulse(
  ampaCount: number,
  s831: number,
  releaseScale: number,
  mgMilliM: number,
  apv: boolean,
  clampMv: number | null,
) {
  const spikes = [0];
  const rel = [releaseScale];
  let ampaOpen = 0,
    nmdaBound = 0,
    nmdaOpen = 0;
  const v0 = clampMv ?? P.restingPotentialMv;
  let vm = v0;
  let peak = 0,
    peakT = 0,
    gPeak = 0;
  const ts: number[] = [],
    vs: number[] = [];
  const cap = P.branchLeakConductanceNanoS * P.membraneTimeConstantMs;
  const gMax = ampaMaxConductanceNanoS(ampaCount, s831ConductanceFactor(s831));
  for (let i = 0; i * STEP_MS < DURATION_MS; i++) {
    const t = i * STEP_MS;
    if (i % 4 === 0) {
      ts.push(t);
      vs.push(vm);
    }
    const glu = meanGlutamateOverStepMilliM(cleftGlutamateMilliM(t, spikes, 0, rel), STEP_MS);
    ampaOpen = stepAmpaOpenFraction(ampaOpen, glu, STEP_MS);
    nmdaBound = stepNmdaBoundFraction(nmdaBound, apv ? 0 : glu, STEP_MS);
    nmdaOpen = stepNmdaOpenFraction(nmdaOpen, nmdaBound, STEP_MS);
    const gA = gMax * ampaOpen;
    if (gA > gPeak) gPeak = gA;
    if (clampMv === null) {
      const n = P.cooperativeSynapseCount;
      const gAp = n * gA;
      const gNp = apv
        ? 0
        : n * P.branchNmdaConductancePerSynapseNanoS * nmdaOpen * jahrStevensUnblockedFraction(vm, mgMilliM);
      const gTot = P.branchLeakConductanceNanoS + gAp + gNp;
      const vInf = (P.branchLeakConductanceNanoS * P.restingPotentialMv) / gTot;
      vm = relaxTowards(vm, vInf, gTot / cap, STEP_MS);
    }
    if (vm - v0 > peak) {
      peak = vm - v0;
      peakT = t + STEP_MS;
    }
  }
  return { peak, peakT, gPeak, ts, vs };
}

const baselineCache = new WeakMap<SpineTrace, ReturnType<typeof runTestPulse>>();

/** Response to a test pulse delivered at trace time tMs (uses the trace's conditions). */
export function testPulseResponse(trace: SpineTrace, tMs: number): TestPulseResponse {
  const s = trace.sample(tMs);
  const c = trace.conditions;
  let baseline = baselineCache.get(trace);
  if (!baseline) {
    const first = trace.sample(trace.startMs);
    baseline = runTestPulse(first.ampaReceptorCount, first.gluA1S831Fraction, 1, c.mgOutMilliM, c.apv, c.clampMv);
    baselineCache.set(trace, baseline);
  }
  const now = runTestPulse(
    s.ampaReceptorCount,
    s.gluA1S831Fraction,
    1 + (s.ptpFraction ?? 0),
    c.mgOutMilliM,
    c.apv,
    c.clampMv,
  );
  return {
    tMs: s.tMs,
    epspPeakMv: now.peak,
    epspPeakTimeMs: now.peakT,
    ampaPeakNanoS: now.gPeak,
    fepspPercent: s.fepspPercent,
    epspPercentOfBaseline: baseline.peak > 0 ? (100 * now.peak) / baseline.peak : 100,
    waveform: { tMs: now.ts, vmMv: now.vs },
  };
}
