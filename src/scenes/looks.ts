/**
 * Every scene's editable look (src/scenes/<Scene>.look.ts), by scene id, and
 * what the composition reads from them: the parts of a look that are drawn
 * outside the scene's own overlay (the shared 3D stage's camera framing, the
 * overlay's fades at the cuts).
 */
import type { CameraFraming, SceneFramings } from '../components/cameraRig';
import { framingOf, overlayFadeOf, type LookPreviews, type LookSchema, type SceneLook } from '../components/sceneLook';
import type { SceneId } from '../script/sceneIds';
import { ampaInsertionLook } from './AmpaInsertion.look';
import { calciumSurgeLook } from './CalciumSurge.look';
import { camkiiLockInLook } from './CamkiiLockIn.look';
import { glutamateReleaseLook } from './GlutamateRelease.look';
import { introLook } from './Intro.look';
import { mgExpulsionLook } from './MgExpulsion.look';
import { outroLook } from './Outro.look';
import { spineGrowthLook } from './SpineGrowth.look';

/** One look per scene. */
export const SCENE_LOOKS: Record<SceneId, SceneLook<LookSchema>> = {
  intro: introLook,
  'glutamate-release': glutamateReleaseLook,
  'mg-expulsion': mgExpulsionLook,
  'calcium-surge': calciumSurgeLook,
  'camkii-lock-in': camkiiLockInLook,
  'ampa-insertion': ampaInsertionLook,
  'spine-growth': spineGrowthLook,
  outro: outroLook,
};

export interface SceneStageLooks {
  /** Each scene's camera framing (cameraZoom, cameraOrbitDeg). */
  framings: SceneFramings;
  /** Each scene's overlay fade-in after its cut and fade-out before the next, frames. */
  overlayFades: Record<SceneId, { inFrames: number; outFrames: number }>;
}

/** The stage-level parts of every scene's look: saved, or the studio's preview where there is one. */
export function sceneStageLooks(previews: LookPreviews): SceneStageLooks {
  const framings: Partial<Record<SceneId, CameraFraming>> = {};
  const overlayFades = {} as SceneStageLooks['overlayFades'];
  for (const [id, look] of Object.entries(SCENE_LOOKS) as [SceneId, SceneLook<LookSchema>][]) {
    const current = look.lookFor(previews) as Record<string, unknown>;
    framings[id] = framingOf(current);
    overlayFades[id] = overlayFadeOf(current);
  }
  return { framings, overlayFades };
}
