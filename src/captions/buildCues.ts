/**
 * Word captions -> subtitle cues that obey the DESIGN.md limits (at most 2 lines
 * of 42 characters, at most 20 characters a second, 0.83-7 s on screen, no cue
 * across a scene cut). Segmentation is a small dynamic programme per scene that
 * prefers breaks at sentence and clause ends; cues then stay up until the next
 * one (or the scene cut) as reading speed needs. Pure.
 */
import type { Caption } from '@remotion/captions';
import type { SceneId } from '../script/sceneIds';
import type { Timeline } from '../timeline/types';
import { breakLines } from './lineBreak';
import { CAPTION_LIMITS, type CaptionLimits } from './limits';
import type { CaptionCue } from './types';

export interface BuildCuesOptions {
  limits?: CaptionLimits;
  /** How long a cue stays after its last word ends when nothing follows at once, ms. Default 500. */
  lingerMs?: number;
}

/** Words of one scene with the scene's bounds, video ms. */
export interface SceneWords {
  sceneId: SceneId;
  startMs: number;
  endMs: number;
  words: Caption[];
}

/** Groups the timeline's word captions by scene (a word belongs to the scene its start falls in). */
export function wordsByScene(timeline: Timeline): SceneWords[] {
  const toMs = (f: number): number => (f * 1000) / timeline.fps;
  return timeline.scenes.map((s) => {
    const startMs = toMs(s.startFrame);
    const endMs = toMs(s.startFrame + s.durationFrames);
    const words = timeline.captions
      .filter((c) => c.startMs >= startMs && c.startMs < endMs)
      .map((c) => ({ ...c, text: c.text.trim() }));
    return { sceneId: s.id, startMs, endMs, words };
  });
}

const INFEASIBLE = 1e6;

function breakCost(word: string, lastInScene: boolean): number {
  if (lastInScene || /[.!?]["”’)]?$/.test(word)) return 0;
  if (/[;:]$/.test(word)) return 1;
  if (/[,—–]$/.test(word)) return 3;
  return 8;
}

/** Segments one scene's words into cues (timed, lines broken). */
function sceneCues(scene: SceneWords, limits: CaptionLimits, lingerMs: number): Omit<CaptionCue, 'index'>[] {
  const w = scene.words;
  const n = w.length;
  if (n === 0) return [];
  const nextStart = (j: number): number => (j < n ? w[j]!.startMs : scene.endMs);
  const best: { cost: number; from: number; lines: string[] }[] = [{ cost: 0, from: -1, lines: [] }];
  for (let j = 1; j <= n; j++) {
    best[j] = { cost: Infinity, from: -1, lines: [] };
    for (let i = j - 1; i >= 0; i--) {
      const texts = w.slice(i, j).map((x) => x.text);
      if (texts.join(' ').length > limits.maxLines * limits.maxCharsPerLine + 1) break;
      const lines = breakLines(texts, limits.maxCharsPerLine, limits.maxLines);
      if (!lines) continue;
      const chars = lines.join(' ').length;
      const startMs = w[i]!.startMs;
      const availableMs = Math.min(nextStart(j) - startMs, limits.maxDurationMs);
      let cost = 2 + breakCost(w[j - 1]!.text, j === n);
      if (w[j - 1]!.endMs - startMs > limits.maxDurationMs) cost += INFEASIBLE;
      if ((chars * 1000) / availableMs > limits.maxCharsPerSecond) cost += INFEASIBLE;
      if (availableMs < limits.minDurationMs) cost += INFEASIBLE / 10;
      // Mixing the end of one sentence with the start of the next in one cue reads badly.
      for (let k = i; k < j - 1; k++) if (/[.!?]$/.test(w[k]!.text)) cost += 3;
      const total = best[i]!.cost + cost;
      if (total < best[j]!.cost) best[j] = { cost: total, from: i, lines };
    }
  }
  const spans: { i: number; j: number; lines: string[] }[] = [];
  for (let j = n; j > 0; j = best[j]!.from) spans.unshift({ i: best[j]!.from, j, lines: best[j]!.lines });
  return spans.map(({ i, j, lines }) => {
    const startMs = w[i]!.startMs;
    const chars = lines.join(' ').length;
    const limitMs = Math.min(nextStart(j), startMs + limits.maxDurationMs);
    let endMs = Math.max(
      w[j - 1]!.endMs + lingerMs,
      startMs + limits.minDurationMs,
      startMs + Math.ceil((chars * 1000) / limits.maxCharsPerSecond),
    );
    endMs = Math.min(endMs, limitMs);
    // A tiny gap before the next cue flashes an empty screen: close it.
    if (j < n && nextStart(j) - endMs < limits.minGapMs) endMs = nextStart(j);
    return {
      sceneId: scene.sceneId,
      startMs: Math.round(startMs),
      endMs: Math.floor(endMs),
      lines,
      words: w.slice(i, j),
    };
  });
}

/**
 * Builds the subtitle cues of a timeline: per scene, so no cue crosses a cut.
 * Times are whole ms, video time.
 */
export function buildCues(timeline: Timeline, options: BuildCuesOptions = {}): CaptionCue[] {
  const limits = options.limits ?? CAPTION_LIMITS;
  const lingerMs = options.lingerMs ?? 500;
  return wordsByScene(timeline)
    .flatMap((s) => sceneCues(s, limits, lingerMs))
    .map((c, k) => ({ ...c, index: k + 1 }));
}

/** Scene cut times of a timeline, ms (every scene start after the first). */
export function sceneCutsMs(timeline: Timeline): number[] {
  return timeline.scenes.slice(1).map((s) => (s.startFrame * 1000) / timeline.fps);
}
