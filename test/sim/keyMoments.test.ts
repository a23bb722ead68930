import { describe, expect, it } from 'vitest';
import { explainerTrace, keyMoments } from '../../src/sim/index';

describe('keyMoments of the explainer run (the order the scenes tell)', () => {
  it('release -> AMPA opens -> Mg2+ out -> Ca2+ peak -> CaMKII pT286 peak -> AMPAR insertion -> spine growth peak', () => {
    const k = keyMoments(explainerTrace());
    expect(k.firstReleaseMs).toBe(0);
    expect(k.firstAmpaPeakMs).toBeGreaterThan(0);
    expect(k.firstAmpaPeakMs).toBeLessThanOrEqual(1.5);
    expect(k.mgUnblockMs).not.toBeNull();
    expect(k.mgUnblockMs!).toBeGreaterThan(k.firstAmpaPeakMs);
    expect(k.caPeakMs).toBeGreaterThan(k.mgUnblockMs!);
    expect(k.caPeakMs).toBeLessThanOrEqual(k.protocolEndMs);
    expect(k.camkiiPT286PeakMs).toBeGreaterThan(k.protocolEndMs);
    expect(k.camkiiPT286DecayMs!).toBeGreaterThan(k.camkiiPT286PeakMs + 5000);
    expect(k.ampaHalfInsertedMs!).toBeGreaterThan(k.camkiiPT286PeakMs);
    expect(k.spineVolumePeakMs).toBeGreaterThan(k.ampaHalfInsertedMs!);
    expect(k.spineVolumePeakMs).toBeLessThan(5 * 60_000);
  });
});
