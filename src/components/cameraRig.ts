/**
 * The camera: one shot per scene, eased from one shot to the next across the
 * scene boundary. A pure function of the absolute frame, the timeline and the
 * layout, shared by the 3D canvas and the label overlay (so labels sit on the
 * things they name).
 */
import { PerspectiveCamera, Vector3 } from 'three';
import { ease, interpolate } from '../engine';
import type { SceneId } from '../script/sceneIds';
import type { SceneSpan, Timeline } from '../timeline/types';
import type { Layout } from './layout';
import { NMDA_SLOTS, onHead, type Vec3 } from './synapseGeometry';

export interface Shot {
  target: Vec3;
  /** Camera distance from the target, units. */
  distance: number;
  /** Degrees around +y (0 = looking along -z). */
  azimuthDeg: number;
  /** Degrees above the horizontal. */
  elevationDeg: number;
  fovDeg: number;
  /** 0..1: the presynaptic bouton fades out for close-ups of the PSD (the camera would be inside it). */
  boutonOpacity: number;
}

/**
 * A scene's camera move: the shot at its first frame (`from`) and at its last
 * (`to`), eased between (`easing`). One focal point per scene, framed so the
 * eye lands on the mechanism the narration names (docs/art-direction.md).
 */
export interface SceneMove {
  from: Shot;
  to: Shot;
  /** 'settle': fast then slow (an opening move that lands); 'drift': slow in and out (a steady glide). */
  easing: 'settle' | 'drift';
}

function shot(target: Vec3, distance: number, azimuthDeg: number, elevationDeg: number, boutonOpacity: number): Shot {
  return { target, distance, azimuthDeg, elevationDeg, fovDeg: 35, boutonOpacity };
}

/**
 * An editor's adjustment of a scene's built-in camera move (the scene's look,
 * src/scenes/<Scene>.look.ts): both shots of the move come `zoom` times closer
 * (distance / zoom) and turn `orbitDeg` further round the target (azimuth +
 * orbitDeg). Target, elevation and field of view stay, so the scene keeps its
 * focal point.
 */
export interface CameraFraming {
  /** > 1 closer, < 1 further (distance / zoom). */
  zoom: number;
  /** Degrees added to the azimuth (positive: round to the right, as azimuthDeg). */
  orbitDeg: number;
}

/** Per-scene framings; a scene not listed keeps its built-in move. */
export type SceneFramings = Partial<Record<SceneId, CameraFraming>>;

/** The framing that leaves every shot as built in. */
export const NEUTRAL_FRAMING: CameraFraming = { zoom: 1, orbitDeg: 0 };

/** `shot` under `framing`; the neutral framing returns the very same shot (bit-identical frames). */
export function framedShot(shot: Shot, framing: CameraFraming | undefined): Shot {
  if (!framing || (framing.zoom === 1 && framing.orbitDeg === 0)) return shot;
  return { ...shot, distance: shot.distance / framing.zoom, azimuthDeg: shot.azimuthDeg + framing.orbitDeg };
}

/** The camera move of a scene as the editor framed it (`framing`, default: as built in). */
export function sceneMove(id: SceneId, headRadius: number, framing?: CameraFraming): SceneMove {
  const m = builtInMove(id, headRadius);
  if (!framing) return m;
  return { ...m, from: framedShot(m.from, framing), to: framedShot(m.to, framing) };
}

/** The built-in camera move of a scene, given the current head radius (units). */
function builtInMove(id: SceneId, headRadius: number): SceneMove {
  const r = headRadius;
  const hero = NMDA_SLOTS[0] as { theta: number; phi: number };
  switch (id) {
    case 'intro':
      // Opens on motion: a dolly in and round from high and far, most of it in the first 2-3 s.
      return {
        from: shot([0, 1.5, 0], 70, -62, 26, 1),
        to: shot([0, 0.5, 0], 38, -18, 9, 1),
        easing: 'settle',
      };
    case 'glutamate-release':
      // Side-on to the cleft, low: the vesicle above, the receptors below, the gap between in the middle.
      return {
        from: shot([0, r + 0.4, 0], 15, -16, 3, 1),
        to: shot([0, r + 0.3, 0], 12.5, 4, 6, 1),
        easing: 'drift',
      };
    case 'mg-expulsion': {
      const t = onHead(r, hero.theta, hero.phi, 0.8);
      return { from: shot(t, 8, 14, 26, 0), to: shot(t, 6.4, -4, 20, 0), easing: 'drift' };
    }
    case 'calcium-surge':
      // Into the head, from a little below the PSD: the streams come in at the top, the head fills.
      return {
        from: shot([0, r * 0.3, 0], 11.5, 18, -2, 0.35),
        to: shot([0, r * 0.2, 0], 10, 36, 4, 0.35),
        easing: 'drift',
      };
    case 'camkii-lock-in':
      // Close on the holoenzymes, from below the PSD looking up through the head: the rings spread out
      // against the PSD like a ceiling as they dock. Bouton gone.
      return {
        from: shot([0, r * 0.45, 0], 8.5, 40, -22, 0),
        to: shot([0, r * 0.6, 0], 7, 64, -34, 0),
        easing: 'drift',
      };
    case 'ampa-insertion':
      // Over the PSD, oblique: the exocytosis sites beside it and the slots in it both in view.
      return {
        from: shot([0, r * 0.75, 0], 12, -10, 44, 0),
        to: shot([0, r * 0.8, 0], 11.5, 12, 54, 0),
        easing: 'drift',
      };
    case 'spine-growth':
      // Pulls back as the head grows, so the growth reads against the dendrite.
      return { from: shot([0, 0, 0], 22, -12, 8, 1), to: shot([0, 0, 0], 27, -30, 10, 1), easing: 'drift' };
    case 'outro':
      return { from: shot([0, 0.5, 0], 34, 12, 10, 1), to: shot([0, 0.5, 0], 52, 34, 24, 1), easing: 'drift' };
  }
}

/** The scene's settled shot (its last frame's). */
export function sceneShot(id: SceneId, headRadius: number, framing?: CameraFraming): Shot {
  return sceneMove(id, headRadius, framing).to;
}

/** Frames over which the camera eases from one scene's shot to the next (centred on the boundary). */
export const SHOT_TRANSITION_FRAMES = 24;

function lerp(a: number, b: number, t: number): number {
  return a + (b - a) * t;
}

function lerpShot(a: Shot, b: Shot, t: number): Shot {
  return {
    target: [lerp(a.target[0], b.target[0], t), lerp(a.target[1], b.target[1], t), lerp(a.target[2], b.target[2], t)],
    distance: Math.exp(lerp(Math.log(a.distance), Math.log(b.distance), t)),
    azimuthDeg: lerp(a.azimuthDeg, b.azimuthDeg, t),
    elevationDeg: lerp(a.elevationDeg, b.elevationDeg, t),
    fovDeg: lerp(a.fovDeg, b.fovDeg, t),
    boutonOpacity: lerp(a.boutonOpacity, b.boutonOpacity, t),
  };
}

/** The shot of scene `id` at progress 0..1 through it. */
export function shotWithin(id: SceneId, headRadius: number, progress: number, framing?: CameraFraming): Shot {
  const m = sceneMove(id, headRadius, framing);
  const easing = m.easing === 'settle' ? ease.easeCubicOut : ease.easeSinInOut;
  return lerpShot(m.from, m.to, interpolate(progress, [0, 1], [0, 1], { easing }));
}

/** Index of the scene drawn at absolute `frame` (the last scene whose start is <= frame). */
export function sceneIndexAt(timeline: Timeline, frame: number): number {
  let idx = 0;
  timeline.scenes.forEach((s, i) => {
    if (s.startFrame <= frame) idx = i;
  });
  return idx;
}

/**
 * The camera shot at absolute `frame`: the scene's move at its progress,
 * eased into the next scene's opening shot over SHOT_TRANSITION_FRAMES
 * around the boundary. Each scene's shots carry its own framing (`framings`),
 * so the ease runs from one scene's framed shot to the next one's: a changed
 * framing moves the camera smoothly across the cut, never in a jump.
 */
export function shotAt(timeline: Timeline, frame: number, headRadius: number, framings: SceneFramings = {}): Shot {
  const i = sceneIndexAt(timeline, frame);
  const scene = timeline.scenes[i]!;
  const at = (span: SceneSpan, f: number) =>
    shotWithin(span.id, headRadius, (f - span.startFrame) / span.durationFrames, framings[span.id]);
  const half = SHOT_TRANSITION_FRAMES / 2;
  const here = at(scene, frame);
  const next = timeline.scenes[i + 1];
  const prev = timeline.scenes[i - 1];
  if (next && frame >= next.startFrame - half) {
    const t = shotTransition(frame - (next.startFrame - half));
    return lerpShot(here, at(next, next.startFrame), t);
  }
  if (prev && frame < scene.startFrame + half) {
    const t = shotTransition(frame - (scene.startFrame - half));
    return lerpShot(at(prev, scene.startFrame), here, t);
  }
  return here;
}

/** Eased progress 0..1 of a shot change, `framesIn` frames after it starts. */
function shotTransition(framesIn: number): number {
  return interpolate(framesIn, [0, SHOT_TRANSITION_FRAMES], [0, 1], { easing: ease.easeCubicInOut });
}

/** Camera position for a shot. */
export function shotPosition(shot: Shot): Vec3 {
  const az = (shot.azimuthDeg * Math.PI) / 180;
  const el = (shot.elevationDeg * Math.PI) / 180;
  const [tx, ty, tz] = shot.target;
  return [
    tx + shot.distance * Math.cos(el) * Math.sin(az),
    ty + shot.distance * Math.sin(el),
    tz + shot.distance * Math.cos(el) * Math.cos(az),
  ];
}

/**
 * Points `camera` at `shot` and shifts the principal point so the target sits
 * at the layout's stage focus (not the canvas centre). Idempotent: the same
 * shot and layout always give the same camera.
 */
export function applyShot(camera: PerspectiveCamera, shot: Shot, layout: Layout): void {
  const { stage, stageFocus } = layout;
  const [x, y, z] = shotPosition({ ...shot, distance: shot.distance * layout.cameraDistanceScale });
  camera.fov = shot.fovDeg;
  camera.aspect = stage.w / stage.h;
  camera.near = 0.1;
  camera.far = 200;
  camera.position.set(x, y, z);
  camera.up.set(0, 1, 0);
  camera.lookAt(new Vector3(...shot.target));
  camera.setViewOffset(
    stage.w,
    stage.h,
    stage.w / 2 - (stageFocus.x - stage.x),
    stage.h / 2 - (stageFocus.y - stage.y),
    stage.w,
    stage.h,
  );
  camera.updateProjectionMatrix();
  camera.updateMatrixWorld(true);
}

/** Pixel position (composition coordinates) of world point `p` under `shot`, or null when behind the camera. */
export function projectToScreen(p: Vec3, shot: Shot, layout: Layout): { x: number; y: number } | null {
  const cam = new PerspectiveCamera();
  applyShot(cam, shot, layout);
  const v = new Vector3(...p).project(cam);
  if (v.z > 1) return null;
  return { x: layout.stage.x + ((v.x + 1) / 2) * layout.stage.w, y: layout.stage.y + ((1 - v.y) / 2) * layout.stage.h };
}
