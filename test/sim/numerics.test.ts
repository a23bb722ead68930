import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/sim/simulate';
import { tetanus } from '../../src/sim/protocols';
import { summarizeRun } from '../../src/sim/summary';

describe('integration accuracy: the adaptive fixed-step schedule has converged', () => {
  it('quartering every step changes the key outputs by < 2 % (Ca peak, pT286, AMPAR, volume, fEPSP)', () => {
    const p = tetanus({ afterMs: 90 * 60_000 });
    const a = summarizeRun(simulate(p, {}));
    const b = summarizeRun(simulate(p, {}, { stepScale: 0.25 }));
    const rel = (x: number, y: number) => Math.abs(x - y) / Math.abs(y);
    expect(rel(a.peakCaMicroM, b.peakCaMicroM)).toBeLessThan(0.02);
    expect(rel(a.peakMgUnblockedFraction, b.peakMgUnblockedFraction)).toBeLessThan(0.02);
    expect(rel(a.camkiiPT286['10s'], b.camkiiPT286['10s'])).toBeLessThan(0.02);
    expect(rel(a.ampaCount['60min'], b.ampaCount['60min'])).toBeLessThan(0.02);
    expect(rel(a.spineVolumePercent['2min'], b.spineVolumePercent['2min'])).toBeLessThan(0.02);
    expect(rel(a.fepspPercent['60min'], b.fepspPercent['60min'])).toBeLessThan(0.02);
  }, 60_000);

  it('three trains: quartering every step changes the late-LTP outcome by < 2 % (fEPSP at 60 min and 8 h)', () => {
    const p = tetanus({ trains: 3 });
    const a = summarizeRun(simulate(p, {}));
    const b = summarizeRun(simulate(p, {}, { stepScale: 0.25 }));
    const rel = (x: number, y: number) => Math.abs(x - y) / Math.abs(y);
    expect(rel(a.fepspPercent['60min'], b.fepspPercent['60min'])).toBeLessThan(0.02);
    expect(rel(a.fepspPercent['8h'], b.fepspPercent['8h'])).toBeLessThan(0.02);
    expect(rel(a.peakMgUnblockedFraction, b.peakMgUnblockedFraction)).toBeLessThan(0.02);
  }, 60_000);
});
