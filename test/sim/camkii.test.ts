import { describe, expect, it } from 'vitest';
import {
  SUBUNITS_PER_HOLOENZYME,
  camkiiHillActivation,
  holoenzymeDistribution,
  holoenzymePopulation,
  pT286FractionOfRings,
  ringPhosphorylationRatesPerS,
  stepRingDistribution,
} from '../../src/sim/camkii';
import { P } from '../../src/sim/parameters';
import { COL, cols, firstBelow, peakOf, tetanusRun, testPulseRun } from './fixtures';

describe('CaMKII (checks 17-20; measured non-bistable kinetics)', () => {
  it('check 17: Hill activation < 0.005 at 0.1 uM, 0.50 +- 0.01 at 0.7 uM, > 0.95 at 2 uM; first-subunit rate ~Hill^2 < 1e-4 of max at 0.1 uM', () => {
    expect(camkiiHillActivation(0.1)).toBeLessThan(0.005);
    expect(Math.abs(camkiiHillActivation(0.7) - 0.5)).toBeLessThanOrEqual(0.01);
    expect(camkiiHillActivation(2)).toBeGreaterThan(0.95);
    const h = camkiiHillActivation(0.1);
    const first = ringPhosphorylationRatesPerS(h)[0]!;
    const firstMax = ringPhosphorylationRatesPerS(1)[0]!;
    expect(first / firstMax).toBeLessThan(1e-4);
  });

  it('check 18: 12 subunits per holoenzyme; integer pT286 counts 0..12; first pT286 in a ring needs two CaM-bound subunits', () => {
    expect(SUBUNITS_PER_HOLOENZYME).toBe(12);
    const ring = [0.2, 0.1, 0.1, 0.2, 0.1, 0.1, 0.2];
    const holo = holoenzymeDistribution(ring);
    expect(holo.length).toBe(13);
    expect(holo.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    const pop = holoenzymePopulation(holo, 40);
    expect(pop.length).toBe(40);
    for (const k of pop) {
      expect(Number.isInteger(k)).toBe(true);
      expect(k).toBeGreaterThanOrEqual(0);
      expect(k).toBeLessThanOrEqual(12);
    }
    // Rate of the first phosphorylation scales with (CaM-bound)^2, later ones linearly.
    const r1 = ringPhosphorylationRatesPerS(0.1),
      r2 = ringPhosphorylationRatesPerS(0.2);
    expect(r2[0]! / r1[0]!).toBeCloseTo(4, 10);
    expect(r2[1]! / r1[1]!).toBeCloseTo(2, 10);
    // With no CaM bound, an unphosphorylated population stays unphosphorylated; probability is conserved.
    const out = new Float64Array(7);
    stepRingDistribution([1, 0, 0, 0, 0, 0, 0], 0, 0.1, 1000, out);
    expect(out[0]).toBe(1);
    stepRingDistribution(ring, 0.7, 0.1, 5000, out);
    expect(Array.from(out).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    for (const v of out) expect(v).toBeGreaterThanOrEqual(0);
    // A trace exposes the holoenzyme distribution.
    const s = tetanusRun().sample(3000);
    expect(s.camkiiHoloenzymeDistribution!.length).toBe(13);
    expect(pT286FractionOfRings([0, 0, 0, 0, 0, 0, 1])).toBe(1);
  });

  it('check 19: after one strong Ca transient (0 Mg2+ pulse, ~3 uM), activity peaks at 0.3-1.0 s and decays with tau 5-20 s; CaM binding tau 1-6 s; tau_Ca < tau_CaM < tau_CaMKII < structure', () => {
    const tr = testPulseRun({ mgOutMilliM: 0 });
    const ca = peakOf(tr, COL.ca, 0, 1000);
    expect(ca.value).toBeGreaterThan(2);
    const act = peakOf(tr, COL.active, 0, 60_000);
    expect(act.tMs).toBeGreaterThanOrEqual(300);
    expect(act.tMs).toBeLessThanOrEqual(1000);
    const tauAct = firstBelow(tr, COL.active, act.value / Math.E, act.tMs) - act.tMs;
    expect(tauAct).toBeGreaterThanOrEqual(5000);
    expect(tauAct).toBeLessThanOrEqual(20_000);
    const cam = peakOf(tr, COL.camBound, 0, 60_000);
    const tauCam = firstBelow(tr, COL.camBound, cam.value / Math.E, cam.tMs) - cam.tMs;
    expect(tauCam).toBeGreaterThanOrEqual(1000);
    expect(tauCam).toBeLessThanOrEqual(6000);
    const tauCa = firstBelow(tr, COL.ca, P.restCaMicroM + (ca.value - P.restCaMicroM) / Math.E, ca.tMs) - ca.tMs;
    expect(tauCa).toBeGreaterThanOrEqual(10);
    expect(tauCa).toBeLessThan(tauCam);
    expect(tauCam).toBeLessThan(tauAct);
    // Structural change (tetanus): spine growth peaks at minutes, after CaMKII has decayed.
    const vol = peakOf(tetanusRun(), COL.volume, 0, 3_600_000);
    expect(vol.tMs).toBeGreaterThan(tauAct);
  });

  it('check 20 (non-bistable branch): after the tetanus, activity at +30 s is 0.25-22 % of its peak and <= 5 % by +2 min; persistence is carried by AMPARs', () => {
    const tr = tetanusRun();
    const end = tr.protocol.endMs;
    const pk = peakOf(tr, COL.active, 0, end + 60_000);
    // "+30 s once Ca is back at rest": Ca is below 0.2 uM within 1 s of the end of the train.
    expect(tr.sample(end + 1000).spineCaMicroM).toBeLessThan(0.2);
    const at30 = tr.sample(end + 30_000).camkiiActiveFraction / pk.value;
    expect(at30).toBeGreaterThanOrEqual(0.0025);
    expect(at30).toBeLessThanOrEqual(0.22);
    expect(tr.sample(end + 120_000).camkiiActiveFraction / pk.value).toBeLessThanOrEqual(0.05);
    expect(tr.sample(end + 60 * 60_000).ampaReceptorCount).toBeGreaterThan(1.3 * tr.sample(-1000).ampaReceptorCount);
    // Lock-in for seconds: pT286 outlasts the Ca2+ transient (Ca at rest, pT286 still > 25 % 5 s later).
    expect(tr.sample(end + 5000).camkiiPT286Fraction).toBeGreaterThan(0.25);
  });

  it('no spontaneous CaMKII activation at rest', () => {
    const tr = tetanusRun();
    const c = cols(tr);
    const t = c[COL.t]!,
      p = c[COL.pT286]!;
    for (let i = 0; i < t.length && t[i]! < -60_000; i++) expect(p[i]!).toBeLessThan(1e-3);
    expect(tr.sample(tr.endMs).camkiiPT286Fraction).toBeLessThan(1e-3);
  });
});
