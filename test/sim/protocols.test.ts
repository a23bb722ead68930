import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CONDITIONS,
  explainerTrace,
  lowFrequencyStimulation,
  pairing,
  simulate,
  spikeTrain,
  testPulse,
  testPulseResponse,
  tetanus,
} from '../../src/sim/index';
import { COL, HOUR, MIN, cols, lfsRun, pairingRun, peakOf, tetanusRun, testPulseRun, threeTrainRun } from './fixtures';

const f = (tr: ReturnType<typeof tetanusRun>, dtMs: number) => tr.sample(tr.protocol.endMs + dtMs).fepspPercent;

describe('protocol outcomes a neuroscientist expects', () => {
  it('protocol builders: time 0 = first induction spike, baseline test pulses before it', () => {
    const p = tetanus();
    expect(p.presynapticSpikeTimesMs.filter((t) => t >= 0).length).toBe(100);
    expect(p.presynapticSpikeTimesMs.filter((t) => t >= 0)[0]).toBe(0);
    expect(p.endMs).toBe(1000);
    expect(p.testPulseTimesMs).toEqual([-60_000, -30_000]);
    expect(lowFrequencyStimulation().presynapticSpikeTimesMs.filter((t) => t >= 0).length).toBe(900);
    expect(pairing().postsynapticDepolarisations.length).toBe(100);
    expect(spikeTrain([0, 5, 10]).presynapticSpikeTimesMs).toEqual([0, 5, 10]);
    expect(DEFAULT_CONDITIONS).toEqual({
      mgOutMilliM: 1,
      apv: false,
      anisomycin: false,
      camkiiBlocked: false,
      clampMv: null,
    });
  });

  it('tetanus trains: t = 0 is the first spike of the first train, endMs is the end of the last train', () => {
    const p = tetanus({ trains: 3, trainIntervalMs: 10 * MIN });
    const induction = p.presynapticSpikeTimesMs.filter((t) => t >= 0 && !p.testPulseTimesMs!.includes(t));
    expect(induction.length).toBe(300);
    expect(induction[0]).toBe(0);
    expect(induction[100]).toBe(10 * MIN);
    expect(induction[200]).toBe(20 * MIN);
    expect(p.endMs).toBe(20 * MIN + 1000);
    expect(p.trains).toEqual({ count: 3, intervalMs: 10 * MIN, durationMs: 1000 });
    expect(tetanus().trains).toEqual({ count: 1, intervalMs: 0, durationMs: 1000 });
    expect(tetanus({ trains: 2 }).presynapticSpikeTimesMs.filter((t) => t >= 0)[100]).toBe(10 * MIN); // default 10 min
    expect(p.simulateUntilMs).toBe(p.endMs + 8 * HOUR);
    expect(tetanus({ trains: 3, probePulsesAfterEndMs: [30 * MIN] }).testPulseTimesMs).toContain(p.endMs + 30 * MIN);
    expect(() => tetanus({ trains: 0 })).toThrow(/trains must be an integer 1\.\.20/);
    expect(() => tetanus({ trains: 2.5 })).toThrow(/trains must be an integer/);
    expect(() => tetanus({ trains: 2, trainIntervalMs: 500 })).toThrow(/trainIntervalMs.*longer than one train/);
    expect(() => tetanus({ trains: 2, trainIntervalMs: Number.NaN })).toThrow(/trainIntervalMs/);
    expect(() => tetanus({ trains: 2, trainIntervalMs: 3 * HOUR })).toThrow(/at most/);
  });

  it('every train of a three-train run is stored at sub-ms resolution (the film shows the first train)', () => {
    const tr = threeTrainRun();
    const t = cols(tr)[COL.t]!;
    for (const start of [0, 10 * MIN, 20 * MIN]) {
      let n = 0;
      for (let i = 0; i < t.length; i++) if (t[i]! >= start && t[i]! < start + 1000) n++;
      expect(n).toBeGreaterThan(2000);
    }
  });

  // Huang & Kandel 1994 Learn Mem 1:74: one 100 Hz x 1 s train -> early LTP lasting 1-3 h; three trains
  // 10 min apart -> late LTP that needs protein synthesis. Times after the END of the last train.
  it('one train: early LTP, >= 130 % at 60 min, back to <= 120 % by 8 h; no protein synthesis', () => {
    const tr = tetanusRun();
    expect(f(tr, 60 * MIN)).toBeGreaterThanOrEqual(130);
    expect(f(tr, 8 * HOUR)).toBeLessThanOrEqual(120);
    expect(tr.sample(tr.protocol.endMs + 60 * MIN).ampaReceptorCount).toBeGreaterThan(
      tr.sample(-1000).ampaReceptorCount * 1.3,
    );
    expect(peakOf(tr, COL.protein, 0, tr.endMs).value).toBeLessThan(0.05);
  });

  it('three trains 10 min apart: late LTP, >= 130 % at 8 h, carried by the protein-dependent component', () => {
    const tr = threeTrainRun();
    expect(f(tr, 60 * MIN)).toBeGreaterThanOrEqual(130);
    expect(f(tr, 8 * HOUR)).toBeGreaterThanOrEqual(130);
    const s8 = tr.sample(tr.protocol.endMs + 8 * HOUR);
    expect(s8.latePotentiationFraction!).toBeGreaterThan(0.3);
    expect(s8.earlyPotentiationFraction!).toBeLessThan(0.05);
    expect(peakOf(tr, COL.protein, 0, tr.endMs).value).toBeGreaterThan(0.3);
  });

  it('three trains with anisomycin: >= 125 % at 30 min, <= 120 % at 8 h (early LTP only)', () => {
    const an = threeTrainRun({ anisomycin: true });
    expect(f(an, 30 * MIN)).toBeGreaterThanOrEqual(125);
    expect(f(an, 8 * HOUR)).toBeLessThanOrEqual(120);
    expect(peakOf(an, COL.protein, 0, an.endMs).value).toBe(0);
    expect(f(threeTrainRun(), 8 * HOUR) - f(an, 8 * HOUR)).toBeGreaterThan(20);
  });

  it('LFS (1 Hz x 900) gives LTD, and the spine shrinks', () => {
    const tr = lfsRun();
    expect(f(tr, 30 * MIN)).toBeLessThan(90);
    expect(tr.sample(tr.protocol.endMs + 30 * MIN).spineHeadVolumeUm3).toBeLessThan(
      tr.sample(-1000).spineHeadVolumeUm3,
    );
    // LFS does not switch CaMKII on: phosphatase wins.
    expect(peakOf(tr, COL.pT286, 0, tr.protocol.endMs).value).toBeLessThan(0.1);
    expect(peakOf(tr, COL.pp1, 0, tr.protocol.endMs).value).toBeGreaterThan(0.2);
  });

  it('APV blocks both LTP and LTD', () => {
    expect(Math.abs(f(tetanusRun({ apv: true }), 60 * MIN) - 100)).toBeLessThan(2);
    expect(Math.abs(f(lfsRun({ apv: true }), 60 * MIN) - 100)).toBeLessThan(2);
    expect(peakOf(tetanusRun({ apv: true }), COL.gNmda, 0, 2000).value).toBe(0);
  });

  it('anisomycin after one train changes nothing that lasts (one train gives no late LTP to remove)', () => {
    const ctl = tetanusRun();
    const an = tetanusRun({ anisomycin: true });
    expect(f(an, 30 * MIN)).toBeGreaterThan(140);
    for (const t of [60 * MIN, 4 * HOUR, 8 * HOUR]) expect(Math.abs(f(an, t) - f(ctl, t))).toBeLessThan(3);
    expect(an.sample(an.protocol.endMs + 2 * HOUR).proteinSynthesisLevel).toBe(0);
  });

  it('no potentiation without postsynaptic depolarisation: tetanus or pairing under clamp at -70 mV, single pulses', () => {
    expect(f(tetanusRun({ clampMv: -70 }), 60 * MIN)).toBeLessThan(102);
    expect(f(pairingRun({ clampMv: -70 }), 60 * MIN)).toBeLessThan(102);
    const tp = testPulseRun();
    expect(Math.abs(tp.sample(tp.endMs + 5 * MIN).fepspPercent - 100)).toBeLessThan(0.5);
    // Pairing WITH depolarisation (0 mV) potentiates, and Mg2+ is expelled.
    const pair = pairingRun();
    expect(f(pair, 60 * MIN)).toBeGreaterThan(130);
    expect(peakOf(pair, COL.mgUnblocked, 0, 2000).value).toBeGreaterThan(0.7);
  });

  it('Mg2+ unblock during the tetanus is driven by depolarisation: B tracks Jahr-Stevens of Vm', () => {
    const tr = tetanusRun();
    const s = tr.sample(500);
    expect(s.vmMv).toBeGreaterThan(-45);
    expect(s.mgUnblockedFraction).toBeGreaterThan(0.2);
    expect(tr.sample(-1000).mgUnblockedFraction).toBeCloseTo(0.0445, 3);
  });

  it('CaMKII block prevents LTP', () => {
    expect(Math.abs(f(tetanusRun({ camkiiBlocked: true }), 60 * MIN) - 100)).toBeLessThan(2);
  });

  it('determinism: two runs are identical bit for bit', () => {
    const a = cols(simulate(tetanus({ afterMs: 10 * MIN })));
    const b = cols(simulate(tetanus({ afterMs: 10 * MIN })));
    expect(a.length).toBe(b.length);
    for (let c = 0; c < a.length; c++) {
      const x = a[c]!,
        y = b[c]!;
      expect(x.length).toBe(y.length);
      expect(
        Buffer.from(x.buffer, x.byteOffset, x.byteLength).equals(Buffer.from(y.buffer, y.byteOffset, y.byteLength)),
      ).toBe(true);
    }
  });

  it('trace.sample interpolates between stored samples and clamps to [startMs, endMs]', () => {
    const tr = tetanusRun();
    expect(tr.sample(-1e12).tMs).toBe(tr.startMs);
    expect(tr.sample(1e12).tMs).toBe(tr.endMs);
    const c = cols(tr);
    const t = c[COL.t]!,
      v = c[COL.vm]!;
    const i = t.findIndex((x) => x > 100);
    const mid = (t[i]! + t[i + 1]!) / 2;
    if (t[i + 1]! > t[i]!) expect(tr.sample(mid).vmMv).toBeCloseTo((v[i]! + v[i + 1]!) / 2, 9);
    expect(() => tr.sample(Number.NaN)).toThrow(/finite/);
    expect(tr.findTime((s) => s.spineCaMicroM > 1, 0)).toBeGreaterThan(0);
    expect(tr.findTime((s) => s.spineCaMicroM > 1000)).toBeNull();
  });

  it('glutamate jumps at a spike without smearing into the samples before it', () => {
    const tr = tetanusRun();
    expect(tr.sample(-30_000 - 0.01).glutamateMilliM).toBeLessThan(0.01);
    expect(tr.sample(-30_000).glutamateMilliM).toBeCloseTo(1.1, 6);
  });

  it('the same test pulse gives a bigger response after the tetanus; explainerTrace is cached and spans >= 90 min', () => {
    const tr = explainerTrace();
    expect(explainerTrace()).toBe(tr);
    expect(tr.endMs).toBeGreaterThanOrEqual(90 * MIN);
    const before = testPulseResponse(tr, -1000);
    const after = testPulseResponse(tr, 60 * MIN);
    expect(before.epspPercentOfBaseline).toBeCloseTo(100, 6);
    expect(after.epspPeakMv).toBeGreaterThan(before.epspPeakMv * 1.2);
    expect(after.ampaPeakNanoS).toBeGreaterThan(before.ampaPeakNanoS * 1.3);
    expect(after.waveform.tMs.length).toBe(after.waveform.vmMv.length);
  });

  it('bad input throws errors naming the field and range', () => {
    expect(() => simulate(tetanus(), { mgOutMilliM: -1 })).toThrow(/mgOutMilliM.*0\.\.20/);
    expect(() => simulate(tetanus(), { mgOutMilliM: Number.NaN })).toThrow(/mgOutMilliM/);
    expect(() => simulate(tetanus(), { clampMv: 80 })).toThrow(/clampMv.*-120/);
    expect(() => tetanus({ rateHz: -5 })).toThrow(/rateHz/);
    expect(() => spikeTrain([5, 1])).toThrow(/ascending/);
    expect(() => testPulse({ afterMs: Number.NaN })).toThrow(/afterMs/);
  });
});
