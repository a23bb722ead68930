/** Checks cues against the caption limits; used by the tests and by the publishing checks. */
import { CAPTION_LIMITS, type CaptionLimits } from './limits';
import type { CaptionCue } from './types';

export type CueRule =
  | 'lines'
  | 'chars-per-line'
  | 'reading-speed'
  | 'min-duration'
  | 'max-duration'
  | 'scene-cut'
  | 'overlap'
  | 'gap'
  | 'empty'
  | 'past-end';

export interface CueViolation {
  /** 1-based cue index. */
  cue: number;
  rule: CueRule;
  message: string;
}

export interface ValidateCuesContext {
  limits?: CaptionLimits;
  /** Scene cut times, ms; a cue spanning one is a violation. */
  sceneCutsMs?: readonly number[];
  /** Video length, ms; cues must end by then. */
  videoDurationMs?: number;
}

const fmt = (ms: number): string => `${(ms / 1000).toFixed(3)} s`;

/** Every broken limit, naming the cue, its start and the text. Empty array = all good. */
export function validateCues(
  cues: readonly Pick<CaptionCue, 'index' | 'startMs' | 'endMs' | 'lines'>[],
  context: ValidateCuesContext = {},
): CueViolation[] {
  const l = context.limits ?? CAPTION_LIMITS;
  const out: CueViolation[] = [];
  cues.forEach((c, k) => {
    const text = c.lines.join(' / ');
    const add = (rule: CueRule, what: string): void =>
      void out.push({ cue: c.index, rule, message: `cue ${c.index} at ${fmt(c.startMs)} "${text}": ${what}` });
    const durMs = c.endMs - c.startMs;
    if (c.lines.join('').trim() === '') add('empty', 'no text');
    if (c.lines.length > l.maxLines) add('lines', `${c.lines.length} lines (max ${l.maxLines})`);
    c.lines.forEach((line, i) => {
      if (line.length > l.maxCharsPerLine)
        add('chars-per-line', `line ${i + 1} has ${line.length} characters (max ${l.maxCharsPerLine})`);
    });
    const cps = (c.lines.join(' ').length * 1000) / durMs;
    if (cps > l.maxCharsPerSecond + 1e-9)
      add('reading-speed', `${cps.toFixed(1)} characters/s (max ${l.maxCharsPerSecond})`);
    if (durMs < l.minDurationMs - 1e-9) add('min-duration', `on screen ${fmt(durMs)} (min ${fmt(l.minDurationMs)})`);
    if (durMs > l.maxDurationMs + 1e-9) add('max-duration', `on screen ${fmt(durMs)} (max ${fmt(l.maxDurationMs)})`);
    for (const cut of context.sceneCutsMs ?? [])
      if (c.startMs < cut && c.endMs > cut) add('scene-cut', `spans the scene cut at ${fmt(cut)}`);
    if (context.videoDurationMs !== undefined && c.endMs > context.videoDurationMs)
      add('past-end', `ends after the video (${fmt(context.videoDurationMs)})`);
    const prev = cues[k - 1];
    if (prev) {
      const gap = c.startMs - prev.endMs;
      if (gap < 0) add('overlap', `overlaps cue ${prev.index} by ${-gap} ms`);
      else if (gap > 0 && gap < l.minGapMs)
        add(
          'gap',
          `${gap} ms gap after cue ${prev.index} flashes an empty screen (0 or >= ${Math.ceil(l.minGapMs)} ms)`,
        );
    }
  });
  return out;
}
