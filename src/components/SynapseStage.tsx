/**
 * The 3D synapse: presynaptic bouton with vesicles, the cleft with glutamate,
 * the spine head (coloured by its Ca2+) with its PSD, AMPA and NMDA receptors,
 * the Mg2+ ions in the NMDA pores, Ca2+ streaming in and spreading, CaMKII
 * holoenzymes, and new AMPA receptors arriving by exocytosis. Everything
 * biological is read from one SpineState; the camera comes from cameraRig.ts;
 * the look is docs/art-direction.md.
 *
 * Cost control for software WebGL (render-notes.md): no lights (the two
 * materials in stage/materials.ts shade themselves with one fixed key light),
 * membranes as soft translucent shells whose silhouettes fade out (no hard
 * outline to alias), every molecule a sphere impostor in one instanced draw
 * per kind, and a reduced drawing-buffer pixel ratio.
 *
 * Instances and uniforms are written in the render body (idempotent writes to
 * objects this component owns, through helper functions) because
 * <ThreeCanvas> draws in a layout effect that runs before its children's
 * effects. Everything created here is disposed on unmount (stage/owned.ts).
 */
import { CylinderGeometry, Color, PerspectiveCamera, SphereGeometry, type ShaderMaterial } from 'three';
import { Fragment } from 'react';
import { useThree } from '@react-three/fiber';
import { ThreeCanvas } from '../engine';
import type { SpineState } from '../sim/types';
import { holoenzymePopulation } from '../sim';
import type { Layout } from './layout';
import { applyShot, type Shot } from './cameraRig';
import { caColor, freeCaIonCount } from './caColor';
import { palette } from './palette';
import { StageBackdrop, StageFade } from './StageBackdrop';
import { membraneMaterial, setMembrane } from './stage/materials';
import { MoleculeSet, OwnedMesh, useOwned } from './stage/owned';
import {
  AMPA_OPEN_RANK,
  AMPA_SLOTS,
  AMPA_SLOTS_POLAR,
  BALL_SCATTER,
  BOUTON_RADIUS,
  BOUTON_SQUASH,
  CA_INFLUX_FULL_PICO_A,
  CA_STREAM_IONS,
  CLEFT_UNITS,
  DENDRITE_RADIUS,
  DENDRITE_Y,
  GLUTAMATE_RELEASE_WINDOW_MS,
  GLUTAMATE_SCATTER,
  HOLOENZYME_SITES,
  HOLOENZYMES_DRAWN,
  NECK_BOTTOM_Y,
  NMDA_SLOTS,
  PSD_HALF_ANGLE,
  ampaArrivalProgress,
  ampaTransitTheta,
  boutonCenter,
  glutamateSpreadUnits,
  headRadiusUnits,
  holoenzymeCentre,
  holoenzymeSubunitOffset,
  lastSpikeAtOrBefore,
  mgIonPosition,
  mgOutOfPore,
  onHead,
  subunitLightOrder,
  type Vec3,
} from './synapseGeometry';

export interface SynapseStageProps {
  state: SpineState;
  /** Absolute frame (only for motion that shows a rate, such as ions streaming in; see art-direction.md). */
  frame: number;
  /** Presynaptic spike times of the protocol, ms (for vesicle fusion and glutamate spread). */
  spikeTimesMs: readonly number[];
  /** Extracellular [Mg2+] of the run, mM (for the per-pore unblock thresholds). */
  mgOutMilliM: number;
  /** Synaptic AMPA receptors before induction: receptors beyond it are drawn arriving. */
  ampaBaselineCount: number;
  shot: Shot;
  /** 0..1: the bouton fades out for close-ups of the PSD. */
  boutonOpacity: number;
  layout: Layout;
  /** Drawing-buffer pixels per CSS pixel. */
  pixelRatio: number;
  /** Multisampled drawing buffer (read when the canvas is created). */
  antialias?: boolean;
  /** A new key mounts the stage's contents afresh in the same canvas (as hot reload does; the memory test). */
  contentKey?: number;
}

/** Glutamate appears in the cleft at the spike time in the model (src/sim/glutamate.ts); the vesicle is drawn fusing over the 0.3 ms before. */
const FUSION_LEAD_MS = 0.3;
/** Glutamate molecules drawn per mM of cleft glutamate (a drawing density, not a molecule count). */
const GLUTAMATE_DOTS_PER_MILLIM = 150;
/** Radius (units) beyond which diffusing glutamate is no longer drawn: the edge of the apposition. */
const GLUTAMATE_VISIBLE_RADIUS = 3.8;
/** Opacity of the spine head's shell (translucent, so the Ca2+ and CaMKII inside show). */
const HEAD_OPACITY = 0.78;

/** Draw order: what is inside the head first, its shell over it, then what sits on or outside it. */
const ORDER = { inside: 1, dendrite: 2, head: 3, psd: 4, surface: 5, cleft: 6, bouton: 7, vesicles: 8 } as const;

export function SynapseStage({ layout, pixelRatio, antialias = false, contentKey, ...content }: SynapseStageProps) {
  const { stage, width, height } = layout;
  // The stage paints the glow behind it and, where it ends above the frame's bottom, its own fade into
  // that glow, so its canvas is opaque: the compositor copies it rather than blending it (docs/render.md).
  return (
    <ThreeCanvas
      width={stage.w}
      height={stage.h}
      pixelRatio={pixelRatio}
      antialias={antialias}
      opaque
      label="synapse stage"
      style={{ position: 'absolute', left: stage.x, top: stage.y }}
    >
      <Fragment key={contentKey}>
        <StageBackdrop frameWidth={width} frameHeight={height} stage={stage} />
        <StageContent layout={layout} {...content} />
        {stage.y + stage.h < height && <StageFade frameWidth={width} frameHeight={height} stage={stage} />}
      </Fragment>
    </ThreeCanvas>
  );
}

/** True when the stage box is the whole frame; otherwise the page paints the glow around it. */
export function stageCoversFrame({ stage, width, height }: Layout): boolean {
  return stage.x <= 0 && stage.y <= 0 && stage.x + stage.w >= width && stage.y + stage.h >= height;
}

/** The camera's position, units (molecules are drawn far to near from it). */
type Eye = { x: number; y: number; z: number };

type ContentProps = Omit<SynapseStageProps, 'pixelRatio' | 'antialias' | 'contentKey'>;

/** The stage's contents; exported for the mount/unmount memory test. */
export function StageContent({
  state,
  frame,
  spikeTimesMs,
  mgOutMilliM,
  ampaBaselineCount,
  shot,
  boutonOpacity,
  layout,
}: ContentProps) {
  const camera = useThree((s) => s.camera);
  if (camera instanceof PerspectiveCamera) applyShot(camera, shot, layout);
  const r = headRadiusUnits(state.spineHeadVolumeUm3);
  return (
    <>
      <Membranes state={state} headRadius={r} boutonOpacity={boutonOpacity} />
      <Molecules
        state={state}
        frame={frame}
        spikeTimesMs={spikeTimesMs}
        mgOutMilliM={mgOutMilliM}
        ampaBaselineCount={ampaBaselineCount}
        boutonOpacity={boutonOpacity}
        headRadius={r}
        eye={camera.position}
      />
    </>
  );
}

/** A soft membrane shell (geometry + material owned by the caller). */
function Shell({
  owned,
  position,
  scale,
  rotation,
  order,
  visible = true,
}: {
  owned: OwnedMesh<SphereGeometry | CylinderGeometry, ShaderMaterial>;
  position?: Vec3;
  scale?: number | Vec3;
  rotation?: Vec3;
  order: number;
  visible?: boolean;
}) {
  return (
    <mesh
      geometry={owned.geometry}
      material={owned.material}
      position={position}
      scale={scale}
      rotation={rotation}
      renderOrder={order}
      visible={visible}
    />
  );
}

/** Dendrite, neck, head (Ca2+ colour), PSD, bouton and axon: soft translucent membranes. */
function Membranes({
  state,
  headRadius,
  boutonOpacity,
}: {
  state: SpineState;
  headRadius: number;
  boutonOpacity: number;
}) {
  const r = headRadius;
  const dendrite = useOwned(
    () =>
      new OwnedMesh(
        new CylinderGeometry(DENDRITE_RADIUS, DENDRITE_RADIUS, 80, 40, 1, true),
        membraneMaterial({ color: palette.membrane, opacity: 0.9, centreOpacity: 0.55 }),
      ),
  );
  const neck = useOwned(
    () =>
      new OwnedMesh(
        new CylinderGeometry(0.55, 0.8, 1, 24, 1, true),
        membraneMaterial({ color: palette.membrane, opacity: 0.9, centreOpacity: 0.5 }),
      ),
  );
  const head = useOwned(
    () =>
      new OwnedMesh(
        new SphereGeometry(1, 48, 32),
        membraneMaterial({ color: palette.membrane, opacity: HEAD_OPACITY, centreOpacity: 0.32 }),
      ),
  );
  // The PSD: a dense protein disc under the synaptic membrane, a cap of the head that grows with it
  // (PSD area scales with head volume: Harris & Stevens 1989 J Neurosci 9:2982).
  const psd = useOwned(
    () =>
      new OwnedMesh(
        new SphereGeometry(1, 40, 8, 0, Math.PI * 2, 0, PSD_HALF_ANGLE),
        membraneMaterial({
          color: palette.psd,
          rimColor: palette.psd,
          opacity: 0.85,
          centreOpacity: 0.75,
          capFade: true,
        }),
      ),
  );
  const bouton = useOwned(
    () =>
      new OwnedMesh(
        new SphereGeometry(BOUTON_RADIUS, 48, 32),
        membraneMaterial({ color: palette.bouton, opacity: 0.85, centreOpacity: 0.22 }),
      ),
  );
  const axon = useOwned(
    () =>
      new OwnedMesh(
        new CylinderGeometry(0.7, 0.9, 7, 24, 1, true),
        membraneMaterial({ color: palette.bouton, opacity: 0.85, centreOpacity: 0.4 }),
      ),
  );
  applyMembraneState(head.material, caColor(state.spineCaMicroM), bouton.material, axon.material, boutonOpacity);
  const bc = boutonCenter(r);
  const neckLength = Math.abs(NECK_BOTTOM_Y) - r * 0.7 + 0.4;
  return (
    <>
      <Shell owned={dendrite} position={[0, DENDRITE_Y, 0]} rotation={[0, 0, Math.PI / 2]} order={ORDER.dendrite} />
      {/* Head and neck change size by scale, not by geometry arguments: new arguments would rebuild the mesh every frame. */}
      <Shell
        owned={neck}
        position={[0, (NECK_BOTTOM_Y - r * 0.7) / 2, 0]}
        scale={[1, neckLength, 1]}
        order={ORDER.dendrite}
      />
      <Shell owned={head} scale={r} order={ORDER.head} />
      <Shell owned={psd} scale={r * 1.012} order={ORDER.psd} />
      <Shell
        owned={bouton}
        position={bc}
        scale={[1.08, BOUTON_SQUASH, 1.08]}
        order={ORDER.bouton}
        visible={boutonOpacity > 0.01}
      />
      <Shell
        owned={axon}
        position={[bc[0] - 3.5, bc[1] + 3.2, 0]}
        rotation={[0, 0, Math.PI / 4]}
        order={ORDER.bouton}
        visible={boutonOpacity > 0.01}
      />
    </>
  );
}

function applyMembraneState(
  head: ShaderMaterial,
  headColor: string,
  bouton: ShaderMaterial,
  axon: ShaderMaterial,
  boutonOpacity: number,
): void {
  setMembrane(head, headColor, HEAD_OPACITY);
  setMembrane(bouton, palette.bouton, 0.85 * boutonOpacity);
  setMembrane(axon, palette.bouton, 0.85 * boutonOpacity);
}

/** Most molecules drawn at once inside the head (Ca2+ ions, their streams, CaMKII, endosomes) and outside it. */
const INSIDE_CAPACITY = BALL_SCATTER.length + NMDA_SLOTS.length * CA_STREAM_IONS * 3 + HOLOENZYMES_DRAWN * 13 + 8;
const OUTSIDE_CAPACITY = AMPA_SLOTS * 2 + NMDA_SLOTS.length * 5 + GLUTAMATE_SCATTER.length + 16;

/**
 * Every molecule, in two instanced draws: those inside the head (drawn
 * before its translucent shell, so the shell veils them) and those on or
 * outside it (drawn after), each sorted far to near from the camera.
 */
function Molecules({
  state,
  frame,
  spikeTimesMs,
  mgOutMilliM,
  ampaBaselineCount,
  boutonOpacity,
  headRadius,
  eye,
}: Omit<ContentProps, 'shot' | 'layout'> & { headRadius: number; eye: Eye }) {
  const inside = useOwned(() => new MoleculeSet(INSIDE_CAPACITY, ORDER.inside));
  const outside = useOwned(() => new MoleculeSet(OUTSIDE_CAPACITY, ORDER.cleft));
  const r = headRadius;
  drawMolecules(inside, outside, eye, (inn, out) => {
    drawCalcium(inn, state, r, frame, mgOutMilliM);
    drawCamkii(inn, state, r);
    drawAmpa(out, inn, state, r, ampaBaselineCount);
    drawNmda(out, state, r, mgOutMilliM);
    drawGlutamate(out, state, spikeTimesMs, r);
    drawVesicles(out, state, spikeTimesMs, r, boutonOpacity, frame);
  });
  return (
    <>
      <primitive object={inside.mesh} />
      <primitive object={outside.mesh} />
    </>
  );
}

function drawMolecules(
  inside: MoleculeSet,
  outside: MoleculeSet,
  eye: Eye,
  draw: (inside: MoleculeSet, outside: MoleculeSet) => void,
): void {
  inside.begin();
  outside.begin();
  draw(inside, outside);
  inside.finish(eye);
  outside.finish(eye);
}

const closedAmpa = new Color(palette.ampaClosed3d);
const openAmpa = new Color(palette.ampaOpen);

/**
 * Synaptic AMPA receptors: count = ampaReceptorCount. Those beyond the
 * baseline arrive: a recycling endosome fuses beside the PSD (exocytosis),
 * the receptor appears in the membrane and diffuses laterally into its PSD
 * slot (Makino & Malinow 2009; Choquet & Triller 2013 Neuron 80:691). Open
 * ones light up and carry a bound glutamate.
 */
function drawAmpa(out: MoleculeSet, inside: MoleculeSet, state: SpineState, r: number, baselineCount: number): void {
  const count = Math.min(AMPA_SLOTS, Math.max(0, state.ampaReceptorCount));
  // A receptor is drawn once it is 2 % present: the mean-field count carries numerical dust above whole numbers.
  const shown = Math.min(AMPA_SLOTS, Math.ceil(count - 0.02));
  const nOpen = Math.round(state.ampaOpenFraction * count);
  for (let i = 0; i < shown; i++) {
    const slot = AMPA_SLOTS_POLAR[i]!;
    const p = ampaArrivalProgress(i, count, baselineCount);
    const theta = ampaTransitTheta(slot.theta, p);
    // Emerging from the fusing endosome over the first 30 % of the path.
    const emerge = Math.min(1, p / 0.3);
    const [x, y, z] = onHead(r, theta, slot.phi, 0.06 + 0.08 * emerge);
    const isOpen = p >= 1 && (AMPA_OPEN_RANK[i] as number) < nOpen;
    out.add(x, y, z, 0.115 * (0.35 + 0.65 * emerge) * (isOpen ? 1.12 : 1), isOpen ? openAmpa : closedAmpa, {
      glow: 0.1,
    });
    if (isOpen) {
      const g = onHead(r, theta, slot.phi, 0.29);
      out.add(g[0], g[1], g[2], 0.065, palette.glutamate, { glow: 0.45 });
    }
    if (p < 0.3) {
      const e = onHead(r, theta, slot.phi, -0.32 + 0.3 * emerge);
      inside.add(e[0], e[1], e[2], 0.24 * (1 - 0.6 * emerge), palette.endosome, { glow: 0.25 });
    }
  }
}

/** NMDA receptors (four subunits around a pore) with their Mg2+ ions; the ion leaves the pore as mgUnblockedFraction rises. */
function drawNmda(out: MoleculeSet, state: SpineState, r: number, mgOutMilliM: number): void {
  NMDA_SLOTS.forEach((slot, k) => {
    // Four subunits around the pore, in the membrane plane, standing out of it.
    for (let j = 0; j < 4; j++) {
      const ang = (j * Math.PI) / 2 + Math.PI / 4;
      const dt = Math.cos(ang) * 0.075;
      const dp = (Math.sin(ang) * 0.075) / Math.max(0.2, Math.sin(slot.theta));
      const [x, y, z] = onHead(r, slot.theta + dt, slot.phi + dp, 0.16);
      out.add(x, y, z, 0.085, palette.nmda, { glow: 0.1 });
    }
    // In the pore when blocked; out into the cleft, drifting sideways, when unblocked.
    const [x, y, z] = mgIonPosition(r, k, mgOutOfPore(state.mgUnblockedFraction, k, mgOutMilliM));
    out.add(x, y, z, 0.085, palette.magnesium, { glow: 0.55 });
  });
}

/** Dots per streaming ion: the ion and its trail. */
const STREAM_TRAIL = 3;
const streamColour = new Color(palette.calcium).multiplyScalar(1.35);
const trailColour = new Color(palette.calcium).multiplyScalar(0.8);

/**
 * Ca2+: the free ions in the head (the real number for its volume and
 * [Ca2+], c·V·N_A, capped at 400 drawn), crowded under the PSD while Ca2+
 * flows in and spreading through the head as the influx stops; and, through
 * each NMDA pore whose Mg2+ is out, a stream of ions whose density follows the
 * model's NMDA Ca2+ current (their speed is a drawing rate, not to scale).
 */
function drawCalcium(inside: MoleculeSet, state: SpineState, r: number, frame: number, mgOutMilliM: number): void {
  const influx = Math.min(1, Math.abs(state.nmdaCaCurrentPicoA ?? 0) / CA_INFLUX_FULL_PICO_A);
  const n = Math.min(BALL_SCATTER.length, Math.round(freeCaIonCount(state.spineCaMicroM, state.spineHeadVolumeUm3)));
  const color = caColor(Math.max(state.spineCaMicroM, 2));
  // While Ca2+ flows in, the ions crowd towards the PSD (y up); without influx they fill the head evenly.
  const crowd = 0.55 * influx;
  const k = r * 0.92;
  const squeeze = 1 - crowd * 0.6;
  for (let i = 0; i < n; i++) {
    const p = BALL_SCATTER[i]!;
    const y = p[1] + crowd * (1 - p[1]);
    inside.add(p[0] * k * squeeze, y * k, p[2] * k * squeeze, 0.06, color, { glow: 0.6 });
  }
  const perPore = Math.round(CA_STREAM_IONS * influx);
  NMDA_SLOTS.forEach((slot, pore) => {
    if (mgOutOfPore(state.mgUnblockedFraction, pore, mgOutMilliM) < 0.5) return;
    for (let j = 0; j < perPore; j++) {
      // Each ion runs from the pore's mouth in the cleft to 1.6 units inside the head, then starts again;
      // two fading dots trail it, so the direction of the flux reads in a still.
      const lead = (frame / 22 + j / CA_STREAM_IONS + pore * 0.37) % 1;
      const fan = (j % 3) - 1;
      for (let t = 0; t < STREAM_TRAIL; t++) {
        const phase = Math.max(0, lead - t * 0.045);
        const [x, y, z] = onHead(r, slot.theta + fan * 0.05 * phase, slot.phi + fan * 0.3 * phase, 0.45 - 2.0 * phase);
        inside.add(x, y, z, 0.075 * (1 - t * 0.28), t === 0 ? streamColour : trailColour, { glow: 0.8 });
      }
    }
  });
}

const litSubunit = new Color(palette.camkiiLit).multiplyScalar(1.4);
const dimSubunit = new Color(palette.camkiiDim).multiplyScalar(1.8);
const hubColour = new Color(palette.camkiiDim).multiplyScalar(1.2);

/** pT286 subunits per drawn holoenzyme: from the model's distribution, or evenly from the mean when it has none. */
export function drawnHoloenzymeCounts(state: SpineState): number[] {
  const dist = state.camkiiHoloenzymeDistribution;
  if (dist && dist.length === 13) return holoenzymePopulation(dist, HOLOENZYMES_DRAWN);
  const lit = Math.round(12 * Math.min(1, Math.max(0, state.camkiiPT286Fraction)));
  return Array.from({ length: HOLOENZYMES_DRAWN }, () => lit);
}

/**
 * CaMKII holoenzymes in the head, each two stacked rings of six subunits
 * around a hub. How many subunits of each are T286-phosphorylated comes from
 * the model's per-holoenzyme distribution (holoenzymePopulation), so they
 * light subunit by subunit as pT286 rises; active holoenzymes move to the PSD.
 */
function drawCamkii(inside: MoleculeSet, state: SpineState, r: number): void {
  const counts = drawnHoloenzymeCounts(state);
  HOLOENZYME_SITES.forEach((site, j) => {
    const c = holoenzymeCentre(j, r, state.camkiiActiveFraction);
    const lit = counts[j] ?? 0;
    const ct = Math.cos(site.tilt);
    const st = Math.sin(site.tilt);
    const cs = Math.cos(site.spin);
    const ss = Math.sin(site.spin);
    inside.add(c[0], c[1], c[2], 0.12, hubColour, { glow: 0.1 });
    for (let i = 0; i < 12; i++) {
      const [ox, oy, oz] = holoenzymeSubunitOffset(i);
      // Tilt about x, then spin about y, so each ring pair shows its hexagon at some angle.
      const y1 = oy * ct - oz * st;
      const z1 = oy * st + oz * ct;
      const x2 = ox * cs + z1 * ss;
      const z2 = -ox * ss + z1 * cs;
      const on = subunitLightOrder(i) < lit;
      inside.add(c[0] + x2, c[1] + y1, c[2] + z2, on ? 0.11 : 0.09, on ? litSubunit : dimSubunit, {
        glow: on ? 0.45 : 0.1,
      });
    }
  });
}

/**
 * Glutamate in the cleft: drawn density from glutamateMilliM, each molecule
 * leaving the fused vesicle's pore at its own moment in the release window
 * and spreading by diffusion from there (sqrt(4 D t)) across the cleft.
 */
function drawGlutamate(out: MoleculeSet, state: SpineState, spikeTimesMs: readonly number[], r: number): void {
  const n = Math.min(GLUTAMATE_SCATTER.length, Math.round(state.glutamateMilliM * GLUTAMATE_DOTS_PER_MILLIM));
  const spike = lastSpikeAtOrBefore(spikeTimesMs, state.tMs);
  const since = spike === null ? 1 : state.tMs - spike;
  const top = r + CLEFT_UNITS;
  for (let i = 0; i < n; i++) {
    const g = GLUTAMATE_SCATTER[i]!;
    // Release time within the window: early molecules first (the pore's flux falls as the vesicle empties).
    const left = since - GLUTAMATE_RELEASE_WINDOW_MS * g.height * g.height;
    if (left < 0) continue;
    const d = g.radial * Math.max(0.05, glutamateSpreadUnits(left));
    // Molecules that have diffused out past the bouton's edge have left the synapse: not drawn.
    if (d > GLUTAMATE_VISIBLE_RADIUS) continue;
    const x = Math.cos(g.angle) * d;
    const z = Math.sin(g.angle) * d;
    // Across the cleft: from the pore at the top down to the head surface, which curves away below the bouton.
    const floor = Math.sqrt(Math.max(0, r * r - d * d)) || r - d * 0.3;
    const fall = Math.min(1, d / 0.6);
    const h = 1 - fall * (1 - ((g.angle * 7.3) % 1));
    const y = floor + 0.12 + h * (top - floor - 0.12);
    out.add(x, y, z, 0.07, palette.glutamate, { glow: 0.35 });
  }
}

/** Synaptic vesicles in the bouton: drawn. */
const VESICLES = 16;

/** Synaptic vesicles in the bouton; the docked one fuses with the membrane at each presynaptic spike and is replaced. */
function drawVesicles(
  out: MoleculeSet,
  state: SpineState,
  spikeTimesMs: readonly number[],
  r: number,
  opacity: number,
  frame: number,
): void {
  if (opacity <= 0.004) return;
  const bc = boutonCenter(r);
  const spike = lastSpikeAtOrBefore(spikeTimesMs, state.tMs + FUSION_LEAD_MS);
  const since = spike === null ? Infinity : state.tMs + FUSION_LEAD_MS - spike;
  // Fusion over the 0.3 ms before release, a new vesicle docks 3-6 ms later (drawing timing, not a measured rate).
  const fused = since < FUSION_LEAD_MS ? since / FUSION_LEAD_MS : since < 3 ? 1 : since < 6 ? 1 - (since - 3) / 3 : 0;
  const bottom = bc[1] - BOUTON_RADIUS * BOUTON_SQUASH;
  const look = { glow: 0.15, opacity };
  // The docked vesicle sinks into the membrane and flattens into it (full-collapse fusion).
  if (fused < 0.999) out.add(0, bottom + 0.4 - 0.42 * fused, 0, 0.32 * (1 - fused * fused), palette.vesicle, look);
  for (let i = 1; i < VESICLES; i++) {
    const ang = i * 2.4;
    const rr = 0.9 + (((i * 37) % 10) / 10) * 1.5;
    // A slow thermal wobble (a drawing of Brownian motion: amplitude 0.05 units, a few seconds a cycle).
    const wob = 0.05 * Math.sin(frame / (40 + i * 3) + i);
    const y = bottom + 1.2 + (((i * 53) % 10) / 10) * 1.8 + wob * 0.7;
    out.add(Math.cos(ang) * rr + wob, y, Math.sin(ang) * rr - wob, 0.3, palette.vesicle, look);
  }
}
