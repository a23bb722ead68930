/**
 * The one place the explainer gets its inputs: the narration timeline and
 * the simulation trace, plus each scene's clock built from both.
 */
import type { SceneId } from '../script/sceneIds';
import type { Timeline } from '../timeline/types';
import type { SpineTrace } from '../sim/types';
import { sceneClocks, type SceneClock } from './storyTime';
import { explainerTrace } from '../sim';
import { explainerTimeline } from './narration';

export interface ExplainerData {
  timeline: Timeline;
  trace: SpineTrace;
  clocks: Record<SceneId, SceneClock>;
}

/** The narration timeline the video is cut to. */
export function explainerTimelineData(): Timeline {
  return explainerTimeline;
}

/** Timeline + trace + clocks. Deterministic; compute once per page and pass down. */
export function loadExplainerData(): ExplainerData {
  const timeline = explainerTimelineData();
  const trace = explainerTrace();
  return { timeline, trace, clocks: sceneClocks(timeline, trace) };
}
