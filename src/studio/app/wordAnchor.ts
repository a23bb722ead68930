import type { StudioTimeline } from './studioTimeline';

/**
 * Words of the narration on the timeline, per scene, and "where in the words"
 * the playhead is, so that after a re-voice (new timings, new scene lengths)
 * the playhead lands on the same words. Pure.
 */

/** One caption word of a scene, in absolute frames. */
export interface TimelineWord {
  /** Index among the scene's words (as in the script's scene). */
  index: number;
  text: string;
  startFrame: number;
  endFrame: number;
}

/** The caption words whose start lies inside `sceneId`'s span, in order. */
export function sceneWords(timeline: StudioTimeline, sceneId: string): TimelineWord[] {
  const scene = timeline.scenes.find((s) => s.id === sceneId);
  if (!scene) return [];
  const toFrame = (ms: number) => Math.round((ms / 1000) * timeline.fps);
  const end = scene.startFrame + scene.durationFrames;
  return timeline.captions
    .filter((c) => {
      const f = toFrame(c.startMs);
      return f >= scene.startFrame && f < end;
    })
    .map((c, index) => ({
      index,
      text: c.text.trim(),
      startFrame: toFrame(c.startMs),
      endFrame: Math.max(toFrame(c.startMs) + 1, toFrame(c.endMs)),
    }));
}

/** The playhead as "scene, word, frames after the word's start" (word -1: before the first word). */
export interface WordAnchor {
  sceneId: string;
  wordIndex: number;
  offsetFrames: number;
}

export function anchorAtFrame(timeline: StudioTimeline, frame: number): WordAnchor | null {
  const scene = timeline.scenes.find((s) => frame >= s.startFrame && frame < s.startFrame + s.durationFrames);
  if (!scene) return null;
  const words = sceneWords(timeline, scene.id);
  const word = [...words].reverse().find((w) => w.startFrame <= frame);
  return word
    ? { sceneId: scene.id, wordIndex: word.index, offsetFrames: frame - word.startFrame }
    : { sceneId: scene.id, wordIndex: -1, offsetFrames: frame - scene.startFrame };
}

/** The frame of `anchor` on a (new) timeline: the same word, the same distance after its start (kept inside the word). */
export function frameOfAnchor(timeline: StudioTimeline, anchor: WordAnchor): number | null {
  const scene = timeline.scenes.find((s) => s.id === anchor.sceneId);
  if (!scene) return null;
  const words = sceneWords(timeline, scene.id);
  const word = words[Math.min(anchor.wordIndex, words.length - 1)];
  if (anchor.wordIndex < 0 || !word) return scene.startFrame + Math.min(anchor.offsetFrames, scene.durationFrames - 1);
  return word.startFrame + Math.min(anchor.offsetFrames, Math.max(0, word.endFrame - word.startFrame - 1));
}

/** The word of `sceneId` nearest to `frame` (by start), or null when the scene has no words. */
export function wordNearFrame(timeline: StudioTimeline, sceneId: string, frame: number): TimelineWord | null {
  const words = sceneWords(timeline, sceneId);
  let best: TimelineWord | null = null;
  for (const w of words) {
    if (frame >= w.startFrame && frame < w.endFrame) return w;
    if (!best || Math.abs(w.startFrame - frame) < Math.abs(best.startFrame - frame)) best = w;
  }
  return best;
}
