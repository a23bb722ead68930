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

export function SynapseStage({ layout, pixelRatio, antialias = false, ...content }: SynapseStageProps) {
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
      <StageBackdrop frameWidth={width} frameHeight={height} stage={stage} />
      <StageContent layout={layout} {...content} />
      {stage.y + stage.h < height && <StageFade frameWidth={width} frameHeight={height} stage={stage} />}
    </ThreeCanvas>
  );
}

/** True when the stage box is the whole frame; otherwise the page paints the glow around it. */
export function stageCoversFrame({ stage, width, height }: Layout): boolean {
  return stage.x <= 0 && stage.y <= 0 && stage.x + stage.w >= width && stage.y + stage.h >= height;
}

type ContentProps = Omit<SynapseStageProps, 'pixelRatio' | 'antialias'>;

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
      <CalciumIons state={state} headRadius={r} frame={frame} mgOutMilliM={mgOutMilliM} />
      <CamkiiHoloenzymes state={state} headRadius={r} />
      <AmpaReceptors state={state} headRadius={r} baselineCount={ampaBaselineCount} />
      <NmdaReceptors state={state} headRadius={r} mgOutMilliM={mgOutMilliM} />
      <Glutamate state={state} spikeTimesMs={spikeTimesMs} headRadius={r} />
      <Vesicles state={state} spikeTimesMs={spikeTimesMs} headRadius={r} opacity={boutonOpacity} frame={frame} />
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

const closedAmpa = new Color(palette.ampaClosed3d);
const openAmpa = new Color(palette.ampaOpen);

/**
 * Synaptic AMPA receptors: count = ampaReceptorCount. Those beyond the
 * baseline arrive: a recycling endosome fuses beside the PSD (exocytosis),
 * the receptor appears in the membrane and diffuses laterally into its PSD
 * slot (Makino & Malinow 2009; Choquet & Triller 2013 Neuron 80:691). Open
 * ones light up and carry a bound glutamate.
 */
function AmpaReceptors({
  state,
  headRadius,
  baselineCount,
}: {
  state: SpineState;
  headRadius: number;
  baselineCount: number;
}) {
  const receptors = useOwned(() => new MoleculeSet(AMPA_SLOTS, { glow: 0.1, renderOrder: ORDER.surface }));
  const endosomes = useOwned(() => new MoleculeSet(8, { glow: 0.25, renderOrder: ORDER.inside }));
  const bound = useOwned(() => new MoleculeSet(AMPA_SLOTS, { glow: 0.45, renderOrder: ORDER.cleft }));
  drawAmpa(receptors, endosomes, bound, state, headRadius, baselineCount);
  return (
    <>
      <primitive object={receptors.mesh} />
      <primitive object={endosomes.mesh} />
      <primitive object={bound.mesh} />
    </>
  );
}

function drawAmpa(
  receptors: MoleculeSet,
  endosomes: MoleculeSet,
  bound: MoleculeSet,
  state: SpineState,
  r: number,
  baselineCount: number,
): void {
  const count = Math.min(AMPA_SLOTS, Math.max(0, state.ampaReceptorCount));
  // A receptor is drawn once it is 2 % present: the mean-field count carries numerical dust above whole numbers.
  const shown = Math.min(AMPA_SLOTS, Math.ceil(count - 0.02));
  const nOpen = Math.round(state.ampaOpenFraction * count);
  let nEndo = 0;
  let nBound = 0;
  for (let i = 0; i < shown; i++) {
    const slot = AMPA_SLOTS_POLAR[i]!;
    const p = ampaArrivalProgress(i, count, baselineCount);
    const theta = ampaTransitTheta(slot.theta, p);
    // Emerging from the fusing endosome over the first 30 % of the path.
    const emerge = Math.min(1, p / 0.3);
    const [x, y, z] = onHead(r, theta, slot.phi, 0.06 + 0.08 * emerge);
    const isOpen = p >= 1 && (AMPA_OPEN_RANK[i] as number) < nOpen;
    receptors.put(i, x, y, z, 0.115 * (0.35 + 0.65 * emerge) * (isOpen ? 1.12 : 1), isOpen ? openAmpa : closedAmpa);
    if (isOpen) {
      const g = onHead(r, theta, slot.phi, 0.29);
      bound.put(nBound++, g[0], g[1], g[2], 0.065, palette.glutamate);
    }
    if (p < 0.3 && nEndo < endosomes.capacity) {
      const e = onHead(r, theta, slot.phi, -0.32 + 0.3 * emerge);
      endosomes.put(nEndo++, e[0], e[1], e[2], 0.24 * (1 - 0.6 * emerge), palette.endosome);
    }
  }
  receptors.finish(shown);
  endosomes.finish(nEndo);
  bound.finish(nBound);
}

/** NMDA receptors (four subunits around a pore) with their Mg2+ ions; the ion leaves the pore as mgUnblockedFraction rises. */
function NmdaReceptors({
  state,
  headRadius,
  mgOutMilliM,
}: {
  state: SpineState;
  headRadius: number;
  mgOutMilliM: number;
}) {
  const subunits = useOwned(() => new MoleculeSet(NMDA_SLOTS.length * 4, { glow: 0.1, renderOrder: ORDER.surface }));
  const ions = useOwned(() => new MoleculeSet(NMDA_SLOTS.length, { glow: 0.55, renderOrder: ORDER.cleft }));
  drawNmda(subunits, ions, state, headRadius, mgOutMilliM);
  return (
    <>
      <primitive object={subunits.mesh} />
      <primitive object={ions.mesh} />
    </>
  );
}

function drawNmda(subunits: MoleculeSet, ions: MoleculeSet, state: SpineState, r: number, mgOutMilliM: number): void {
  NMDA_SLOTS.forEach((slot, k) => {
    // Four subunits around the pore, in the membrane plane, standing out of it.
    for (let j = 0; j < 4; j++) {
      const ang = (j * Math.PI) / 2 + Math.PI / 4;
      const dt = Math.cos(ang) * 0.075;
      const dp = (Math.sin(ang) * 0.075) / Math.max(0.2, Math.sin(slot.theta));
      const [x, y, z] = onHead(r, slot.theta + dt, slot.phi + dp, 0.16);
      subunits.put(k * 4 + j, x, y, z, 0.085, palette.nmda);
    }
    // In the pore when blocked; out into the cleft, drifting sideways, when unblocked.
    const [x, y, z] = mgIonPosition(r, k, mgOutOfPore(state.mgUnblockedFraction, k, mgOutMilliM));
    ions.put(k, x, y, z, 0.085, palette.magnesium);
  });
  subunits.finish(NMDA_SLOTS.length * 4);
  ions.finish(NMDA_SLOTS.length);
}

/**
 * Ca2+: the free ions in the head (the real number for its volume and
 * [Ca2+], c·V·N_A, capped at 400 drawn), crowded under the PSD while Ca2+
 * flows in and spreading through the head as the influx stops; and, through
 * each NMDA pore whose Mg2+ is out, a stream of ions whose density follows the
 * model's NMDA Ca2+ current (their speed is a drawing rate, not to scale).
 */
function CalciumIons({
  state,
  headRadius,
  frame,
  mgOutMilliM,
}: {
  state: SpineState;
  headRadius: number;
  frame: number;
  mgOutMilliM: number;
}) {
  const free = useOwned(() => new MoleculeSet(BALL_SCATTER.length, { glow: 0.6, renderOrder: ORDER.inside }));
  const streams = useOwned(
    () => new MoleculeSet(NMDA_SLOTS.length * CA_STREAM_IONS * STREAM_TRAIL, { glow: 0.8, renderOrder: ORDER.cleft }),
  );
  drawCalcium(free, streams, state, headRadius, frame, mgOutMilliM);
  return (
    <>
      <primitive object={free.mesh} />
      <primitive object={streams.mesh} />
    </>
  );
}

/** Dots per streaming ion: the ion and its trail. */
const STREAM_TRAIL = 3;
const streamColour = new Color(palette.calcium).multiplyScalar(1.35);
const trailColour = new Color(palette.calcium).multiplyScalar(0.8);

function drawCalcium(
  free: MoleculeSet,
  streams: MoleculeSet,
  state: SpineState,
  r: number,
  frame: number,
  mgOutMilliM: number,
): void {
  const influx = Math.min(1, Math.abs(state.nmdaCaCurrentPicoA ?? 0) / CA_INFLUX_FULL_PICO_A);
  const n = Math.min(BALL_SCATTER.length, Math.round(freeCaIonCount(state.spineCaMicroM, state.spineHeadVolumeUm3)));
  const color = caColor(Math.max(state.spineCaMicroM, 2));
  // While Ca2+ flows in, the ions crowd towards the PSD (y up); without influx they fill the head evenly.
  const crowd = 0.55 * influx;
  for (let i = 0; i < n; i++) {
    const p = BALL_SCATTER[i]!;
    const k = r * 0.92;
    const y = p[1] + crowd * (1 - p[1]);
    const squeeze = 1 - crowd * 0.6;
    free.put(i, p[0] * k * squeeze, y * k, p[2] * k * squeeze, 0.06, color);
  }
  free.finish(n);
  let s = 0;
  const perPore = Math.round(CA_STREAM_IONS * influx);
  NMDA_SLOTS.forEach((slot, k) => {
    if (mgOutOfPore(state.mgUnblockedFraction, k, mgOutMilliM) < 0.5) return;
    for (let j = 0; j < perPore; j++) {
      // Each ion runs from the pore's mouth in the cleft to 1.6 units inside the head, then starts again;
      // two fading dots trail it, so the direction of the flux reads in a still.
      const head = (frame / 22 + j / CA_STREAM_IONS + k * 0.37) % 1;
      const fan = (j % 3) - 1;
      for (let t = 0; t < STREAM_TRAIL; t++) {
        const phase = Math.max(0, head - t * 0.045);
        const [x, y, z] = onHead(r, slot.theta + fan * 0.05 * phase, slot.phi + fan * 0.3 * phase, 0.45 - 2.0 * phase);
        streams.put(s++, x, y, z, 0.075 * (1 - t * 0.28), t === 0 ? streamColour : trailColour);
      }
    }
  });
  streams.finish(s);
}

const litSubunit = new Color(palette.camkiiLit).multiplyScalar(1.4);
const dimSubunit = new Color(palette.camkiiDim).multiplyScalar(1.8);
const hubColour = new Color(palette.camkiiDim).multiplyScalar(1.2);

/**
 * CaMKII holoenzymes in the head, each two stacked rings of six subunits
 * around a hub. How many subunits of each are T286-phosphorylated comes from
 * the model's per-holoenzyme distribution (holoenzymePopulation), so they
 * light subunit by subunit as pT286 rises; active holoenzymes move to the PSD.
 */
function CamkiiHoloenzymes({ state, headRadius }: { state: SpineState; headRadius: number }) {
  const subunits = useOwned(() => new MoleculeSet(HOLOENZYMES_DRAWN * 13, { glow: 0.2, renderOrder: ORDER.inside }));
  drawCamkii(subunits, state, headRadius);
  return <primitive object={subunits.mesh} />;
}

/** pT286 subunits per drawn holoenzyme: from the model's distribution, or evenly from the mean when it has none. */
export function drawnHoloenzymeCounts(state: SpineState): number[] {
  const dist = state.camkiiHoloenzymeDistribution;
  if (dist && dist.length === 13) return holoenzymePopulation(dist, HOLOENZYMES_DRAWN);
  const lit = Math.round(12 * Math.min(1, Math.max(0, state.camkiiPT286Fraction)));
  return Array.from({ length: HOLOENZYMES_DRAWN }, () => lit);
}

function drawCamkii(set: MoleculeSet, state: SpineState, r: number): void {
  const counts = drawnHoloenzymeCounts(state);
  let n = 0;
  HOLOENZYME_SITES.forEach((site, j) => {
    const c = holoenzymeCentre(j, r, state.camkiiActiveFraction);
    const lit = counts[j] ?? 0;
    const ct = Math.cos(site.tilt);
    const st = Math.sin(site.tilt);
    const cs = Math.cos(site.spin);
    const ss = Math.sin(site.spin);
    set.put(n++, c[0], c[1], c[2], 0.12, hubColour);
    for (let i = 0; i < 12; i++) {
      const [ox, oy, oz] = holoenzymeSubunitOffset(i);
      // Tilt about x, then spin about y, so each ring pair shows its hexagon at some angle.
      const y1 = oy * ct - oz * st;
      const z1 = oy * st + oz * ct;
      const x2 = ox * cs + z1 * ss;
      const z2 = -ox * ss + z1 * cs;
      const on = subunitLightOrder(i) < lit;
      set.put(n++, c[0] + x2, c[1] + y1, c[2] + z2, on ? 0.11 : 0.09, on ? litSubunit : dimSubunit);
    }
  });
  set.finish(n);
}

/**
 * Glutamate in the cleft: drawn density from glutamateMilliM, each molecule
 * leaving the fused vesicle's pore at its own moment in the release window
 * and spreading by diffusion from there (sqrt(4 D t)) across the cleft.
 */
function Glutamate({
  state,
  spikeTimesMs,
  headRadius,
}: {
  state: SpineState;
  spikeTimesMs: readonly number[];
  headRadius: number;
}) {
  const set = useOwned(() => new MoleculeSet(GLUTAMATE_SCATTER.length, { glow: 0.35, renderOrder: ORDER.cleft }));
  drawGlutamate(set, state, spikeTimesMs, headRadius);
  return <primitive object={set.mesh} />;
}

function drawGlutamate(set: MoleculeSet, state: SpineState, spikeTimesMs: readonly number[], r: number): void {
  const n = Math.min(GLUTAMATE_SCATTER.length, Math.round(state.glutamateMilliM * GLUTAMATE_DOTS_PER_MILLIM));
  const spike = lastSpikeAtOrBefore(spikeTimesMs, state.tMs);
  const since = spike === null ? 1 : state.tMs - spike;
  const top = r + CLEFT_UNITS;
  let drawn = 0;
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
    set.put(drawn++, x, y, z, 0.07, palette.glutamate);
  }
  set.finish(drawn);
}

/** Synaptic vesicles in the bouton; the docked one fuses with the membrane at each presynaptic spike and is replaced. */
function Vesicles({
  state,
  spikeTimesMs,
  headRadius,
  opacity,
  frame,
}: {
  state: SpineState;
  spikeTimesMs: readonly number[];
  headRadius: number;
  opacity: number;
  frame: number;
}) {
  const set = useOwned(() => new MoleculeSet(VESICLES, { glow: 0.15, renderOrder: ORDER.vesicles }));
  drawVesicles(set, state, spikeTimesMs, headRadius, opacity, frame);
  return <primitive object={set.mesh} />;
}

const VESICLES = 16;

function drawVesicles(
  set: MoleculeSet,
  state: SpineState,
  spikeTimesMs: readonly number[],
  r: number,
  opacity: number,
  frame: number,
): void {
  const bc = boutonCenter(r);
  const spike = lastSpikeAtOrBefore(spikeTimesMs, state.tMs + FUSION_LEAD_MS);
  const since = spike === null ? Infinity : state.tMs + FUSION_LEAD_MS - spike;
  // Fusion over the 0.3 ms before release, a new vesicle docks 3-6 ms later (drawing timing, not a measured rate).
  const fused = since < FUSION_LEAD_MS ? since / FUSION_LEAD_MS : since < 3 ? 1 : since < 6 ? 1 - (since - 3) / 3 : 0;
  const bottom = bc[1] - BOUTON_RADIUS * BOUTON_SQUASH;
  // The docked vesicle sinks into the membrane and flattens into it (full-collapse fusion).
  set.put(0, 0, bottom + 0.4 - 0.42 * fused, 0, 0.32 * Math.max(0.001, 1 - fused * fused), palette.vesicle);
  for (let i = 1; i < VESICLES; i++) {
    const ang = i * 2.4;
    const rr = 0.9 + (((i * 37) % 10) / 10) * 1.5;
    // A slow thermal wobble (a drawing of Brownian motion: amplitude 0.05 units, a few seconds a cycle).
    const wob = 0.05 * Math.sin(frame / (40 + i * 3) + i);
    set.put(
      i,
      Math.cos(ang) * rr + wob,
      bottom + 1.2 + (((i * 53) % 10) / 10) * 1.8 + wob * 0.7,
      Math.sin(ang) * rr - wob,
      0.3,
      palette.vesicle,
    );
  }
  set.finish(VESICLES, opacity);
}
