/**
 * The camera: one shot per scene, eased from one shot to the next across the
 * scene boundary. A pure function of the absolute frame, the timeline and the
 * layout, shared by the 3D canvas and the label overlay (so labels sit on the
 * things they name).
 */
import { PerspectiveCamera, Vector3 } from 'three';
import { ease, interpolate } from '../engine';
import type { SceneId } from '../script/sceneIds';
import type { Timeline } from '../timeline/types';
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

/** Shot for a scene, given the current head radius (units). */
export function sceneShot(id: SceneId, headRadius: number): Shot {
  const r = headRadius;
  const hero = NMDA_SLOTS[0] as { theta: number; phi: number };
  switch (id) {
    case 'intro':
      return { target: [0, 0.5, 0], distance: 40, azimuthDeg: -18, elevationDeg: 10, fovDeg: 35, boutonOpacity: 1 };
    case 'glutamate-release':
      return { target: [0, r + 0.2, 0], distance: 17, azimuthDeg: -10, elevationDeg: 5, fovDeg: 35, boutonOpacity: 1 };
    case 'mg-expulsion':
      return {
        target: onHead(r, hero.theta, hero.phi, 0.8),
        distance: 7.5,
        azimuthDeg: 8,
        elevationDeg: 24,
        fovDeg: 35,
        boutonOpacity: 0,
      };
    case 'calcium-surge':
      return { target: [0, 1, 0], distance: 19, azimuthDeg: 14, elevationDeg: 8, fovDeg: 35, boutonOpacity: 1 };
    case 'camkii-lock-in':
      return { target: [0, 1, 0], distance: 21, azimuthDeg: 24, elevationDeg: 8, fovDeg: 35, boutonOpacity: 1 };
    case 'ampa-insertion':
      return { target: [0, r * 0.8, 0], distance: 9.5, azimuthDeg: -4, elevationDeg: 48, fovDeg: 35, boutonOpacity: 0 };
    case 'spine-growth':
      return { target: [0, 0, 0], distance: 26, azimuthDeg: -16, elevationDeg: 8, fovDeg: 35, boutonOpacity: 1 };
    case 'outro':
      return { target: [0, 0.5, 0], distance: 40, azimuthDeg: 12, elevationDeg: 12, fovDeg: 35, boutonOpacity: 1 };
  }
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

/** Index of the scene drawn at absolute `frame` (the last scene whose start is <= frame). */
export function sceneIndexAt(timeline: Timeline, frame: number): number {
  let idx = 0;
  timeline.scenes.forEach((s, i) => {
    if (s.startFrame <= frame) idx = i;
  });
  return idx;
}

/**
 * The camera shot at absolute `frame`: the scene's shot with a slow push-in
 * (6 % over the scene), eased into the next scene's shot over
 * SHOT_TRANSITION_FRAMES around the boundary.
 */
export function shotAt(timeline: Timeline, frame: number, headRadius: number): Shot {
  const i = sceneIndexAt(timeline, frame);
  const scene = timeline.scenes[i]!;
  const push = (s: Shot, f: number, span: { startFrame: number; durationFrames: number }) => {
    const p = interpolate(f - span.startFrame, [0, span.durationFrames], [0, 1]);
    return { ...s, distance: s.distance * (1 - 0.06 * p) };
  };
  const half = SHOT_TRANSITION_FRAMES / 2;
  const here = push(sceneShot(scene.id, headRadius), frame, scene);
  const next = timeline.scenes[i + 1];
  const prev = timeline.scenes[i - 1];
  if (next && frame >= next.startFrame - half) {
    const t = shotTransition(frame - (next.startFrame - half));
    return lerpShot(here, push(sceneShot(next.id, headRadius), next.startFrame, next), t);
  }
  if (prev && frame < scene.startFrame + half) {
    const t = shotTransition(frame - (scene.startFrame - half));
    return lerpShot(push(sceneShot(prev.id, headRadius), scene.startFrame, prev), here, t);
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
