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
/** Receptor slots laid out on the PSD (more than the largest count the model reaches, ~35; spaced so 20 fill the middle half of the PSD). */
export const AMPA_SLOTS = 48;
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
 * (k = 0, the one the camera frames) at MG_EXPULSION_MV (where the
 * Jahr-Stevens unblocked fraction passes 0.5), the others 10 and 20 mV
 * either side of it, so relief is graded and the number of open pores
 * tracks B(V) as it rises.
 */
export function poreUnblockMv(k: number): number {
  const step = Math.ceil(k / 2) * 10;
  return MG_EXPULSION_MV + (k % 2 === 1 ? -step : step);
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

// --- Mechanisms drawn in 3D (issue #15) ------------------------------------------------------

/** CaMKII holoenzymes drawn in the spine head (a legible sample; a spine holds far more, see docs/art-direction.md). */
export const HOLOENZYMES_DRAWN = 6;
/** Subunits per holoenzyme: two stacked hexameric rings (Chao et al. 2011 Cell 146:732; science-reference.md). */
export const SUBUNITS_PER_HOLOENZYME_DRAWN = 12;
/** Radius of a drawn holoenzyme's ring of kinase domains, units (real ~10 nm = 0.1 units; drawn 2.5x to be seen). */
export const HOLOENZYME_RING_UNITS = 0.3;

/**
 * Where holoenzyme j sits: in the cytoplasm of the head (`home`, unit-ball
 * coordinates scaled by the head radius) and, once activated, bound at the PSD
 * (`dock`: polar angle and azimuth under the PSD). CaMKII translocates to the
 * PSD and binds GluN2B on activation (Shen & Meyer 1999 Science 284:162;
 * Bayer et al. 2001 Nature 411:801). Ring orientation `tilt` and `spin`, radians.
 */
export const HOLOENZYME_SITES: readonly {
  home: Vec3;
  dockTheta: number;
  dockPhi: number;
  /** Depth under the PSD membrane when docked, units (negative: inside). */
  dockDepth: number;
  tilt: number;
  spin: number;
}[] = (() => {
  const rnd = seededRandom(31);
  return Array.from({ length: HOLOENZYMES_DRAWN }, (_, j) => {
    const a = (j / HOLOENZYMES_DRAWN) * Math.PI * 2 + rnd() * 0.5;
    const rr = 0.3 + rnd() * 0.3;
    return {
      home: [Math.cos(a) * rr, -0.55 + rnd() * 0.6, Math.sin(a) * rr] as Vec3,
      dockTheta: PSD_HALF_ANGLE * (0.6 + 0.3 * rnd()),
      dockPhi: a + 0.4,
      dockDepth: -0.55 - 0.2 * (j % 2),
      tilt: 0.5 + rnd() * 0.7,
      spin: rnd() * Math.PI * 2,
    };
  });
})();

/**
 * Subunit i's offset from its holoenzyme's centre, before tilt, units: ring
 * i < 6 on top, i >= 6 below, the lower ring turned by 30 degrees.
 */
export function holoenzymeSubunitOffset(i: number): Vec3 {
  const ring = i < 6 ? 0 : 1;
  const ang = ((i % 6) / 6) * Math.PI * 2 + ring * (Math.PI / 6);
  return [Math.cos(ang) * HOLOENZYME_RING_UNITS, ring ? -0.09 : 0.09, Math.sin(ang) * HOLOENZYME_RING_UNITS];
}

/** Order in which a holoenzyme's subunits light: alternating rings, so lit subunits spread around it (as in the 2D inset). */
export function subunitLightOrder(i: number): number {
  return (i % 6) * 2 + (i < 6 ? 0 : 1);
}

/** 0..1: how far holoenzyme j has moved from its home to the PSD for an active CaMKII fraction (later ones follow). */
export function holoenzymeDockProgress(j: number, camkiiActiveFraction: number): number {
  const lo = 0.12 + 0.08 * j;
  return interpolate(camkiiActiveFraction, [lo, lo + 0.35], [0, 1], { easing: smoothstep });
}

/** Centre of holoenzyme j for head radius r (units) and the active CaMKII fraction: from home towards its PSD dock. */
export function holoenzymeCentre(j: number, r: number, camkiiActiveFraction: number): Vec3 {
  const site = HOLOENZYME_SITES[j]!;
  const go = holoenzymeDockProgress(j, camkiiActiveFraction);
  const dock = onHead(r, site.dockTheta, site.dockPhi, site.dockDepth);
  return [
    site.home[0] * r + (dock[0] - site.home[0] * r) * go,
    site.home[1] * r + (dock[1] - site.home[1] * r) * go,
    site.home[2] * r + (dock[2] - site.home[2] * r) * go,
  ];
}

/** Hermite smoothstep on 0..1: eases in and out with zero slope at both ends. */
function smoothstep(x: number): number {
  return x * x * (3 - 2 * x);
}

/** Receptors in transit at once: a receptor's path from exocytosis to its PSD slot spans this many units of count. */
export const AMPA_TRANSIT_WINDOW = 3;
/** Exocytosis sites lie on the head beside the PSD (perisynaptic; Makino & Malinow 2009 Neuron 64:381), this far past its rim, rad. */
export const AMPA_EXOCYTOSIS_BEYOND_PSD = 0.5;

/**
 * 0..1: progress of AMPA receptor i (slot index) from exocytosis (0) to its
 * PSD slot (1) for a receptor count; receptors below the baseline count are
 * in place. A receptor exists once count > i, so the number drawn on the
 * surface is always the model's count.
 */
export function ampaArrivalProgress(i: number, count: number, baselineCount: number): number {
  if (i < Math.round(baselineCount)) return 1;
  return interpolate(count - i, [0, AMPA_TRANSIT_WINDOW], [0, 1]);
}

/** Where a receptor in transit sits: polar angle on the head from the exocytosis site to the slot, for progress p (first 30 % fusing). */
export function ampaTransitTheta(slotTheta: number, p: number): number {
  const exo = PSD_HALF_ANGLE + AMPA_EXOCYTOSIS_BEYOND_PSD;
  return interpolate(p, [0.3, 1], [exo, slotTheta], { easing: smoothstep });
}

/** NMDA Ca2+ current at which the drawn influx streams are full, pA (about the model's peak in the tetanus; a drawing scale). */
export const CA_INFLUX_FULL_PICO_A = 0.08;
/** Ions drawn streaming in through each unblocked NMDA pore at full influx. */
export const CA_STREAM_IONS = 7;

/** Glutamate release from the fused vesicle spreads over this window after the spike, ms (fusion-pore flux; drawing timing). */
export const GLUTAMATE_RELEASE_WINDOW_MS = 0.35;
