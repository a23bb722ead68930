/**
 * Geometry of the 3D synapse, in scene units (1 unit = 0.1 µm; the cleft is
 * drawn about 3x wider than its real ~20 nm so glutamate can be seen in it).
 * Pure functions of the simulated state: head size from spineHeadVolumeUm3,
 * receptor slots on the postsynaptic density (PSD), molecule scatter.
 */
import { interpolate } from '../engine';
import { seededRandom } from './seededRandom';
import { jahrStevensUnblockedFraction } from '../sim';
import { MG_EXPULSION_MV } from '../story/keyEvents';

export type Vec3 = [number, number, number];

/** Units per micrometre. */
export const UNITS_PER_UM = 10;
/** Drawn cleft width, units (real cleft ~20 nm = 0.2 units; drawn 0.7). */
export const CLEFT_UNITS = 0.7;
export const BOUTON_RADIUS = 3.3;
export const BOUTON_SQUASH = 0.8;
export const NECK_BOTTOM_Y = -6.5;
export const DENDRITE_Y = -8.6;
export const DENDRITE_RADIUS = 2.3;
/** PSD half-angle on the head sphere, radians. */
export const PSD_HALF_ANGLE = 0.78;
/** Receptor slots laid out on the PSD (more than the largest count shown). */
export const AMPA_SLOTS = 160;
export const NMDA_COUNT = 5;

/** Spine head radius in units for a head volume in µm³ (sphere: r = cbrt(3V / 4π)). */
export function headRadiusUnits(spineHeadVolumeUm3: number): number {
  return Math.cbrt((3 * Math.max(spineHeadVolumeUm3, 1e-4)) / (4 * Math.PI)) * UNITS_PER_UM;
}

/** Centre of the presynaptic bouton for head radius `r`. */
export function boutonCenter(r: number): Vec3 {
  return [0, r + CLEFT_UNITS + BOUTON_RADIUS * BOUTON_SQUASH, 0];
}

/** Point on the head sphere (radius r, centre origin) at polar angle theta from +y and azimuth phi, lifted by `lift`. */
export function onHead(r: number, theta: number, phi: number, lift = 0): Vec3 {
  const rr = r + lift;
  return [rr * Math.sin(theta) * Math.cos(phi), rr * Math.cos(theta), rr * Math.sin(theta) * Math.sin(phi)];
}

/** NMDA receptor slots (theta, phi) near the PSD centre. */
export const NMDA_SLOTS: readonly { theta: number; phi: number }[] = Array.from({ length: NMDA_COUNT }, (_, i) =>
  i === 0 ? { theta: 0.12, phi: 1.2 } : { theta: 0.36, phi: (i * 2 * Math.PI) / (NMDA_COUNT - 1) + 0.4 },
);

/**
 * AMPA receptor slots on the PSD, centre outwards (golden-angle spiral), so a
 * growing receptor count fills the PSD from the middle to the rim; slots that
 * would overlap an NMDA receptor are skipped.
 */
export const AMPA_SLOTS_POLAR: readonly { theta: number; phi: number }[] = (() => {
  const slots: { theta: number; phi: number }[] = [];
  const golden = Math.PI * (3 - Math.sqrt(5));
  for (let i = 0; slots.length < AMPA_SLOTS; i++) {
    const theta = PSD_HALF_ANGLE * Math.sqrt((i + 0.5) / (AMPA_SLOTS * 1.15));
    const phi = i * golden;
    const clash = NMDA_SLOTS.some((n) => {
      const a = onHead(1, theta, phi);
      const b = onHead(1, n.theta, n.phi);
      return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]) < 0.075;
    });
    if (!clash) slots.push({ theta, phi });
  }
  return slots;
})();

/** A fixed random rank per AMPA slot: slot i is open when rank < round(open fraction x count). */
export const AMPA_OPEN_RANK: readonly number[] = (() => {
  const rnd = seededRandom(7);
  const idx = Array.from({ length: AMPA_SLOTS }, (_, i) => i);
  for (let i = idx.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [idx[i], idx[j]] = [idx[j] as number, idx[i] as number];
  }
  const rank = new Array<number>(AMPA_SLOTS);
  idx.forEach((slot, r) => (rank[slot] = r));
  return rank;
})();

/** Unit-sphere scatter (uniform in the ball) for Ca2+ ions, fixed by seed. */
export const BALL_SCATTER: readonly Vec3[] = (() => {
  const rnd = seededRandom(11);
  const out: Vec3[] = [];
  while (out.length < 400) {
    const p: Vec3 = [rnd() * 2 - 1, rnd() * 2 - 1, rnd() * 2 - 1];
    if (p[0] * p[0] + p[1] * p[1] + p[2] * p[2] <= 1) out.push(p);
  }
  return out;
})();

/** Glutamate scatter: a 2D direction in the cleft plane, a radial quantile and a height across the cleft, fixed by seed. */
export const GLUTAMATE_SCATTER: readonly { angle: number; radial: number; height: number }[] = (() => {
  const rnd = seededRandom(23);
  return Array.from({ length: 240 }, () => {
    // Radial quantile of a 2D Gaussian: r = sqrt(-ln(1-u)) (times sqrt(4 D t) below).
    const u = rnd();
    return { angle: rnd() * Math.PI * 2, radial: Math.sqrt(-Math.log(1 - u * 0.98)), height: rnd() };
  });
})();

/**
 * Effective glutamate diffusion coefficient in the cleft, µm²/ms: ~0.33
 * (Nielsen, DiGregorio & Silver 2004 Neuron 42:757; from memory, class A:
 * only the picture's spread uses it, never a number on screen).
 */
export const GLUTAMATE_DIFFUSION_UM2_PER_MS = 0.33;

/** RMS 2D spread of glutamate `sinceReleaseMs` after release, in units: sqrt(4 D t). */
export function glutamateSpreadUnits(sinceReleaseMs: number): number {
  return Math.sqrt(4 * GLUTAMATE_DIFFUSION_UM2_PER_MS * Math.max(sinceReleaseMs, 0)) * UNITS_PER_UM;
}

/** Time of the latest presynaptic spike at or before `tMs`, or null. */
export function lastSpikeAtOrBefore(spikeTimesMs: readonly number[], tMs: number): number | null {
  let lo = 0;
  let hi = spikeTimesMs.length - 1;
  let found: number | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spikeTimesMs[mid] as number;
    if (s <= tMs) {
      found = s;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * Centre of NMDA receptor k's Mg2+ ion for head radius r and displacement
 * `out` (0 = in the pore, 1 = expelled into the cleft, see mgDisplacement).
 */
export function mgIonPosition(r: number, k: number, out: number): Vec3 {
  const slot = NMDA_SLOTS[k]!;
  const base = onHead(r, slot.theta, slot.phi, 0.2);
  const n = onHead(1, slot.theta, slot.phi);
  // Sideways unit vector in the membrane plane: n x z, normalised.
  const sx = n[1];
  const sy = -n[0];
  const len = Math.hypot(sx, sy) || 1;
  const lift = 0.12 + 0.9 * out;
  const side = (0.35 * out * (k % 2 ? 1 : -1)) / len;
  return [base[0] + n[0] * lift + sx * side, base[1] + n[1] * lift + sy * side, base[2] + n[2] * lift];
}

/**
 * Depolarisation at which NMDA pore k is drawn unblocked, mV: the hero pore
 * (k = 0, the one the camera frames) at −40 mV (seed article), the others
 * 10 mV apart, so the number of open pores tracks B(V) as it rises.
 */
export function poreUnblockMv(k: number): number {
  return MG_EXPULSION_MV + 10 * k;
}

/**
 * How far pore k's Mg2+ ion is out, 0 (in the pore) to 1 (expelled), from the
 * Jahr-Stevens unblocked fraction B: a smoothstep across B(poreUnblockMv(k))
 * ± 0.03, so the hero ion is exactly half-way out when Vm crosses −40 mV.
 */
export function mgOutOfPore(mgUnblockedFraction: number, k: number, mgOutMilliM: number): number {
  const threshold = jahrStevensUnblockedFraction(poreUnblockMv(k), mgOutMilliM);
  const x = interpolate((mgUnblockedFraction - threshold) / 0.06, [-0.5, 0.5], [0, 1]);
  return x * x * (3 - 2 * x);
}
