import { describe, expect, it } from 'vitest';
import { holoenzymeDistribution, holoenzymePopulation } from '../../src/sim';
import { drawnHoloenzymeCounts } from '../../src/components/SynapseStage';
import {
  AMPA_TRANSIT_WINDOW,
  HOLOENZYME_RING_UNITS,
  HOLOENZYME_SITES,
  HOLOENZYMES_DRAWN,
  PSD_HALF_ANGLE,
  ampaArrivalProgress,
  ampaTransitTheta,
  headRadiusUnits,
  holoenzymeCentre,
  holoenzymeDockProgress,
  holoenzymeSubunitOffset,
  onHead,
  subunitLightOrder,
} from '../../src/components/synapseGeometry';
import { sceneMove, shotWithin } from '../../src/components/cameraRig';
import type { SpineState } from '../../src/sim/types';

const dist = (a: readonly number[], b: readonly number[]) => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);

describe('CaMKII holoenzymes in the 3D stage', () => {
  it('are two stacked rings of six subunits, each ring flat and round', () => {
    const offsets = Array.from({ length: 12 }, (_, i) => holoenzymeSubunitOffset(i));
    const top = offsets.filter((o) => o[1] > 0);
    const bottom = offsets.filter((o) => o[1] < 0);
    expect([top.length, bottom.length]).toEqual([6, 6]);
    for (const o of offsets) expect(Math.hypot(o[0], o[2])).toBeCloseTo(HOLOENZYME_RING_UNITS, 9);
    // Neighbours in a ring are 60 degrees apart: chord = radius.
    expect(dist(top[0]!, top[1]!)).toBeCloseTo(HOLOENZYME_RING_UNITS, 9);
  });

  it('light subunit by subunit: the light order is a permutation of 0..11 alternating rings', () => {
    const order = Array.from({ length: 12 }, (_, i) => subunitLightOrder(i));
    expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i));
    const firstTwo = [order.indexOf(0), order.indexOf(1)];
    expect(firstTwo.map((i) => (i < 6 ? 'top' : 'bottom'))).toEqual(['top', 'bottom']);
  });

  it('take their lit counts from the model distribution through holoenzymePopulation', () => {
    const ring = [0.3, 0.2, 0.2, 0.1, 0.1, 0.05, 0.05];
    const d = holoenzymeDistribution(ring);
    const state = { camkiiHoloenzymeDistribution: d, camkiiPT286Fraction: 0.9 } as unknown as SpineState;
    const counts = drawnHoloenzymeCounts(state);
    expect(counts).toEqual(holoenzymePopulation(d, HOLOENZYMES_DRAWN));
    expect(counts).toHaveLength(HOLOENZYMES_DRAWN);
    // Without a distribution, every holoenzyme shows round(12 x mean).
    expect(drawnHoloenzymeCounts({ camkiiPT286Fraction: 0.25 } as SpineState)).toEqual(
      Array.from({ length: HOLOENZYMES_DRAWN }, () => 3),
    );
  });

  it('move from the cytoplasm to under the PSD as CaMKII activates', () => {
    const r = headRadiusUnits(0.05);
    for (let j = 0; j < HOLOENZYMES_DRAWN; j++) {
      const site = HOLOENZYME_SITES[j]!;
      const rest = holoenzymeCentre(j, r, 0);
      const active = holoenzymeCentre(j, r, 1);
      expect(holoenzymeDockProgress(j, 0)).toBe(0);
      expect(holoenzymeDockProgress(j, 1)).toBe(1);
      expect(active[1]).toBeGreaterThan(rest[1]);
      // Docked under the PSD: inside the head, within the PSD's cone.
      expect(Math.hypot(...active)).toBeLessThan(r);
      expect(site.dockTheta).toBeLessThan(PSD_HALF_ANGLE);
      expect(dist(active, onHead(r, site.dockTheta, site.dockPhi, site.dockDepth))).toBeLessThan(1e-9);
    }
    // Monotonic in the active fraction.
    const ps = [0, 0.2, 0.4, 0.6, 0.8, 1].map((a) => holoenzymeDockProgress(2, a));
    for (let i = 1; i < ps.length; i++) expect(ps[i]!).toBeGreaterThanOrEqual(ps[i - 1]!);
  });
});

describe('AMPA receptors arriving', () => {
  it('baseline receptors are in place; new ones travel from beside the PSD into their slot as the count rises', () => {
    expect(ampaArrivalProgress(5, 20, 20)).toBe(1);
    expect(ampaArrivalProgress(20, 20, 20)).toBe(0);
    expect(ampaArrivalProgress(20, 20 + AMPA_TRANSIT_WINDOW / 2, 20)).toBeCloseTo(0.5, 9);
    expect(ampaArrivalProgress(20, 20 + AMPA_TRANSIT_WINDOW, 20)).toBe(1);
    const slotTheta = 0.2;
    expect(ampaTransitTheta(slotTheta, 0)).toBeGreaterThan(PSD_HALF_ANGLE);
    expect(ampaTransitTheta(slotTheta, 0.3)).toBeCloseTo(ampaTransitTheta(slotTheta, 0), 9);
    expect(ampaTransitTheta(slotTheta, 1)).toBeCloseTo(slotTheta, 9);
  });
});

describe('camera moves', () => {
  it('the intro opens on motion: most of its move happens in the first third', () => {
    const r = headRadiusUnits(0.05);
    const d = (p: number) => shotWithin('intro', r, p).distance;
    const total = d(0) - d(1);
    expect(total).toBeGreaterThan(20);
    expect((d(0) - d(1 / 3)) / total).toBeGreaterThan(0.6);
  });

  it('vary scale with the story: close on the Mg2+ pore and CaMKII, wide for the intro and growth', () => {
    const r = headRadiusUnits(0.05);
    const settled = (id: Parameters<typeof sceneMove>[0]) => sceneMove(id, r).to.distance;
    expect(settled('mg-expulsion')).toBeLessThan(settled('glutamate-release'));
    expect(settled('camkii-lock-in')).toBeLessThan(settled('calcium-surge'));
    expect(settled('intro')).toBeGreaterThan(2 * settled('calcium-surge'));
    expect(settled('spine-growth')).toBeGreaterThan(settled('ampa-insertion'));
  });
});
