/**
 * The 3D synapse: presynaptic bouton with vesicles, the cleft with glutamate,
 * the spine head (coloured by its Ca2+), AMPA and NMDA receptors on the PSD,
 * the Mg2+ ions in the NMDA pores and free Ca2+ ions. Everything biological
 * is read from one SpineState; the camera comes from cameraRig.ts.
 *
 * Cost control for software WebGL (render-notes.md): one hemisphere + one
 * directional light, Lambert materials, instancing for every repeated thing,
 * modest segment counts, and a reduced drawing-buffer pixel ratio.
 *
 * Instanced meshes and the camera are updated in the render body (idempotent
 * writes to objects this component owns) because <ThreeCanvas> draws in a
 * layout effect that runs before its children's effects.
 */
import { useMemo } from 'react';
import { useThree } from '@react-three/fiber';
import {
  Color,
  CylinderGeometry,
  InstancedMesh,
  Matrix4,
  MeshLambertMaterial,
  PerspectiveCamera,
  Quaternion,
  SphereGeometry,
  Vector3,
} from 'three';
import { ThreeCanvas } from '../engine';
import type { SpineState } from '../sim/types';
import type { Layout } from './layout';
import { applyShot, type Shot } from './cameraRig';
import { caColor, freeCaIonCount } from './caColor';
import { palette } from './palette';
import { StageBackdrop, StageFade } from './StageBackdrop';
import {
  AMPA_OPEN_RANK,
  AMPA_SLOTS,
  AMPA_SLOTS_POLAR,
  BALL_SCATTER,
  BOUTON_RADIUS,
  BOUTON_SQUASH,
  CLEFT_UNITS,
  DENDRITE_RADIUS,
  DENDRITE_Y,
  GLUTAMATE_SCATTER,
  NECK_BOTTOM_Y,
  NMDA_SLOTS,
  boutonCenter,
  glutamateSpreadUnits,
  headRadiusUnits,
  lastSpikeAtOrBefore,
  mgIonPosition,
  mgOutOfPore,
  onHead,
} from './synapseGeometry';

export interface SynapseStageProps {
  state: SpineState;
  /** Presynaptic spike times of the protocol, ms (for vesicle fusion and glutamate spread). */
  spikeTimesMs: readonly number[];
  /** Extracellular [Mg2+] of the run, mM (for the per-pore unblock thresholds). */
  mgOutMilliM: number;
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
/** The head is drawn translucent so the free Ca2+ ions inside show. */
const HEAD_OPACITY = 0.62;

export function SynapseStage({
  state,
  spikeTimesMs,
  mgOutMilliM,
  shot,
  boutonOpacity,
  layout,
  pixelRatio,
  antialias = false,
}: SynapseStageProps) {
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
      <StageContent
        state={state}
        spikeTimesMs={spikeTimesMs}
        mgOutMilliM={mgOutMilliM}
        shot={shot}
        boutonOpacity={boutonOpacity}
        layout={layout}
      />
      {stage.y + stage.h < height && <StageFade frameWidth={width} frameHeight={height} stage={stage} />}
    </ThreeCanvas>
  );
}

/** True when the stage box is the whole frame; otherwise the page paints the glow around it. */
export function stageCoversFrame({ stage, width, height }: Layout): boolean {
  return stage.x <= 0 && stage.y <= 0 && stage.x + stage.w >= width && stage.y + stage.h >= height;
}

function StageContent({
  state,
  spikeTimesMs,
  mgOutMilliM,
  shot,
  boutonOpacity,
  layout,
}: Omit<SynapseStageProps, 'pixelRatio' | 'antialias'>) {
  const camera = useThree((s) => s.camera);
  if (camera instanceof PerspectiveCamera) applyShot(camera, shot, layout);

  const r = headRadiusUnits(state.spineHeadVolumeUm3);
  const bc = boutonCenter(r);
  const headColor = caColor(state.spineCaMicroM);
  return (
    <>
      <hemisphereLight args={['#d6e2ff', '#241a45', 1.6]} />
      <directionalLight position={[6, 12, 10]} intensity={2.2} />
      {/* Dendritic shaft and spine neck */}
      <mesh position={[0, DENDRITE_Y, 0]} rotation={[0, 0, Math.PI / 2]}>
        <cylinderGeometry args={[DENDRITE_RADIUS, DENDRITE_RADIUS, 80, 28, 1, true]} />
        <meshLambertMaterial color={palette.membrane} />
      </mesh>
      {/* Head and neck change size with the head radius by scale, not by geometry
          arguments: new arguments rebuild and re-upload the mesh every frame. */}
      <mesh position={[0, (NECK_BOTTOM_Y - r * 0.7) / 2, 0]} scale={[1, Math.abs(NECK_BOTTOM_Y) - r * 0.7 + 0.4, 1]}>
        <cylinderGeometry args={[0.55, 0.75, 1, 16, 1, true]} />
        <meshLambertMaterial color={palette.membrane} />
      </mesh>
      {/* Spine head, coloured by free Ca2+ */}
      <mesh scale={r}>
        <sphereGeometry args={[1, 32, 22]} />
        <meshLambertMaterial
          color={headColor}
          emissive={headColor}
          emissiveIntensity={0.25}
          transparent
          opacity={HEAD_OPACITY}
          depthWrite={false}
        />
      </mesh>
      <CalciumIons state={state} headRadius={r} />
      <AmpaReceptors state={state} headRadius={r} />
      <NmdaReceptors state={state} headRadius={r} mgOutMilliM={mgOutMilliM} />
      <CamkiiHoloenzymes3d state={state} headRadius={r} />
      <Glutamate state={state} spikeTimesMs={spikeTimesMs} headRadius={r} />
      {/* Presynaptic bouton, axon and vesicles */}
      {boutonOpacity > 0.01 && (
        <group>
          <mesh position={bc} scale={[1.08, BOUTON_SQUASH, 1.08]}>
            <sphereGeometry args={[BOUTON_RADIUS, 32, 22]} />
            <meshLambertMaterial
              color={palette.bouton}
              transparent={boutonOpacity < 1}
              opacity={boutonOpacity}
              depthWrite={boutonOpacity >= 1}
            />
          </mesh>
          <mesh position={[bc[0] - 3.5, bc[1] + 3.2, 0]} rotation={[0, 0, Math.PI / 4]}>
            <cylinderGeometry args={[0.7, 0.9, 7, 14, 1, true]} />
            <meshLambertMaterial color={palette.bouton} transparent={boutonOpacity < 1} opacity={boutonOpacity} />
          </mesh>
          <Vesicles state={state} spikeTimesMs={spikeTimesMs} headRadius={r} opacity={boutonOpacity} />
        </group>
      )}
    </>
  );
}

const tmpM = new Matrix4();
const tmpQ = new Quaternion();
const tmpV = new Vector3();
const tmpS = new Vector3();
const UP = new Vector3(0, 1, 0);

/** An InstancedMesh owned by the calling component (created once). */
function useInstanced(make: () => InstancedMesh): InstancedMesh {
  return useMemo(make, []); // eslint-disable-line react-hooks/exhaustive-deps
}

function place(mesh: InstancedMesh, i: number, pos: readonly number[], normal: Vector3 | null, scale: number): void {
  if (normal) tmpQ.setFromUnitVectors(UP, normal);
  else tmpQ.identity();
  tmpV.set(pos[0] as number, pos[1] as number, pos[2] as number);
  tmpS.set(scale, scale, scale);
  tmpM.compose(tmpV, tmpQ, tmpS);
  mesh.setMatrixAt(i, tmpM);
}

function finish(mesh: InstancedMesh, count: number): void {
  mesh.count = count;
  mesh.instanceMatrix.needsUpdate = true;
  if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
}

/** Synaptic AMPA receptors: count = ampaReceptorCount (fractional last one drawn part-inserted); open ones light up. */
function AmpaReceptors({ state, headRadius }: { state: SpineState; headRadius: number }) {
  const mesh = useInstanced(() => {
    const m = new InstancedMesh(new CylinderGeometry(0.075, 0.075, 0.32, 8), new MeshLambertMaterial(), AMPA_SLOTS);
    m.setColorAt(0, new Color());
    return m;
  });
  const count = Math.min(AMPA_SLOTS, Math.max(0, state.ampaReceptorCount));
  const whole = Math.floor(count);
  const shown = Math.min(AMPA_SLOTS, Math.ceil(count));
  const nOpen = Math.round(state.ampaOpenFraction * count);
  const closed = new Color(palette.ampaClosed3d);
  const open = new Color(palette.ampaOpen);
  for (let i = 0; i < shown; i++) {
    const slot = AMPA_SLOTS_POLAR[i]!;
    const partial = i < whole ? 1 : count - whole;
    const p = onHead(headRadius, slot.theta, slot.phi, 0.12 - 0.35 * (1 - partial));
    const n = new Vector3(...onHead(1, slot.theta, slot.phi)).normalize();
    const isOpen = (AMPA_OPEN_RANK[i] as number) < nOpen;
    place(mesh, i, p, n, (0.4 + 0.6 * partial) * (isOpen ? 1.15 : 1));
    mesh.setColorAt(i, isOpen ? open : closed);
  }
  finish(mesh, shown);
  return <primitive object={mesh} />;
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
  const subunits = useInstanced(
    () =>
      new InstancedMesh(
        new CylinderGeometry(0.06, 0.07, 0.5, 8),
        new MeshLambertMaterial({ color: palette.nmda }),
        NMDA_SLOTS.length * 4,
      ),
  );
  const ions = useInstanced(
    () =>
      new InstancedMesh(
        new SphereGeometry(0.085, 12, 8),
        new MeshLambertMaterial({ color: palette.magnesium, emissive: palette.magnesium, emissiveIntensity: 0.5 }),
        NMDA_SLOTS.length,
      ),
  );
  NMDA_SLOTS.forEach((slot, k) => {
    const n = new Vector3(...onHead(1, slot.theta, slot.phi)).normalize();
    const base = onHead(headRadius, slot.theta, slot.phi, 0.2);
    // Two perpendicular axes in the membrane plane.
    const a = new Vector3().crossVectors(n, new Vector3(0, 0, 1)).normalize();
    const b = new Vector3().crossVectors(n, a).normalize();
    for (let j = 0; j < 4; j++) {
      const ang = (j * Math.PI) / 2 + Math.PI / 4;
      const off = a
        .clone()
        .multiplyScalar(Math.cos(ang) * 0.085)
        .add(b.clone().multiplyScalar(Math.sin(ang) * 0.085));
      place(subunits, k * 4 + j, [base[0] + off.x, base[1] + off.y, base[2] + off.z], n, 1);
    }
    // In the pore when blocked; out into the cleft, drifting sideways, when unblocked.
    place(ions, k, mgIonPosition(headRadius, k, mgOutOfPore(state.mgUnblockedFraction, k, mgOutMilliM)), null, 1);
  });
  finish(subunits, NMDA_SLOTS.length * 4);
  finish(ions, NMDA_SLOTS.length);
  return (
    <>
      <primitive object={subunits} />
      <primitive object={ions} />
    </>
  );
}

/** Free Ca2+ ions in the head: the real number for the head volume and [Ca2+] (c·V·N_A), capped at 400 drawn. */
function CalciumIons({ state, headRadius }: { state: SpineState; headRadius: number }) {
  const mesh = useInstanced(
    () =>
      new InstancedMesh(
        new SphereGeometry(0.1, 8, 6),
        new MeshLambertMaterial({ color: palette.calcium, emissive: palette.calcium, emissiveIntensity: 0.6 }),
        BALL_SCATTER.length,
      ),
  );
  const n = Math.min(BALL_SCATTER.length, Math.round(freeCaIonCount(state.spineCaMicroM, state.spineHeadVolumeUm3)));
  for (let i = 0; i < n; i++) {
    const p = BALL_SCATTER[i]!;
    const k = headRadius * 1.02;
    place(mesh, i, [p[0] * k, p[1] * k, p[2] * k], null, 1);
  }
  finish(mesh, n);
  return <primitive object={mesh} />;
}

/** Glutamate in the cleft: drawn density from glutamateMilliM, spreading by diffusion from the release site since the last spike. */
function Glutamate({
  state,
  spikeTimesMs,
  headRadius,
}: {
  state: SpineState;
  spikeTimesMs: readonly number[];
  headRadius: number;
}) {
  const mesh = useInstanced(
    () =>
      new InstancedMesh(
        new SphereGeometry(0.075, 6, 4),
        new MeshLambertMaterial({ color: palette.glutamate, emissive: palette.glutamate, emissiveIntensity: 0.45 }),
        GLUTAMATE_SCATTER.length,
      ),
  );
  const n = Math.min(GLUTAMATE_SCATTER.length, Math.round(state.glutamateMilliM * GLUTAMATE_DOTS_PER_MILLIM));
  const spike = lastSpikeAtOrBefore(spikeTimesMs, state.tMs);
  const since = spike === null ? 1 : state.tMs - spike;
  const spread = Math.max(0.25, glutamateSpreadUnits(since));
  const top = headRadius + CLEFT_UNITS;
  let drawn = 0;
  for (let i = 0; i < n; i++) {
    const g = GLUTAMATE_SCATTER[i]!;
    const d = g.radial * spread;
    // Molecules that have diffused out past the bouton's edge have left the synapse: not drawn.
    if (d > GLUTAMATE_VISIBLE_RADIUS) continue;
    const x = Math.cos(g.angle) * d;
    const z = Math.sin(g.angle) * d;
    // Across the cleft: the head surface curves away below the bouton.
    const floor = Math.sqrt(Math.max(0, headRadius * headRadius - d * d)) || headRadius - d * 0.3;
    const y = floor + 0.1 + g.height * (top - floor);
    place(mesh, drawn++, [x, y, z], null, 1);
  }
  finish(mesh, drawn);
  return <primitive object={mesh} />;
}

/** Synaptic vesicles in the bouton; the docked one fuses with the membrane at each presynaptic spike and is replaced. */
function Vesicles({
  state,
  spikeTimesMs,
  headRadius,
  opacity,
}: {
  state: SpineState;
  spikeTimesMs: readonly number[];
  headRadius: number;
  opacity: number;
}) {
  const mesh = useInstanced(
    () => new InstancedMesh(new SphereGeometry(0.42, 12, 8), new MeshLambertMaterial({ color: palette.vesicle }), 14),
  );
  const mat = mesh.material as MeshLambertMaterial;
  mat.transparent = opacity < 1;
  mat.opacity = opacity;
  const bc = boutonCenter(headRadius);
  const spike = lastSpikeAtOrBefore(spikeTimesMs, state.tMs + FUSION_LEAD_MS);
  const since = spike === null ? Infinity : state.tMs + FUSION_LEAD_MS - spike;
  // Fusion over the 0.3 ms before release, a new vesicle docks 3-6 ms later (drawing timing, not a measured rate).
  const fused = since < FUSION_LEAD_MS ? since / FUSION_LEAD_MS : since < 3 ? 1 : since < 6 ? 1 - (since - 3) / 3 : 0;
  const bottom = bc[1] - BOUTON_RADIUS * BOUTON_SQUASH;
  place(mesh, 0, [0, bottom + 0.5 - 0.45 * fused, 0], null, Math.max(0.001, 1 - fused));
  for (let i = 1; i < 14; i++) {
    const ang = i * 2.4;
    const rr = 0.9 + (((i * 37) % 10) / 10) * 1.4;
    place(mesh, i, [Math.cos(ang) * rr, bottom + 1.2 + (((i * 53) % 10) / 10) * 1.8, Math.sin(ang) * rr], null, 1);
  }
  finish(mesh, 14);
  return <primitive object={mesh} />;
}

/** CaMKII holoenzymes drawn under the PSD (where CaMKII is enriched); each is two rings of six subunits. */
const HOLOENZYMES_3D: readonly { theta: number; phi: number }[] = [
  { theta: 0.15, phi: 0.3 },
  { theta: 0.45, phi: 1.5 },
  { theta: 0.45, phi: 3.4 },
  { theta: 0.5, phi: 5.2 },
  { theta: 0.3, phi: 2.4 },
];

/** Lit (T286-phosphorylated) subunits per holoenzyme = round(12 x camkiiPT286Fraction), as in the 2D inset. */
function CamkiiHoloenzymes3d({ state, headRadius }: { state: SpineState; headRadius: number }) {
  const mesh = useInstanced(() => {
    const m = new InstancedMesh(new SphereGeometry(0.075, 8, 6), new MeshLambertMaterial(), HOLOENZYMES_3D.length * 12);
    m.setColorAt(0, new Color());
    return m;
  });
  const lit = Math.round(12 * Math.min(1, Math.max(0, state.camkiiPT286Fraction)));
  const on = new Color(palette.camkiiLit);
  const off = new Color(palette.camkiiDim).multiplyScalar(1.6);
  HOLOENZYMES_3D.forEach((h, k) => {
    const c = onHead(headRadius, h.theta, h.phi, -0.75);
    for (let j = 0; j < 12; j++) {
      const ring = j % 2;
      const ang = (Math.floor(j / 2) / 6) * Math.PI * 2 + ring * (Math.PI / 6) + k;
      place(
        mesh,
        k * 12 + j,
        [c[0] + Math.cos(ang) * 0.2, c[1] + (ring ? 0.07 : -0.07), c[2] + Math.sin(ang) * 0.2],
        null,
        1,
      );
      mesh.setColorAt(k * 12 + j, j < lit ? on : off);
    }
  });
  finish(mesh, HOLOENZYMES_3D.length * 12);
  return <primitive object={mesh} />;
}
