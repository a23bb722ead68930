import { describe, expect, it } from 'vitest';
import { P } from '../../src/sim/parameters';
import { HOUR, MIN, peakOf, COL, tetanusRun, threeTrainRun, lfsRun } from './fixtures';

const pct = (v: number) => 100 * (v / P.spineHeadVolumeUm3 - 1);

describe('expression: AMPARs, S831, spine growth, fEPSP (checks 21-24)', () => {
  it('check 21: baseline 10-30 AMPARs; after LTP count x conductance rises 1.3-2.5x; never > 150', () => {
    const tr = tetanusRun();
    const before = tr.sample(-1000);
    expect(before.ampaReceptorCount).toBeGreaterThanOrEqual(10);
    expect(before.ampaReceptorCount).toBeLessThanOrEqual(30);
    const after = tr.sample(1000 + 60 * MIN);
    expect(after.synapticWeight).toBeGreaterThanOrEqual(1.3);
    expect(after.synapticWeight).toBeLessThanOrEqual(2.5);
    expect(peakOf(tr, COL.ampaCount, tr.startMs, tr.endMs).value).toBeLessThanOrEqual(150);
  });

  it('check 22: S831 phosphorylation rises with LTP induction and never lowers conductance', () => {
    const tr = tetanusRun();
    expect(tr.sample(-1000).gluA1S831Fraction).toBeLessThan(0.01);
    expect(peakOf(tr, COL.s831, 0, 10 * MIN).value).toBeGreaterThan(0.5);
  });

  it('check 23: head grows within 30-60 s, transient +100..+300 % at 1-5 min, sustained +50..+100 % for >= 30 min', () => {
    const tr = tetanusRun();
    const end = tr.protocol.endMs;
    expect(pct(tr.sample(end + 60_000).spineHeadVolumeUm3)).toBeGreaterThan(10);
    const pk = peakOf(tr, COL.volume, end, end + 60 * MIN);
    expect(pk.tMs - end).toBeGreaterThanOrEqual(1 * MIN);
    expect(pk.tMs - end).toBeLessThanOrEqual(5 * MIN);
    expect(pct(pk.value)).toBeGreaterThanOrEqual(100);
    expect(pct(pk.value)).toBeLessThanOrEqual(300);
    for (const t of [30 * MIN, 45 * MIN, 60 * MIN]) {
      const v = pct(tr.sample(end + t).spineHeadVolumeUm3);
      expect(v).toBeGreaterThanOrEqual(50);
      expect(v).toBeLessThanOrEqual(100);
    }
    // Three trains: the sustained part saturates and stays in the same +50..+100 % band (small spines).
    const three = threeTrainRun();
    for (const t of [30 * MIN, 60 * MIN]) {
      const v = pct(three.sample(three.protocol.endMs + t).spineHeadVolumeUm3);
      expect(v).toBeGreaterThanOrEqual(50);
      expect(v).toBeLessThanOrEqual(100);
    }
    // LTD: the spine shrinks (Zhou 2004), by less than half.
    const lfs = lfsRun();
    const shrink = pct(lfs.sample(lfs.protocol.endMs + 30 * MIN).spineHeadVolumeUm3);
    expect(shrink).toBeLessThan(-10);
    expect(shrink).toBeGreaterThan(-50);
    for (const blocked of [tetanusRun({ apv: true }), tetanusRun({ camkiiBlocked: true })])
      expect(Math.abs(pct(blocked.sample(end + 30 * MIN).spineHeadVolumeUm3))).toBeLessThan(5);
  });

  it('check 24: fEPSP 130-200 % (target 150) at 60 min; with anisomycin <= 120 % by 3-8 h', () => {
    const tr = tetanusRun();
    const end = tr.protocol.endMs;
    const f60 = tr.sample(end + 60 * MIN).fepspPercent;
    expect(f60).toBeGreaterThanOrEqual(130);
    expect(f60).toBeLessThanOrEqual(200);
    expect(Math.abs(f60 - 150)).toBeLessThan(10);
    const aniso = tetanusRun({ anisomycin: true });
    for (const h of [3, 4, 8]) expect(aniso.sample(end + h * HOUR).fepspPercent).toBeLessThanOrEqual(120);
  });
});
