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
  /** The scene's words when the anchor was taken (to follow the word through an edit). */
  words: string[];
}

export function anchorAtFrame(timeline: StudioTimeline, frame: number): WordAnchor | null {
  const scene = timeline.scenes.find((s) => frame >= s.startFrame && frame < s.startFrame + s.durationFrames);
  if (!scene) return null;
  const words = sceneWords(timeline, scene.id);
  const word = [...words].reverse().find((w) => w.startFrame <= frame);
  const texts = words.map((w) => w.text);
  return word
    ? { sceneId: scene.id, wordIndex: word.index, offsetFrames: frame - word.startFrame, words: texts }
    : { sceneId: scene.id, wordIndex: -1, offsetFrames: frame - scene.startFrame, words: texts };
}

/**
 * Where word `index` of `before` is in `after`: words before the first change
 * keep their index, words after the last change shift by the change in length,
 * a word inside the changed stretch goes to its start.
 */
export function followWord(before: readonly string[], after: readonly string[], index: number): number {
  let prefix = 0;
  while (prefix < before.length && prefix < after.length && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < before.length - prefix &&
    suffix < after.length - prefix &&
    before[before.length - 1 - suffix] === after[after.length - 1 - suffix]
  )
    suffix++;
  if (index < prefix) return index;
  if (index >= before.length - suffix) return index + after.length - before.length;
  return prefix;
}

/** The frame of `anchor` on a (new) timeline: the same word, the same distance after its start (kept inside the word). */
export function frameOfAnchor(timeline: StudioTimeline, anchor: WordAnchor): number | null {
  const scene = timeline.scenes.find((s) => s.id === anchor.sceneId);
  if (!scene) return null;
  const words = sceneWords(timeline, scene.id);
  const index =
    anchor.wordIndex < 0
      ? -1
      : followWord(
          anchor.words,
          words.map((w) => w.text),
          anchor.wordIndex,
        );
  const word = words[Math.min(index, words.length - 1)];
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
