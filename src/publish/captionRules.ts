import { formatTimestamp, type CaptionFileCue } from './captionFile';

import { validateCues, type CueRule } from '../captions/validateCues';
import { CAPTION_LIMITS, type CaptionLimits } from '../captions/limits';

/**
 * The caption rules are the captions layer's own limits (src/captions/limits.ts,
 * from shared/DESIGN.md: <= 2 lines, <= 42 characters a line, <= 20 characters
 * a second, 0.83-7 s on screen, gaps 0 or >= 2 frames), checked here on the
 * files as written, so a serialiser bug or a hand edit is caught too.
 */
export type CaptionRules = CaptionLimits;
export const DESIGN_CAPTION_RULES: CaptionRules = CAPTION_LIMITS;

/** One broken rule, located in the file. */
export interface CaptionProblem {
  severity: 'error' | 'warning';
  /** 1-based cue number, 0 for a file-level problem. */
  cue: number;
  /** 1-based line of the cue's timing line, 0 for a file-level problem. */
  line: number;
  /** Which rule (validateCues' names, plus 'order' and 'count' here). */
  rule: CueRule | 'order' | 'count' | 'chapter';
  message: string;
}

export interface CaptionCheckContext {
  /** Length of the video the captions belong to, ms; cues past it are errors. */
  videoDurationMs?: number;
  /** Scene cut times, ms (chapter starts); a cue spanning one is a warning (DESIGN: "no cue over a scene cut where avoidable"). */
  sceneCutsMs?: readonly number[];
}

/**
 * Checks the cues of a subtitle file with the captions layer's validateCues,
 * adding each problem's line in the file. Returns every problem; an empty
 * list means the file passes.
 */
export function checkCaptionCues(
  cues: readonly CaptionFileCue[],
  rules: CaptionRules = DESIGN_CAPTION_RULES,
  context: CaptionCheckContext = {},
): CaptionProblem[] {
  if (cues.length === 0) return [{ severity: 'error', cue: 0, line: 0, rule: 'count', message: 'no cues' }];
  const lineOf = new Map(cues.map((c) => [c.index, c.line]));
  const problems: CaptionProblem[] = validateCues(cues, {
    limits: rules,
    sceneCutsMs: context.sceneCutsMs,
    videoDurationMs: context.videoDurationMs,
  }).map((v) => ({
    severity: v.rule === 'scene-cut' ? 'warning' : 'error',
    cue: v.cue,
    line: lineOf.get(v.cue) ?? 0,
    rule: v.rule,
    message: v.message,
  }));
  // validateCues assumes cues in time order; a file can be out of order.
  cues.forEach((c, k) => {
    const prev = cues[k - 1];
    if (prev && c.startMs < prev.startMs) {
      problems.push({
        severity: 'error',
        cue: c.index,
        line: c.line,
        rule: 'order',
        message: `cue ${c.index} at ${formatTimestamp(c.startMs)} starts before cue ${prev.index} (${formatTimestamp(prev.startMs)}): cues out of order`,
      });
    }
  });
  return problems.sort((a, b) => a.cue - b.cue);
}

/**
 * Checks a chapters track: `expectedChapters` cues (one per scene), in
 * order, non-overlapping, each with a title, the first at 0 and the last
 * ending at the video's end (within one frame, `toleranceMs`).
 */
export function checkChapterCues(
  cues: readonly CaptionFileCue[],
  expectedChapters: number,
  videoDurationMs?: number,
  toleranceMs = 1000 / 30 + 1,
): CaptionProblem[] {
  const problems: CaptionProblem[] = [];
  const add = (cue: CaptionFileCue | null, message: string) =>
    problems.push({
      severity: 'error',
      cue: cue?.index ?? 0,
      line: cue?.line ?? 0,
      rule: 'chapter',
      message: cue ? `chapter ${cue.index}: ${message}` : message,
    });
  if (cues.length !== expectedChapters)
    add(null, `${cues.length} chapters, expected ${expectedChapters} (one per scene)`);
  cues.forEach((cue, k) => {
    if (cue.lines.join('').trim() === '') add(cue, 'has no title');
    const prev = k > 0 ? cues[k - 1] : undefined;
    if (prev && cue.startMs < prev.endMs)
      add(
        cue,
        `starts at ${formatTimestamp(cue.startMs)}, before chapter ${prev.index} ends (${formatTimestamp(prev.endMs)})`,
      );
    if (prev && cue.startMs - prev.endMs > toleranceMs)
      add(cue, `leaves a ${cue.startMs - prev.endMs} ms hole after chapter ${prev.index}`);
  });
  const first = cues[0];
  const last = cues[cues.length - 1];
  if (first && first.startMs > toleranceMs) add(first, `starts at ${formatTimestamp(first.startMs)}, not at 0`);
  if (last && videoDurationMs !== undefined && Math.abs(last.endMs - videoDurationMs) > toleranceMs) {
    add(last, `ends at ${formatTimestamp(last.endMs)}, the video at ${formatTimestamp(videoDurationMs)}`);
  }
  return problems;
}
