/**
 * Reads WebVTT and SRT caption files into cues that keep their position in
 * the file (cue number and line), so a rule check can say exactly where a
 * problem is. Only what publishing needs: timings and text lines; WebVTT
 * cue settings and styling blocks are skipped.
 */

/** One cue as written in a caption file. */
export interface CaptionFileCue {
  /** 1-based position of the cue in the file. */
  index: number;
  /** 1-based line number of the cue's timing line ("00:00:01.000 --> ..."). */
  line: number;
  /** Cue identifier (the SRT counter or the optional WebVTT id), '' when absent. */
  id: string;
  startMs: number;
  endMs: number;
  /** Text lines as displayed (markup like <i> removed). */
  lines: string[];
}

export type CaptionFormat = 'vtt' | 'srt';

const TIMING = /^\s*((?:\d+:)?\d{1,2}:\d{2}[.,]\d{3})\s+-->\s+((?:\d+:)?\d{1,2}:\d{2}[.,]\d{3})(?:\s+.*)?$/;

/** '01:02:03.456', '02:03.456' or '01:02:03,456' -> milliseconds. */
export function parseTimestampMs(text: string): number {
  const m = text.trim().match(/^(?:(\d+):)?(\d{1,2}):(\d{2})[.,](\d{3})$/);
  if (!m) throw new Error(`"${text}" is not a caption timestamp (expected hh:mm:ss.mmm)`);
  const [, h = '0', min = '0', s = '0', ms = '0'] = m;
  return Number(h) * 3_600_000 + Number(min) * 60_000 + Number(s) * 1000 + Number(ms);
}

/** Formats milliseconds as hh:mm:ss.mmm for messages. */
export function formatTimestamp(ms: number): string {
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const f = Math.round(ms % 1000);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(h)}:${p(m)}:${p(s)}.${p(f, 3)}`;
}

/** A caption file that does not parse: names the file and line. */
export class CaptionFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    detail: string,
  ) {
    super(`${file}:${line}: ${detail}`);
    this.name = 'CaptionFileError';
  }
}

/**
 * Parses a WebVTT or SRT file's text. `file` is only used in error messages.
 * Throws CaptionFileError for a missing WEBVTT header, a malformed timing
 * line or a cue that ends before it starts.
 */
export function parseCaptionFile(text: string, format: CaptionFormat, file = `captions.${format}`): CaptionFileCue[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  let i = 0;
  if (format === 'vtt') {
    if (!/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? '')) {
      throw new CaptionFileError(file, 1, 'a WebVTT file must start with "WEBVTT"');
    }
    // The header block (e.g. "Kind: captions", "Language: en") runs to the first blank line.
    i = 1;
    while (i < lines.length && (lines[i] ?? '').trim() !== '') i++;
  }
  const cues: CaptionFileCue[] = [];
  while (i < lines.length) {
    // Skip blank lines between blocks.
    while (i < lines.length && (lines[i] ?? '').trim() === '') i++;
    if (i >= lines.length) break;
    const blockStart = i;
    const block: string[] = [];
    while (i < lines.length && (lines[i] ?? '').trim() !== '') block.push(lines[i++] ?? '');
    const first = block[0] ?? '';
    if (format === 'vtt' && /^(NOTE|STYLE|REGION)(\s|$)/.test(first)) continue;
    const timingAt = block.findIndex((l) => l.includes('-->'));
    if (timingAt < 0 || timingAt > 1) {
      throw new CaptionFileError(
        file,
        blockStart + 1,
        `expected a cue timing line "start --> end", found "${first.slice(0, 60)}"`,
      );
    }
    const timingLine = block[timingAt] ?? '';
    const m = timingLine.match(TIMING);
    if (!m?.[1] || !m[2]) {
      throw new CaptionFileError(
        file,
        blockStart + timingAt + 1,
        `malformed timing line "${timingLine}" (expected hh:mm:ss${format === 'srt' ? ',' : '.'}mmm --> hh:mm:ss${format === 'srt' ? ',' : '.'}mmm)`,
      );
    }
    if (format === 'srt' && timingAt === 1 && !/^\d+$/.test(first.trim())) {
      throw new CaptionFileError(file, blockStart + 1, `an SRT cue number must be an integer, found "${first}"`);
    }
    const startMs = parseTimestampMs(m[1]);
    const endMs = parseTimestampMs(m[2]);
    const index = cues.length + 1;
    if (!(endMs > startMs)) {
      throw new CaptionFileError(
        file,
        blockStart + timingAt + 1,
        `cue ${index} ends (${m[2]}) at or before it starts (${m[1]})`,
      );
    }
    cues.push({
      index,
      line: blockStart + timingAt + 1,
      id: timingAt === 1 ? first.trim() : '',
      startMs,
      endMs,
      lines: block.slice(timingAt + 1).map(stripMarkup),
    });
  }
  return cues;
}

/** Removes WebVTT/SRT inline markup (<i>, <b>, <v Speaker>, <00:00:01.000>) and decodes the basic entities. */
export function stripMarkup(line: string): string {
  return line
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
}

/** Format from a file name: '.srt' -> 'srt', anything else with '.vtt' -> 'vtt'. */
export function captionFormatOf(path: string): CaptionFormat {
  if (/\.srt$/i.test(path)) return 'srt';
  if (/\.vtt$/i.test(path)) return 'vtt';
  throw new Error(`${path}: not a caption file (expected .vtt or .srt)`);
}
