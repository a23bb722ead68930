import { describe, expect, it } from 'vitest';
import { cleftGlutamateMilliM, depressedReleaseScale, meanGlutamateOverStepMilliM } from '../../src/sim/glutamate';
import {
  stepAmpaOpenFraction,
  stepNmdaBoundFraction,
  stepNmdaOpenFraction,
  s831ConductanceFactor,
} from '../../src/sim/receptors';
import { ampaCaCurrentPicoA, nmdaCaCurrentPicoA, nmdaCurrentPicoA } from '../../src/sim/calcium';
import { P, PARAMETER_TABLE } from '../../src/sim/parameters';

/** Open fractions after one release at t = 0, sampled every dt (ms) for durMs. */
function singleRelease(durMs: number, dt = 0.01) {
  const spikes = [0];
  let r = 0,
    b = 0,
    o = 0;
  const t: number[] = [],
    ampa: number[] = [],
    nmda: number[] = [];
  for (let i = 0; i * dt < durMs; i++) {
    const glu = meanGlutamateOverStepMilliM(cleftGlutamateMilliM(i * dt, spikes, 0), dt);
    r = stepAmpaOpenFraction(r, glu, dt);
    b = stepNmdaBoundFraction(b, glu, dt);
    o = stepNmdaOpenFraction(o, b, dt);
    t.push((i + 1) * dt);
    ampa.push(r);
    nmda.push(o);
  }
  return { t, ampa, nmda };
}

function peakAndDecayTau(t: number[], y: number[]) {
  let k = 0;
  for (let i = 1; i < y.length; i++) if (y[i]! > y[k]!) k = i;
  const target = y[k]! / Math.E;
  let j = k;
  while (j < y.length && y[j]! > target) j++;
  return { peakT: t[k]!, tau: t[j]! - t[k]! };
}

describe('glutamate and receptor kinetics (checks 5-8)', () => {
  it('check 5: cleft glutamate peaks at 1.0-1.5 mM and >= 95 % clears within 5 ms', () => {
    const peak = cleftGlutamateMilliM(0, [0], 0);
    expect(peak).toBeGreaterThanOrEqual(1.0);
    expect(peak).toBeLessThanOrEqual(1.5);
    expect(cleftGlutamateMilliM(5, [0], 0) / peak).toBeLessThanOrEqual(0.05);
    expect(Math.abs(P.cleftGlutamateDecayMs - 1.2)).toBeLessThanOrEqual(0.5);
  });
  it('check 6: AMPA conductance peaks <= 1.5 ms after release, decay tau 1.5-6 ms', () => {
    const { t, ampa } = singleRelease(40);
    const { peakT, tau } = peakAndDecayTau(t, ampa);
    expect(peakT).toBeLessThanOrEqual(1.5);
    expect(tau).toBeGreaterThanOrEqual(1.5);
    expect(tau).toBeLessThanOrEqual(6);
  });
  it('check 7: NMDA conductance peaks 5-25 ms after release, decay tau 50-160 ms, >= 10x AMPA decay', () => {
    const { t, ampa, nmda } = singleRelease(800, 0.05);
    const n = peakAndDecayTau(t, nmda);
    const a = peakAndDecayTau(t, ampa);
    expect(n.peakT).toBeGreaterThanOrEqual(5);
    expect(n.peakT).toBeLessThanOrEqual(25);
    expect(n.tau).toBeGreaterThanOrEqual(50);
    expect(n.tau).toBeLessThanOrEqual(160);
    expect(n.tau / a.tau).toBeGreaterThanOrEqual(10);
  });
  it('check 8: E_AMPA = E_NMDA = 0 +- 5 mV', () => {
    expect(Math.abs(P.ampaReversalMv)).toBeLessThanOrEqual(5);
    expect(Math.abs(P.nmdaReversalMv)).toBeLessThanOrEqual(5);
  });
  it('check 11: Ca2+ share of NMDAR current 0.08-0.19 (0.10 at -60 mV); AMPAR share <= 0.01', () => {
    const share = nmdaCaCurrentPicoA(1, -60) / nmdaCurrentPicoA(1, -60);
    expect(share).toBeCloseTo(0.1, 6);
    for (const v of [-80, -70, -60]) {
      const s = nmdaCaCurrentPicoA(1, v) / nmdaCurrentPicoA(1, v);
      expect(s).toBeGreaterThanOrEqual(0.08);
      expect(s).toBeLessThanOrEqual(0.19);
    }
    expect(ampaCaCurrentPicoA(1, -60) / nmdaCurrentPicoA(1, -60)).toBeLessThanOrEqual(0.01);
  });
  it('check 12: baseline head volume 0.03-0.06 um3, PSD area 0.02-0.15 um2', () => {
    expect(P.spineHeadVolumeUm3).toBeGreaterThanOrEqual(0.03);
    expect(P.spineHeadVolumeUm3).toBeLessThanOrEqual(0.06);
    expect(P.psdAreaUm2).toBeGreaterThanOrEqual(0.02);
    expect(P.psdAreaUm2).toBeLessThanOrEqual(0.15);
  });
  it('check 22: S831 never lowers mean conductance; full phosphorylation raises it 1.0-2.0x', () => {
    for (let s = 0; s <= 1; s += 0.1) expect(s831ConductanceFactor(s)).toBeGreaterThanOrEqual(1);
    expect(s831ConductanceFactor(1)).toBeLessThanOrEqual(2);
  });
  it('presynaptic depression: first release full, 100 Hz releases depress, 30-s gaps recover', () => {
    const r = depressedReleaseScale([0, 10, 20, 30, 30_030]);
    expect(r[0]).toBe(1);
    expect(r[1]!).toBeLessThan(1);
    expect(r[3]!).toBeLessThan(r[1]!);
    expect(r[4]!).toBeGreaterThan(0.999);
  });
  it('every parameter row has a value, unit, source and class', () => {
    for (const [name, row] of Object.entries(PARAMETER_TABLE)) {
      expect(Number.isFinite(row.value), name).toBe(true);
      expect(row.unit.length, name).toBeGreaterThan(0);
      expect(row.source.length, name).toBeGreaterThan(8);
      expect(['measured', 'model']).toContain(row.cls);
    }
  });
});
