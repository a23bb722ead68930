import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { parseCaptionFile, CaptionFileError, formatTimestamp, type CaptionFileCue } from './captionFile';
import {
  checkCaptionCues,
  checkChapterCues,
  DESIGN_CAPTION_RULES,
  type CaptionProblem,
  type CaptionRules,
} from './captionRules';
import { loudnessProblems, measureLoudness } from '../voiceover/loudness';
import { probeMedia, type MediaInfo } from './mediaProbe';
import { checkFastStart, readTopLevelBoxes } from './mp4Boxes';
import { OUTPUT_TARGETS } from './outputTargets';
import { cutFiles, embedDir, manifestFile, socialCardFile } from './outputLayout';
import { verifyManifest, type OutputManifest } from './outputManifest';

/** One line of the check table. */
export interface CheckRow {
  /** File checked, relative to the output directory. */
  file: string;
  /** What was checked, e.g. 'codec', 'loudness', 'captions'. */
  check: string;
  status: 'pass' | 'fail' | 'warn';
  /** What was measured, e.g. 'h264 High', '-16.1 LUFS / -1.8 dBTP'. */
  measured: string;
  /** Why it failed and what to do (failures and warnings), or ''. */
  detail: string;
}

/** What one published cut should be. */
export interface CutExpectation {
  id: string;
  width: number;
  height: number;
  fps: number;
  /** Composition length; the MP4 must last this long within `durationToleranceS`. */
  durationInFrames: number;
}

export interface OutputExpectations {
  cuts: CutExpectation[];
  /** Number of scenes, i.e. chapters expected per cut. */
  sceneCount: number;
  /** Hard limit on every MP4's length, seconds (DESIGN: at most 60 s). */
  maxDurationS: number;
  /** Allowed difference between the MP4's length and the composition's, seconds (default 0.1). */
  durationToleranceS?: number;
  /** Expected social card size, or null to skip it. */
  socialCard: { width: number; height: number } | null;
  /** Check out/embed/ (page, its assets, narration audio). */
  embed: boolean;
  /** Check manifest.json against the files. */
  manifest: boolean;
  /** Measure loudness (MP4 audio tracks, embed narration). */
  loudness: boolean;
  captionRules?: CaptionRules;
}

/** The DESIGN.md video targets: H.264 High, yuv420p, AAC at the output sample rate (outputTargets.ts). */
export const VIDEO_TARGET = {
  codec: 'h264',
  profile: 'High',
  pixelFormat: 'yuv420p',
  audioCodec: 'aac',
  audioSampleRateHz: OUTPUT_TARGETS.audioSampleRateHz,
} as const;

type Add = (check: string, ok: boolean | 'warn', measured: string, detail?: string) => void;

function rowAdder(rows: CheckRow[], dir: string, file: string): Add {
  const rel = relative(dir, file) || basename(file);
  return (check, ok, measured, detail = '') =>
    rows.push({ file: rel, check, status: ok === 'warn' ? 'warn' : ok ? 'pass' : 'fail', measured, detail });
}

function exists(add: Add, file: string): boolean {
  if (existsSync(file) && statSync(file).isFile()) return true;
  add('exists', false, 'missing', `${file} was not written: run \`npm run render:all\``);
  return false;
}

/** Checks an MP4: top-level boxes, streams, size, rate, length, and the loudness of its audio. */
export async function checkMp4(
  rows: CheckRow[],
  dir: string,
  file: string,
  cut: CutExpectation | null,
  ex: OutputExpectations,
): Promise<MediaInfo | null> {
  const add = rowAdder(rows, dir, file);
  if (!exists(add, file)) return null;
  try {
    const fast = checkFastStart(readTopLevelBoxes(file));
    add('moov before mdat', fast.ok, fast.order.join(' '), fast.ok ? '' : fast.message);
  } catch (e) {
    add('mp4 boxes', false, 'unreadable', (e as Error).message);
    return null;
  }
  let info: MediaInfo;
  try {
    info = await probeMedia(file);
  } catch (e) {
    add('ffprobe', false, 'unreadable', (e as Error).message);
    return null;
  }
  const v = info.video;
  if (!v) {
    add('video stream', false, 'none', 'no video stream');
  } else {
    const codecOk = v.codec === VIDEO_TARGET.codec && v.profile === VIDEO_TARGET.profile;
    add(
      'codec',
      codecOk,
      `${v.codec} ${v.profile}`,
      codecOk ? '' : `expected ${VIDEO_TARGET.codec} ${VIDEO_TARGET.profile} (libx264 -profile:v high)`,
    );
    add(
      'pixel format',
      v.pixelFormat === VIDEO_TARGET.pixelFormat,
      v.pixelFormat,
      v.pixelFormat === VIDEO_TARGET.pixelFormat
        ? ''
        : `expected ${VIDEO_TARGET.pixelFormat} (-pix_fmt yuv420p) for browser and phone playback`,
    );
    if (cut) {
      const sizeOk = v.width === cut.width && v.height === cut.height;
      add('size', sizeOk, `${v.width}x${v.height}`, sizeOk ? '' : `cut "${cut.id}" must be ${cut.width}x${cut.height}`);
      const fpsOk = Math.abs(v.fps - cut.fps) < 0.01;
      add('frame rate', fpsOk, `${round(v.fps, 3)} fps`, fpsOk ? '' : `expected ${cut.fps} fps`);
    } else {
      add('size', 'warn', `${v.width}x${v.height}`, 'not a known cut: size not checked');
    }
  }
  const durationS = info.durationS;
  const maxOk = durationS <= ex.maxDurationS + 1e-9;
  add(
    'duration',
    maxOk,
    `${round(durationS, 3)} s`,
    maxOk ? '' : `longer than ${ex.maxDurationS.toFixed(1)} s: shorten the narration (see the timeline overrun report)`,
  );
  if (cut) {
    const expected = cut.durationInFrames / cut.fps;
    const tol = ex.durationToleranceS ?? 0.1;
    const ok = Math.abs(durationS - expected) <= tol;
    add(
      'duration vs composition',
      ok,
      `${round(durationS, 3)} s vs ${round(expected, 3)} s`,
      ok ? '' : `differs by more than ${tol} s from the composition (${cut.durationInFrames} frames at ${cut.fps} fps)`,
    );
  }
  const a = info.audio;
  if (!a) {
    add('audio stream', false, 'none', 'no audio stream: the narration was not muxed');
  } else {
    const ok = a.codec === VIDEO_TARGET.audioCodec && a.sampleRateHz === VIDEO_TARGET.audioSampleRateHz;
    add(
      'audio',
      ok,
      `${a.codec} ${a.sampleRateHz} Hz ${a.channels} ch`,
      ok ? '' : `expected ${VIDEO_TARGET.audioCodec} ${VIDEO_TARGET.audioSampleRateHz} Hz`,
    );
    if (ex.loudness) await checkLoudness(add, file);
  }
  return info;
}

async function checkLoudness(add: Add, file: string): Promise<void> {
  try {
    const m = await measureLoudness(file);
    const problems = loudnessProblems(m);
    const t = OUTPUT_TARGETS.narrationLoudness;
    add(
      'loudness',
      problems.length === 0,
      `${round(m.integratedLufs, 1)} LUFS, TP ${round(m.truePeakDbtp, 1)} dBTP`,
      problems.length
        ? `${problems.join('; ')} (target ${t.integratedLufs} +-${t.toleranceLu} LUFS, TP <= ${t.truePeakDbtp} dBTP)`
        : '',
    );
  } catch (e) {
    add('loudness', false, 'not measured', (e as Error).message);
  }
}

function readCues(add: Add, file: string, check: string): CaptionFileCue[] | null {
  try {
    return parseCaptionFile(readFileSync(file, 'utf8'), /\.srt$/i.test(file) ? 'srt' : 'vtt', file);
  } catch (e) {
    add(check, false, 'unparseable', e instanceof CaptionFileError ? e.message : `${file}: ${(e as Error).message}`);
    return null;
  }
}

function reportProblems(
  add: Add,
  check: string,
  cues: readonly CaptionFileCue[],
  problems: readonly CaptionProblem[],
): void {
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warning');
  if (errors.length === 0) add(check, true, `${cues.length} cues`);
  for (const p of errors) add(check, false, `${cues.length} cues`, p.line ? `line ${p.line}: ${p.message}` : p.message);
  for (const p of warnings)
    add(check, 'warn', `${cues.length} cues`, p.line ? `line ${p.line}: ${p.message}` : p.message);
}

/** Words of a text for comparing captions and transcript: lower case, letters/digits only. */
export function comparableWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]+/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

/** Checks a cut's caption sidecars, chapters and transcript, and that VTT and SRT carry the same cues. */
export function checkCaptionSet(
  rows: CheckRow[],
  dir: string,
  id: string,
  durationMs: number | undefined,
  ex: OutputExpectations,
): void {
  const files = cutFiles(dir, id);
  const rules = ex.captionRules ?? DESIGN_CAPTION_RULES;

  let sceneCutsMs: number[] = [];
  const addCh = rowAdder(rows, dir, files.chaptersVtt);
  if (exists(addCh, files.chaptersVtt)) {
    const chapters = readCues(addCh, files.chaptersVtt, 'chapters');
    if (chapters) {
      reportProblems(addCh, 'chapters', chapters, checkChapterCues(chapters, ex.sceneCount, durationMs));
      sceneCutsMs = chapters.slice(1).map((c) => c.startMs);
    }
  }

  const parsed: Partial<Record<'vtt' | 'srt', CaptionFileCue[]>> = {};
  for (const kind of ['vtt', 'srt'] as const) {
    const file = files[kind];
    const add = rowAdder(rows, dir, file);
    if (!exists(add, file)) continue;
    const cues = readCues(add, file, 'captions');
    if (!cues) continue;
    parsed[kind] = cues;
    reportProblems(add, 'captions', cues, checkCaptionCues(cues, rules, { videoDurationMs: durationMs, sceneCutsMs }));
  }
  if (parsed.vtt && parsed.srt) {
    const add = rowAdder(rows, dir, files.srt);
    const mismatch = firstMismatch(parsed.vtt, parsed.srt);
    add('same cues as .vtt', mismatch === null, `${parsed.srt.length} vs ${parsed.vtt.length} cues`, mismatch ?? '');
  }

  const addTx = rowAdder(rows, dir, files.transcriptTxt);
  if (exists(addTx, files.transcriptTxt)) {
    const transcript = comparableWords(readFileSync(files.transcriptTxt, 'utf8'));
    const cues = parsed.vtt ?? parsed.srt;
    if (transcript.length === 0) addTx('transcript', false, '0 words', 'the transcript is empty');
    else if (cues) {
      const captionWords = comparableWords(cues.map((c) => c.lines.join(' ')).join(' '));
      const missingAt = firstMissingInOrder(captionWords, transcript);
      addTx(
        'transcript',
        missingAt === null,
        `${transcript.length} words`,
        missingAt === null
          ? ''
          : `caption word ${missingAt + 1} "${captionWords[missingAt]}" is not in the transcript (in order): the transcript and captions come from different timings`,
      );
    } else addTx('transcript', 'warn', `${transcript.length} words`, 'no caption file to compare with');
  }
}

/** First difference between two cue lists (timings within 1 ms, same text), or null. */
function firstMismatch(a: readonly CaptionFileCue[], b: readonly CaptionFileCue[]): string | null {
  for (let k = 0; k < Math.max(a.length, b.length); k++) {
    const x = a[k];
    const y = b[k];
    if (!x || !y) return `cue ${k + 1} exists only in the ${x ? '.vtt' : '.srt'}`;
    if (Math.abs(x.startMs - y.startMs) > 1 || Math.abs(x.endMs - y.endMs) > 1) {
      return `cue ${k + 1}: .srt ${formatTimestamp(y.startMs)}-${formatTimestamp(y.endMs)} vs .vtt ${formatTimestamp(x.startMs)}-${formatTimestamp(x.endMs)}`;
    }
    if (x.lines.join(' ').trim() !== y.lines.join(' ').trim())
      return `cue ${k + 1}: text differs ("${y.lines.join(' / ')}" vs "${x.lines.join(' / ')}")`;
  }
  return null;
}

/** Index of the first word of `needles` not found, in order, in `haystack`; null when all are. */
function firstMissingInOrder(needles: readonly string[], haystack: readonly string[]): number | null {
  let h = 0;
  for (let n = 0; n < needles.length; n++) {
    while (h < haystack.length && haystack[h] !== needles[n]) h++;
    if (h >= haystack.length) return n;
    h++;
  }
  return null;
}

/** Checks a still's format and size. */
export async function checkStill(
  rows: CheckRow[],
  dir: string,
  file: string,
  width: number,
  height: number,
  codec: 'png' | 'mjpeg',
): Promise<void> {
  const add = rowAdder(rows, dir, file);
  if (!exists(add, file)) return;
  try {
    const info = await probeMedia(file);
    const v = info.video;
    const ok = !!v && v.codec === codec && v.width === width && v.height === height;
    add(
      'still',
      ok,
      v ? `${v.codec} ${v.width}x${v.height}` : 'no image',
      ok ? '' : `expected ${codec} ${width}x${height}`,
    );
  } catch (e) {
    add('still', false, 'unreadable', (e as Error).message);
  }
}

/** Checks out/embed/: the page, every local script/style/asset it references, and the narration audio's loudness. */
export async function checkEmbed(rows: CheckRow[], dir: string, ex: OutputExpectations): Promise<void> {
  const root = embedDir(dir);
  const page = join(root, 'index.html');
  const add = rowAdder(rows, dir, page);
  if (!exists(add, page)) return;
  const html = readFileSync(page, 'utf8');
  const refs = [...html.matchAll(/\s(?:src|href)="([^"]+)"/g)]
    .map((m) => m[1] ?? '')
    .filter((r) => r && !/^(?:[a-z]+:|\/\/|#|data:)/i.test(r));
  const absolute = refs.filter((r) => r.startsWith('/'));
  const missing = refs.filter((r) => !r.startsWith('/') && !existsSync(join(root, r.split(/[?#]/)[0] ?? '')));
  add(
    'page assets',
    absolute.length === 0 && missing.length === 0 && refs.length > 0,
    `${refs.length} local references`,
    [
      refs.length === 0 ? 'the page references no script' : '',
      absolute.length
        ? `root-absolute paths break on a sub-path server (build with base './'): ${absolute.join(', ')}`
        : '',
      missing.length ? `missing: ${missing.join(', ')}` : '',
    ]
      .filter(Boolean)
      .join('; '),
  );
  const audio = findFiles(root, /\.(wav|mp3|m4a|ogg|opus)$/i);
  const addA = rowAdder(rows, dir, audio[0] ?? join(root, 'narration audio'));
  if (audio.length === 0) addA('narration audio', false, 'missing', 'the embed has no narration audio copied');
  else if (ex.loudness) await checkLoudness(addA, audio[0] as string);
  else addA('narration audio', true, basename(audio[0] as string));
}

function findFiles(root: string, pattern: RegExp): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (pattern.test(e.name)) found.push(full);
    }
  };
  if (existsSync(root)) walk(root);
  return found.sort();
}

/** Runs every check on an output directory. `onProgress` gets a line per file group (checks take a few seconds each). */
export async function checkOutputs(
  dir: string,
  ex: OutputExpectations,
  onProgress: (line: string) => void = () => {},
): Promise<CheckRow[]> {
  const rows: CheckRow[] = [];
  if (!existsSync(dir)) {
    rows.push({
      file: dir,
      check: 'output directory',
      status: 'fail',
      measured: 'missing',
      detail: `no ${dir}: run \`npm run render:all\` first`,
    });
    return rows;
  }
  const known = new Set<string>();
  for (const cut of ex.cuts) {
    onProgress(`checking ${cut.id}`);
    const files = cutFiles(dir, cut.id);
    known.add(files.mp4);
    const info = await checkMp4(rows, dir, files.mp4, cut, ex);
    const durationMs = info ? info.durationS * 1000 : (cut.durationInFrames / cut.fps) * 1000;
    checkCaptionSet(rows, dir, cut.id, durationMs, ex);
    await checkStill(rows, dir, files.posterPng, cut.width, cut.height, 'png');
    await checkStill(rows, dir, files.posterJpg, cut.width, cut.height, 'mjpeg');
  }
  // Other MP4s beside the cuts (a test render, the placeholder) are not published: checked, but only warned about.
  for (const other of findFiles(dir, /\.mp4$/i).filter((f) => !known.has(f) && dirname(f) === dir)) {
    onProgress(`checking ${basename(other)}`);
    const own: CheckRow[] = [];
    await checkMp4(own, dir, other, null, ex);
    for (const row of own) {
      if (row.status === 'fail')
        rows.push({
          ...row,
          status: 'warn',
          detail: `not a published cut (remove it before publishing): ${row.detail}`,
        });
      else if (row.status === 'warn') rows.push(row);
    }
  }
  if (ex.socialCard) await checkStill(rows, dir, socialCardFile(dir), ex.socialCard.width, ex.socialCard.height, 'png');
  if (ex.embed) {
    onProgress('checking embed');
    await checkEmbed(rows, dir, ex);
  }
  if (ex.manifest) {
    onProgress('checking manifest');
    const file = manifestFile(dir);
    const add = rowAdder(rows, dir, file);
    if (exists(add, file)) {
      try {
        const manifest = JSON.parse(readFileSync(file, 'utf8')) as OutputManifest;
        const { problems, unlisted } = await verifyManifest(dir, manifest);
        if (problems.length === 0) add('sizes and SHA-256', true, `${manifest.files.length} files`);
        for (const p of problems)
          add('sizes and SHA-256', false, `${manifest.files.length} files`, `${p}: re-run \`npm run render:all\``);
        if (unlisted.length)
          add(
            'unlisted files',
            'warn',
            `${unlisted.length} files`,
            `not part of the publishing set: ${unlisted.slice(0, 5).join(', ')}${unlisted.length > 5 ? ', ...' : ''}`,
          );
      } catch (e) {
        add('sizes and SHA-256', false, 'unreadable', `${file}: ${(e as Error).message}`);
      }
    }
  }
  return rows;
}

function round(x: number, digits: number): string {
  return Number.isFinite(x) ? x.toFixed(digits) : String(x);
}
