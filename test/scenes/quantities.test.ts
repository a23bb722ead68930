import { describe, expect, it } from 'vitest';
import { caColor, caScalePosition, freeCaIonCount } from '../../src/components/caColor';
import { litSubunits } from '../../src/components/CamkiiHoloenzyme';
import {
  headRadiusUnits,
  mgOutOfPore,
  poreUnblockMv,
  UNITS_PER_UM,
  AMPA_SLOTS_POLAR,
  AMPA_SLOTS,
  lastSpikeAtOrBefore,
} from '../../src/components/synapseGeometry';
import { jahrStevensUnblockedFraction } from '../../src/sim';
import { formatCaMicroM, formatMv } from '../../src/components/units';
import { MG_EXPULSION_MV } from '../../src/story/keyEvents';

describe('on-screen quantities derived from the trace', () => {
  it('Ca2+ colour: log scale, 50 nM at one end, 10 µM at the other, distinct colours', () => {
    expect(caScalePosition(0.05)).toBeCloseTo(0, 9);
    expect(caScalePosition(10)).toBeCloseTo(1, 9);
    expect(caScalePosition(Math.sqrt(0.05 * 10))).toBeCloseTo(0.5, 9);
    expect(caColor(0.065)).not.toBe(caColor(2));
    expect(caColor(100)).toBe(caColor(10));
  });

  it('free Ca2+ ion count = c·V·N_A: 1 µM in 0.05 µm³ is about 30 ions', () => {
    expect(freeCaIonCount(1, 0.05)).toBeCloseTo(30.1, 1);
    expect(Math.round(freeCaIonCount(0.065, 0.05))).toBe(2);
  });

  it('CaMKII: lit subunits = round(12 x pT286), clamped', () => {
    expect(litSubunits(0)).toBe(0);
    expect(litSubunits(0.26)).toBe(3);
    expect(litSubunits(0.5)).toBe(6);
    expect(litSubunits(1.2)).toBe(12);
  });

  it('spine head radius from volume: 4/3 π r³ = V', () => {
    const r = headRadiusUnits(0.05) / UNITS_PER_UM;
    expect((4 / 3) * Math.PI * r ** 3).toBeCloseTo(0.05, 9);
  });

  it('the framed Mg2+ ion is half out exactly where half the pores are free (B = 0.5, the "drives it out" bookmark), in at rest', () => {
    const B = (v: number) => jahrStevensUnblockedFraction(v, 1);
    expect(MG_EXPULSION_MV).toBeCloseTo(-20.5, 1);
    expect(B(MG_EXPULSION_MV)).toBeCloseTo(0.5, 6);
    expect(poreUnblockMv(0)).toBe(MG_EXPULSION_MV);
    expect(mgOutOfPore(B(MG_EXPULSION_MV), 0, 1)).toBeCloseTo(0.5, 9);
    expect(mgOutOfPore(B(-70), 0, 1)).toBe(0);
    expect(mgOutOfPore(B(-5), 0, 1)).toBe(1);
  });

  it('AMPA slots fill the PSD from the centre outwards', () => {
    expect(AMPA_SLOTS_POLAR.length).toBe(AMPA_SLOTS);
    expect(AMPA_SLOTS_POLAR[0]!.theta).toBeLessThan(AMPA_SLOTS_POLAR[AMPA_SLOTS - 1]!.theta);
  });

  it('last presynaptic spike lookup', () => {
    expect(lastSpikeAtOrBefore([0, 10, 20], 15)).toBe(10);
    expect(lastSpikeAtOrBefore([0, 10, 20], -1)).toBeNull();
    expect(lastSpikeAtOrBefore([0, 10, 20], 20)).toBe(20);
  });

  it('units: true minus, nM below 1 µM, Greek mu', () => {
    expect(formatMv(-64.83)).toBe('\u221264.8 mV');
    expect(formatCaMicroM(0.065)).toBe('65 nM');
    expect(formatCaMicroM(2.345)).toBe('2.35 \u00b5M');
  });
});
