/**
 * TEMPORARY stand-in for the real trace (src/sim) while it is being built. Delete this file once
 * they exist. Shapes are rough, for layout only.
 */
import type { SpineState, SpineTrace } from '../sim/types';

const spikes = Array.from({ length: 100 }, (_, i) => i * 10);

function state(t: number): SpineState {
  let glu = 0;
  for (const s of spikes) if (t > s + 0.3 && t < s + 10) glu += 1.1 * Math.exp(-(t - s - 0.3) / 1.2);
  const during = t >= 0 && t < 1000;
  const dep = t < 0 ? 0 : during ? 55 * (1 - Math.exp(-t / 25)) : 55 * Math.exp(-(t - 1000) / 20);
  const vm = -70 + dep + 10 * Math.min(1, glu);
  const B = 1 / (1 + (1 / 3.57) * Math.exp(-0.062 * vm));
  const ca = 0.065 + (t < 0 ? 0 : during ? 6 * (1 - Math.exp(-t / 60)) : 6 * Math.exp(-(t - 1000) / 150));
  const pT = t < 0 ? 0 : (0.8 / (1 + Math.exp(-(t - 500) / 80))) * Math.exp(-Math.max(0, t - 2000) / (3 * 3600e3));
  const min = t / 60000;
  const grow = min < 0.5 ? 0 : 1 - Math.exp(-(min - 0.5) / 4);
  const vol = 0.03 + 0.025 * (min < 1 ? 0 : 1 - Math.exp(-(min - 1) / 8)) * Math.exp(-Math.max(0, min - 60) / 180);
  return {
    tMs: t, glutamateMilliM: glu, vmMv: vm, ampaOpenFraction: Math.min(1, glu * 0.6), nmdaOpenFraction: Math.min(1, glu * 0.1),
    mgUnblockedFraction: B, gAmpaNanoS: glu, gNmdaNanoS: glu * B, spineCaMicroM: ca, camkiiCaMBoundFraction: Math.min(1, ca / 5),
    camkiiPT286Fraction: pT, camkiiActiveFraction: pT, phosphataseActivity: 0.1, ampaReceptorCount: 60 + 40 * grow * Math.exp(-Math.max(0, min - 90) / 120),
    gluA1S831Fraction: pT * 0.5, spineHeadVolumeUm3: vol, synapticWeight: 1 + 0.7 * grow, fepspPercent: 100 + 70 * grow * Math.exp(-Math.max(0, min - 90) / 120),
  };
}

export const standInTrace: SpineTrace = {
  protocol: { name: 'tetanus', presynapticSpikeTimesMs: spikes, postsynapticDepolarisations: [], endMs: 1000 },
  conditions: { mgOutMilliM: 1, apv: false, anisomycin: false, camkiiBlocked: false, clampMv: null },
  startMs: -600_000,
  endMs: 4 * 3600e3,
  sample: (t) => state(Math.min(4 * 3600e3, Math.max(-600_000, t))),
  findTime(pred, from = -600_000) {
    for (let t = from; t <= 4 * 3600e3; t += t < 2000 ? 0.05 : 1000) if (pred(state(t))) return t;
    return null;
  },
};

