import { describe, expect, it } from 'vitest';
import {
  EXPLAINER_INDUCTION,
  LTD_INDUCTION,
  explainerComparisonTraces,
  explainerProtocol,
  explainerTrace,
  ltdTrace,
  testPulseResponse,
} from '../../src/sim/index';
import { COL, HOUR, MIN, peakOf } from './fixtures';

const after = (tr: ReturnType<typeof explainerTrace>, dtMs: number) => tr.sample(tr.protocol.endMs + dtMs);

describe("the film's run and its comparison runs", () => {
  it('explainerProtocol: three 100 Hz x 1 s trains 10 min apart, t = 0 at the first spike of the first train', () => {
    const p = explainerProtocol();
    expect(EXPLAINER_INDUCTION).toEqual({
      trains: 3,
      trainIntervalMs: 600_000,
      trainDurationMs: 1000,
      lastTrainEndMs: 1_201_000,
    });
    expect(p.endMs).toBe(EXPLAINER_INDUCTION.lastTrainEndMs);
    expect(p.trains).toEqual({ count: 3, intervalMs: 600_000, durationMs: 1000 });
    expect(p.testPulseTimesMs).toEqual([-60_000, -30_000, 1_201_000 + 30 * MIN, 1_201_000 + 60 * MIN]);
    const induction = p.presynapticSpikeTimesMs.filter((t) => !p.testPulseTimesMs!.includes(t));
    expect(induction[0]).toBe(0);
    expect(induction.length).toBe(300);
    const tr = explainerTrace();
    expect(explainerTrace()).toBe(tr);
    expect(tr.endMs).toBe(EXPLAINER_INDUCTION.lastTrainEndMs + 8 * HOUR);
  });

  it('Mg2+ relief during the FIRST train: B passes 0.5 (Vm above -20.5 mV); a test pulse leaves B near rest', () => {
    const tr = explainerTrace();
    const firstTrain = peakOf(tr, COL.mgUnblocked, 0, 1000);
    expect(firstTrain.value).toBeGreaterThanOrEqual(0.5);
    expect(peakOf(tr, COL.vm, 0, 1000).value).toBeGreaterThan(-20.5);
    const crossing = tr.findTime((s) => s.mgUnblockedFraction >= 0.5, 0)!;
    expect(crossing).toBeGreaterThan(0);
    expect(crossing).toBeLessThan(200);
    // Baseline test pulse at -30 s: B stays below 0.1 (rest 0.0445), the EPSP stays small.
    expect(peakOf(tr, COL.mgUnblocked, -30_000, -29_000).value).toBeLessThan(0.1);
    expect(peakOf(tr, COL.vm, -30_000, -29_000).value).toBeLessThan(-55);
  });

  it('comparison traces: late LTP lasts 8 h; anisomycin and one train fade to <= 120 %; cached', () => {
    const c = explainerComparisonTraces();
    expect(explainerComparisonTraces()).toBe(c);
    expect(c.lateLtp).toBe(explainerTrace());
    expect(c.anisomycin.conditions.anisomycin).toBe(true);
    expect(c.anisomycin.protocol.endMs).toBe(EXPLAINER_INDUCTION.lastTrainEndMs);
    expect(c.oneTrain.protocol.endMs).toBe(1000);
    expect(c.oneTrain.protocol.trains!.count).toBe(1);
    expect(after(c.lateLtp, 8 * HOUR).fepspPercent).toBeGreaterThanOrEqual(130);
    expect(after(c.anisomycin, 30 * MIN).fepspPercent).toBeGreaterThanOrEqual(125);
    expect(after(c.anisomycin, 8 * HOUR).fepspPercent).toBeLessThanOrEqual(120);
    expect(after(c.oneTrain, 60 * MIN).fepspPercent).toBeGreaterThanOrEqual(130);
    expect(after(c.oneTrain, 8 * HOUR).fepspPercent).toBeLessThanOrEqual(120);
    for (const tr of [c.anisomycin, c.oneTrain]) expect(tr.endMs).toBe(tr.protocol.endMs + 8 * HOUR);
  });

  it('ltdTrace: 1 Hz x 900 from t = 0, ends at 900 s; depression at 30-60 min after the LFS; cached', () => {
    const tr = ltdTrace();
    expect(ltdTrace()).toBe(tr);
    expect(LTD_INDUCTION.endMs).toBe(900_000);
    expect(tr.protocol.endMs).toBe(LTD_INDUCTION.endMs);
    expect(tr.protocol.presynapticSpikeTimesMs.filter((t) => t >= 0 && t < 900_000).length).toBe(900);
    expect(after(tr, 30 * MIN).fepspPercent).toBeLessThan(90);
    expect(after(tr, 60 * MIN).fepspPercent).toBeLessThan(90);
    expect(peakOf(tr, COL.ca, 0, 900_000).value).toBeLessThan(peakOf(explainerTrace(), COL.ca, 0, 1000).value / 2);
  });

  it('testPulseResponse still gives the film a waveform before and after the three trains', () => {
    const tr = explainerTrace();
    const before = testPulseResponse(tr, -1000);
    const at60 = testPulseResponse(tr, EXPLAINER_INDUCTION.lastTrainEndMs + 60 * MIN);
    expect(before.epspPercentOfBaseline).toBeCloseTo(100, 6);
    expect(at60.epspPeakMv).toBeGreaterThan(before.epspPeakMv * 1.2);
    expect(at60.waveform.tMs.length).toBeGreaterThan(100);
    expect(at60.waveform.vmMv.length).toBe(at60.waveform.tMs.length);
  });
});
