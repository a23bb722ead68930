import { describe, expect, it } from 'vitest';
import { halfUnblockVoltageMv, jahrStevensUnblockedFraction as B } from '../../src/sim/mgBlock';
import { P } from '../../src/sim/parameters';

// science-reference.md checks 1-4 (Jahr & Stevens 1990).
describe('Jahr-Stevens Mg2+ block', () => {
  it('check 1: B(-70 mV, 1 mM) = 0.0445 +- 0.003', () => {
    expect(Math.abs(B(-70, 1) - 0.0445)).toBeLessThanOrEqual(0.003);
  });
  it('check 2: B at -65/-40/-20/0 mV and monotonic in V', () => {
    expect(Math.abs(B(-65, 1) - 0.06)).toBeLessThanOrEqual(0.004);
    expect(Math.abs(B(-40, 1) - 0.23)).toBeLessThanOrEqual(0.01);
    expect(Math.abs(B(-20, 1) - 0.508)).toBeLessThanOrEqual(0.015);
    expect(Math.abs(B(0, 1) - 0.781)).toBeLessThanOrEqual(0.01);
    for (let v = -120; v < 60; v += 0.5) expect(B(v + 0.5, 1)).toBeGreaterThan(B(v, 1));
  });
  it('check 3: B(2 mM)/B(1 mM) at -70 mV = 0.51 +- 0.02; V1/2 = -20.5 +- 1 mV', () => {
    expect(Math.abs(B(-70, 2) / B(-70, 1) - 0.51)).toBeLessThanOrEqual(0.02);
    expect(Math.abs(halfUnblockVoltageMv(1) - -20.5)).toBeLessThanOrEqual(1);
    expect(B(halfUnblockVoltageMv(1), 1)).toBeCloseTo(0.5, 10);
  });
  it('check 4: step -70 -> 0 mV raises B 17.6 +- 1 x and B*(V - E_Ca) 11 +- 2 x', () => {
    expect(Math.abs(B(0, 1) / B(-70, 1) - 17.6)).toBeLessThanOrEqual(1);
    const drive = (v: number) => B(v, 1) * (P.caReversalMv - v);
    expect(P.caReversalMv).toBe(130);
    expect(Math.abs(drive(0) / drive(-70) - 11)).toBeLessThanOrEqual(2);
  });
  it('no Mg2+ means no block', () => {
    expect(B(-70, 0)).toBe(1);
  });
});
