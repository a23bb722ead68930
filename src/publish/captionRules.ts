import { formatTimestamp, type CaptionFileCue } from './captionFile';

/**
 * Caption style limits from shared/DESIGN.md ("Captions"), themselves taken
 * from broadcast and streaming subtitle guides (BBC Subtitle Guidelines,
 * Netflix Timed Text Style Guide): at most 2 lines, 42 characters a line,
 * 20 characters a second, 0.83-7 s on screen.
 */
export interface CaptionRules {
  maxLines: number;
  maxCharsPerLine: number;
  /** Reading speed limit, characters (spaces included, line breaks not) per second. */
  maxCharsPerSecond: number;
  minDurationMs: number;
  maxDurationMs: number;
  /**
   * Smallest allowed gap between consecutive cues, ms, unless they touch
   * (gap 0): shorter gaps flash the screen empty. Netflix asks for at least
   * 2 frames; 2 frames at 30 fps = 66.7 ms.
   */
  minGapMs: number;
}

export const DESIGN_CAPTION_RULES: CaptionRules = {
  maxLines: 2,
  maxCharsPerLine: 42,
  maxCharsPerSecond: 20,
  minDurationMs: 830,
  maxDurationMs: 7000,
  minGapMs: 2000 / 30,
};

/** One broken rule, located in the file. */
export interface CaptionProblem {
  severity: 'error' | 'warning';
  /** 1-based cue number, 0 for a file-level problem. */
  cue: number;
  /** 1-based line of the cue's timing line, 0 for a file-level problem. */
  line: number;
  message: string;
}

/** Characters counted for reading speed: the displayed text with line breaks as single spaces. */
export function readingChars(cue: Pick<CaptionFileCue, 'lines'>): number {
  return cue.lines.map((l) => l.trim()).join(' ').length;
}

export interface CaptionCheckContext {
  /** Length of the video the captions belong to, ms; cues past it are errors. */
  videoDurationMs?: number;
  /** Scene cut times, ms (chapter starts); a cue spanning one gets a warning (DESIGN: "no cue over a scene cut where avoidable"). */
  sceneCutsMs?: readonly number[];
}

/**
 * Checks subtitle cues against the caption rules. Returns every problem,
 * each naming its cue, line and start time; an empty list means the file passes.
 */
export function checkCaptionCues(
  cues: readonly CaptionFileCue[],
  rules: CaptionRules = DESIGN_CAPTION_RULES,
  context: CaptionCheckContext = {},
): CaptionProblem[] {
  const problems: CaptionProblem[] = [];
  if (cues.length === 0) return [{ severity: 'error', cue: 0, line: 0, message: 'no cues' }];
  const add = (cue: CaptionFileCue, message: string, severity: CaptionProblem['severity'] = 'error') =>
    problems.push({ severity, cue: cue.index, line: cue.line, message: `cue ${cue.index} (${formatTimestamp(cue.startMs)}): ${message}` });

  cues.forEach((cue, k) => {
    const text = cue.lines.join(' / ');
    const durationMs = cue.endMs - cue.startMs;
    const nonEmpty = cue.lines.filter((l) => l.trim() !== '');
    if (nonEmpty.length === 0) add(cue, 'empty cue');
    if (cue.lines.length > rules.maxLines) add(cue, `${cue.lines.length} lines (max ${rules.maxLines}): "${text}"`);
    cue.lines.forEach((l, j) => {
      const n = l.trim().length;
      if (n > rules.maxCharsPerLine) add(cue, `line ${j + 1} has ${n} characters (max ${rules.maxCharsPerLine}): "${l.trim()}"`);
    });
    if (durationMs < rules.minDurationMs - 0.5) add(cue, `on screen ${(durationMs / 1000).toFixed(3)} s (min ${(rules.minDurationMs / 1000).toFixed(2)} s): "${text}"`);
    if (durationMs > rules.maxDurationMs + 0.5) add(cue, `on screen ${(durationMs / 1000).toFixed(3)} s (max ${(rules.maxDurationMs / 1000).toFixed(2)} s): "${text}"`);
    const cps = readingChars(cue) / (durationMs / 1000);
    if (cps > rules.maxCharsPerSecond + 1e-9) add(cue, `${cps.toFixed(1)} characters/s (max ${rules.maxCharsPerSecond}): "${text}"`);
    if (context.videoDurationMs !== undefined && cue.endMs > context.videoDurationMs + 0.5) {
      add(cue, `ends at ${formatTimestamp(cue.endMs)}, after the video ends (${formatTimestamp(context.videoDurationMs)})`);
    }
    for (const cut of context.sceneCutsMs ?? []) {
      if (cue.startMs < cut && cue.endMs > cut) add(cue, `spans the scene cut at ${formatTimestamp(cut)}`, 'warning');
    }
    const prev = k > 0 ? cues[k - 1] : undefined;
    if (prev) {
      const gapMs = cue.startMs - prev.endMs;
      if (cue.startMs < prev.startMs) add(cue, `starts before cue ${prev.index} (${formatTimestamp(prev.startMs)}): cues out of order`);
      else if (gapMs < 0) add(cue, `overlaps cue ${prev.index} by ${-gapMs} ms (cue ${prev.index} ends ${formatTimestamp(prev.endMs)})`);
      else if (gapMs > 0 && gapMs < rules.minGapMs - 0.5) {
        add(cue, `gap of ${gapMs} ms after cue ${prev.index} flashes an empty screen: close it or make it at least ${Math.ceil(rules.minGapMs)} ms`);
      }
    }
  });
  return problems;
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
    problems.push({ severity: 'error', cue: cue?.index ?? 0, line: cue?.line ?? 0, message: cue ? `chapter ${cue.index}: ${message}` : message });
  if (cues.length !== expectedChapters) add(null, `${cues.length} chapters, expected ${expectedChapters} (one per scene)`);
  cues.forEach((cue, k) => {
    if (cue.lines.join('').trim() === '') add(cue, 'has no title');
    const prev = k > 0 ? cues[k - 1] : undefined;
    if (prev && cue.startMs < prev.endMs) add(cue, `starts at ${formatTimestamp(cue.startMs)}, before chapter ${prev.index} ends (${formatTimestamp(prev.endMs)})`);
    if (prev && cue.startMs - prev.endMs > toleranceMs) add(cue, `leaves a ${cue.startMs - prev.endMs} ms hole after chapter ${prev.index}`);
  });
  const first = cues[0];
  const last = cues[cues.length - 1];
  if (first && first.startMs > toleranceMs) add(first, `starts at ${formatTimestamp(first.startMs)}, not at 0`);
  if (last && videoDurationMs !== undefined && Math.abs(last.endMs - videoDurationMs) > toleranceMs) {
    add(last, `ends at ${formatTimestamp(last.endMs)}, the video at ${formatTimestamp(videoDurationMs)}`);
  }
  return problems;
}
