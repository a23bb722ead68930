/**
 * What the shared 3D stage shows at an absolute frame: the scene on screen,
 * its physical time, the sampled state and the camera shot. Pure.
 */
import type { ExplainerData } from '../story/explainerData';
import type { SceneId } from '../script/sceneIds';
import type { SpineState } from '../sim/types';
import { sceneIndexAt, shotAt, type SceneFramings, type Shot } from './cameraRig';
import { headRadiusUnits } from './synapseGeometry';

export interface StageMoment {
  sceneId: SceneId;
  tMs: number;
  state: SpineState;
  shot: Shot;
}

/**
 * The stage at absolute `frame`: physical time from the clock of the scene whose span holds the frame,
 * the camera as each scene's look frames it (`framings`, from the composition).
 */
export function stageMomentAt(data: ExplainerData, frame: number, framings: SceneFramings = {}): StageMoment {
  const span = data.timeline.scenes[sceneIndexAt(data.timeline, frame)]!;
  const tMs = data.clocks[span.id].physicalMs(frame);
  const state = data.trace.sample(tMs);
  return {
    sceneId: span.id,
    tMs,
    state,
    shot: shotAt(data.timeline, frame, headRadiusUnits(state.spineHeadVolumeUm3), framings),
  };
}
