import { createContext, useContext } from 'react';
import type { ExplainerData } from '../story/explainerData';
import type { SceneId } from '../script/sceneIds';
import type { SpineState } from '../sim/types';
import { isReplay, type SceneClock } from '../story/storyTime';
import { interpolate, useAbsoluteFrame } from '../engine';
import type { Layout } from './layout';
import type { SceneFramings } from './cameraRig';
import { stageMomentAt, type StageMoment } from './stageMoment';

export interface ExplainerContextValue {
  data: ExplainerData;
  layout: Layout;
  /**
   * The scenes' camera framings (from their looks, read by the composition, since
   * components may not import scenes), so labels project through the stage's shot.
   */
  framings?: SceneFramings;
}

export const ExplainerContext = createContext<ExplainerContextValue | null>(null);

/** The explainer's data (timeline, trace, clocks) and the cut's layout. */
export function useExplainer(): ExplainerContextValue {
  const v = useContext(ExplainerContext);
  if (!v) throw new Error('useExplainer(): scene rendered outside <Explainer> (no ExplainerContext).');
  return v;
}

export interface SceneMoment {
  /** Absolute frame being drawn. */
  frame: number;
  clock: SceneClock;
  /** Physical time at this frame, ms. */
  tMs: number;
  /** Simulated state at tMs. */
  state: SpineState;
  /** The scene's clock starts earlier than the previous scene's ended: the clock shows "replay". */
  replay: boolean;
}

/** This frame's physical time and simulated state on `sceneId`'s clock. */
export function useSceneMoment(sceneId: SceneId): SceneMoment {
  const { data } = useExplainer();
  const frame = useAbsoluteFrame();
  const clock = data.clocks[sceneId];
  const tMs = clock.physicalMs(frame);
  const index = data.timeline.scenes.findIndex((s) => s.id === sceneId);
  return { frame, clock, tMs, state: data.trace.sample(tMs), replay: isReplay(data.timeline, data.clocks, index) };
}

/** The span of `sceneId` on the timeline; throws naming the scene when the timeline lacks it. */
export function useSceneSpan(sceneId: SceneId) {
  const { data } = useExplainer();
  const span = data.timeline.scenes.find((s) => s.id === sceneId);
  if (!span)
    throw new Error(
      `Scene "${sceneId}" is not on the timeline (scenes: ${data.timeline.scenes.map((s) => s.id).join(', ')}).`,
    );
  return span;
}

/** What the shared 3D stage shows at this frame (for labels that must sit on it). */
export function useStageMoment(): StageMoment {
  const { data, framings } = useExplainer();
  return stageMomentAt(data, useAbsoluteFrame(), framings);
}

/** Opacity 0..1 that rises over `fadeFrames` from absolute frame `at`. */
export function fadeInAt(frame: number, at: number, fadeFrames = 8): number {
  return interpolate(frame - at, [0, fadeFrames], [0, 1]);
}
