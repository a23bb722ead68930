/**
 * A human narrator's recording instead of the synthetic voice: the script is
 * force-aligned to the audio offline with pocketsphinx 0.8 (Debian), as measured
 * in shared/voice-notes.md:
 *  - a one-path JSGF grammar of the script's spoken tokens (w0 w1 w2 ...), one
 *    dictionary entry per grammar position (festival's pronunciation, plus the
 *    CMU dictionary's variants of the same word);
 *  - `pocketsphinx_batch` (not _continuous, which splits at pauses) on 16 kHz mono
 *    16-bit audio with `-remove_silence no` (the default VAD shifts times by up to 0.78 s);
 *  - word times from `-hypseg` (10 ms frames).
 * A whole-script recording is cut into scenes in the silences between them.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { produceFileAtomicSync } from '../publish/atomicWrite';
import { runToolSync } from '../publish/runTool';
import type { NarrationScript, ScriptScene } from '../script/script';
import type { SceneId } from '../script/sceneIds';
import type { VoiceTimings } from '../timeline/types';
import { spokenPieces, type WordSpanMs } from './festival';
import { NARRATION_PCM_ARGS, normaliseLoudness } from './loudness';
import { writeVoiceOutputs, type OutputPaths, type SceneAudio, type WrittenOutputs } from './outputs';
import type { SyntheticVoiceSettings } from './settings';
import { synthesiseScript } from './synthetic';
import { readWav, writeWavAtomic } from './wav';

const SPHINX_MODEL_DIR = '/usr/share/pocketsphinx/model/en-us';
/** pocketsphinx frame length, ms (default -frate 100). */
const FRAME_MS = 10;
/**
 * Silence kept before a scene's first word and after its last when cutting a whole
 * recording, ms: like festival's own scene audio (~200 ms before, ~0 after), so a
 * recorded scene is timed like a synthetic one; the timeline adds the breathing room.
 */
const SCENE_LEAD_MS = 200;
const SCENE_TAIL_MS = 120;

/** One spoken token of a scene with its pronunciation(s) in the CMU/sphinx phone set. */
export interface AlignToken {
  /** Festival's token name, for messages. */
  name: string;
  /** Alternative pronunciations, e.g. ["DH AH", "DH IY"]. */
  pronunciations: string[];
  /** Scene index and caption-word index this token belongs to. */
  scene: number;
  word: number;
}

const schemeString = (s: string): string => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

let cmuDict: Map<string, string[]> | null = null;
/** The pocketsphinx CMU dictionary, word -> pronunciations. */
function cmuPronunciations(): Map<string, string[]> {
  if (cmuDict) return cmuDict;
  cmuDict = new Map();
  for (const line of readFileSync(join(SPHINX_MODEL_DIR, 'cmudict-en-us.dict'), 'utf8').split('\n')) {
    const [w, ...ph] = line.trim().split(/\s+/);
    if (!w || ph.length === 0) continue;
    const word = w.replace(/\(\d+\)$/, '');
    const list = cmuDict.get(word) ?? [];
    list.push(ph.join(' '));
    cmuDict.set(word, list);
  }
  return cmuDict;
}

/** festival phone (cmu lexicon, radio phone set) -> sphinx phone. */
const sphinxPhone = (p: string): string => (p === 'ax' ? 'AH' : p.toUpperCase());

/**
 * Tokens and pronunciations of the scenes' spoken text, from festival's own text
 * analysis (so numbers and letters expand as the synthetic voice says them) and
 * lexicon (letter-to-sound rules for words no dictionary has).
 */
export function alignTokens(scenes: readonly ScriptScene[]): AlignToken[] {
  const dir = mkdtempSync(join(tmpdir(), 'align-pron-'));
  try {
    const calls = scenes
      .map((s) => `(format t "SCENE\\n")\n(vo_tokens ${schemeString(spokenPieces(s).pieces.join(' '))})`)
      .join('\n');
    const scm = `
(voice_cmu_us_slt_arctic_hts)
(define (vo_top tok) (if tok (cons tok (vo_top (item.next tok))) nil))
(define (vo_phones entry) (if entry (apply append (mapcar car (car (cdr (cdr entry))))) nil))
(define (vo_tokens text)
  (let ((u (eval (list 'Utterance 'Text text))))
    (Initialize u) (Text u) (Token_POS u) (Token u)
    (mapcar (lambda (tok)
        (format t "TOK\\t%l\\t%s\\n" (apply append (mapcar (lambda (w) (vo_phones (lex.lookup (item.name w) nil))) (item.daughters tok))) (item.name tok)))
      (vo_top (utt.relation.first u 'Token)))))
${calls}
`;
    const file = join(dir, 'pron.scm');
    writeFileSync(file, scm);
    const out = runToolSync('festival', ['-b', file], { label: 'looking up pronunciations' }).stdout;
    const perScene: { phones: string[]; name: string }[][] = [];
    for (const line of out.split('\n')) {
      if (line === 'SCENE') perScene.push([]);
      else if (line.startsWith('TOK\t')) {
        const [, ph = '', name = ''] = line.split('\t');
        perScene[perScene.length - 1]!.push({
          phones: ph.replace(/[()]/g, ' ').trim().split(/\s+/).filter(Boolean),
          name,
        });
      }
    }
    const cmu = cmuPronunciations();
    const tokens: AlignToken[] = [];
    scenes.forEach((s, si) => {
      const { pieces, owner } = spokenPieces(s);
      const toks = perScene[si] ?? [];
      if (toks.length !== pieces.length) {
        throw new Error(
          `scene ${s.id}: festival made ${toks.length} tokens from ${pieces.length} spoken pieces; simplify the spoken form`,
        );
      }
      toks.forEach((t, k) => {
        if (t.phones.length === 0)
          throw new Error(
            `scene ${s.id}: no pronunciation for "${t.name}" (line ${s.words[owner[k]!]!.line}); give it a spoken form`,
          );
        const festivalPron = t.phones.map(sphinxPhone).join(' ');
        const variants = cmu.get(t.name.toLowerCase()) ?? [];
        tokens.push({
          name: t.name,
          pronunciations: [festivalPron, ...variants.filter((v) => v !== festivalPron)],
          scene: si,
          word: owner[k]!,
        });
      });
    });
    return tokens;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Token times in the audio, ms. */
export interface TokenSpanMs {
  startMs: number;
  endMs: number;
}

/**
 * Aligns tokens to 16 kHz mono 16-bit raw PCM with pocketsphinx_batch.
 * @throws when the decoder finds no path through the grammar (the recording does not say the script)
 */
export function alignPcm16k(raw16kPath: string, tokens: readonly AlignToken[], workDir: string): TokenSpanMs[] {
  const dict =
    tokens.flatMap((t, i) => t.pronunciations.map((p, k) => `w${i}${k === 0 ? '' : `(${k + 1})`} ${p}`)).join('\n') +
    '\n';
  const grammar = `#JSGF V1.0;\ngrammar script;\npublic <script> = ${tokens.map((_, i) => `w${i}`).join(' ')} ;\n`;
  writeFileSync(join(workDir, 'align.dict'), dict);
  writeFileSync(join(workDir, 'align.jsgf'), grammar);
  writeFileSync(join(workDir, 'align.ctl'), 'rec\n');
  const seg = join(workDir, 'align.seg');
  const log = join(workDir, 'align.log');
  rmSync(seg, { force: true });
  try {
    runToolSync('pocketsphinx_batch', [
      '-hmm',
      join(SPHINX_MODEL_DIR, 'en-us'),
      '-dict',
      join(workDir, 'align.dict'),
      '-jsgf',
      join(workDir, 'align.jsgf'),
      '-ctl',
      join(workDir, 'align.ctl'),
      '-cepdir',
      workDir,
      '-cepext',
      '.raw',
      '-adcin',
      'yes',
      '-adchdr',
      '0',
      '-samprate',
      '16000',
      '-remove_silence',
      'no',
      '-hypseg',
      seg,
      '-logfn',
      log,
    ]);
  } catch (e) {
    throw new Error(
      `pocketsphinx_batch failed: ${(e as Error).message}\nlog: ${existsSync(log) ? readFileSync(log, 'utf8').slice(-1500) : '(none)'}`,
      { cause: e },
    );
  }
  const line = readFileSync(seg, 'utf8').trim();
  // "rec S <scale> T <total> A <ascr> L <lscr> {<sf> <ascr> <lscr> <word>}* <ef>"
  const f = line.split(/\s+/);
  const entries: { sf: number; word: string }[] = [];
  let i = 9;
  for (; i + 3 < f.length; i += 4) entries.push({ sf: Number(f[i]), word: f[i + 3]! });
  const lastFrame = Number(f[f.length - 1]);
  const spans: (TokenSpanMs | null)[] = tokens.map(() => null);
  entries.forEach((e, k) => {
    const m = /^w(\d+)(\(\d+\))?$/.exec(e.word);
    if (!m) return;
    const endFrame = k + 1 < entries.length ? entries[k + 1]!.sf : lastFrame + 1;
    spans[Number(m[1])] = { startMs: e.sf * FRAME_MS, endMs: endFrame * FRAME_MS };
  });
  const missing = spans.findIndex((s) => s === null);
  if (missing >= 0) {
    throw new Error(
      `alignment failed: the recording does not seem to say the script (no match from "${tokens[missing]!.name}", token ${missing + 1} of ${tokens.length}). ` +
        'Check that the recording follows captions/narration.script.md word for word, or use --scene for a one-scene take.',
    );
  }
  return spans as TokenSpanMs[];
}

/** Per-scene caption-word spans from token spans (ms in the aligned audio). */
function wordSpans(
  scenes: readonly ScriptScene[],
  tokens: readonly AlignToken[],
  spans: readonly TokenSpanMs[],
): WordSpanMs[][] {
  const out: WordSpanMs[][] = scenes.map((s) => s.words.map(() => ({ startMs: Infinity, endMs: -Infinity })));
  tokens.forEach((t, k) => {
    const w = out[t.scene]![t.word]!;
    w.startMs = Math.min(w.startMs, spans[k]!.startMs);
    w.endMs = Math.max(w.endMs, spans[k]!.endMs);
  });
  return out;
}

/**
 * Aligns a recording of the given scenes, in order. Returns each caption word's
 * times in ms from the start of the recording.
 */
export function alignRecordingWords(recordingPath: string, scenes: readonly ScriptScene[]): WordSpanMs[][] {
  const dir = mkdtempSync(join(tmpdir(), 'align-'));
  try {
    const raw = join(dir, 'rec.raw');
    runToolSync('ffmpeg', [
      '-hide_banner',
      '-nostdin',
      '-loglevel',
      'error',
      '-i',
      recordingPath,
      '-ac',
      '1',
      '-ar',
      '16000',
      '-f',
      's16le',
      '-c:a',
      'pcm_s16le',
      '-y',
      raw,
    ]);
    const tokens = alignTokens(scenes);
    return wordSpans(scenes, tokens, alignPcm16k(raw, tokens, dir));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface AlignRecordingOptions {
  script: NarrationScript;
  /** WAV (or any format ffmpeg reads) of the whole script, or of one scene with `scene`. */
  recording: string;
  scene?: SceneId;
  /** Voice for the scenes not in a one-scene recording. */
  voice: SyntheticVoiceSettings;
  cacheDir: string;
  paths: OutputPaths;
  fps: number;
  log: (m: string) => void;
}

/**
 * Replaces the synthetic narration with a recording (whole script, or one scene
 * with the others synthetic) and writes the same outputs as the synthetic path:
 * timings, scene WAVs and the normalised narration track.
 */
export function alignRecording(opts: AlignRecordingOptions): WrittenOutputs {
  const { script, recording, scene: onlyScene, log } = opts;
  if (!existsSync(recording)) throw new Error(`--recording ${recording}: file not found`);
  const sha = createHash('sha256').update(readFileSync(recording)).digest('hex').slice(0, 16);
  const scenes = onlyScene ? script.scenes.filter((s) => s.id === onlyScene) : script.scenes;
  log(
    `aligning ${basename(recording)} to ${onlyScene ? `scene ${onlyScene}` : `all ${scenes.length} scenes`} (pocketsphinx)...`,
  );
  const spans = alignRecordingWords(recording, scenes);

  // The recording at 48 kHz, cut into scenes in the silences between them.
  const dir = join(opts.cacheDir, `recording-${sha}`);
  mkdirSync(dir, { recursive: true });
  const full48 = join(dir, 'full48k.wav');
  produceFileAtomicSync(full48, (tmp) =>
    runToolSync(
      'ffmpeg',
      ['-hide_banner', '-nostdin', '-loglevel', 'error', '-i', recording, ...NARRATION_PCM_ARGS, '-y', tmp],
      { label: `converting ${recording}` },
    ),
  );
  const pcm = readWav(full48);
  const totalMs = (pcm.samples.length * 1000) / pcm.sampleRateHz;
  const recorded: SceneAudio[] = scenes.map((s, i) => {
    const words = spans[i]!;
    const first = words[0]!.startMs;
    const last = words[words.length - 1]!.endMs;
    const prevEnd = i > 0 ? spans[i - 1]!.at(-1)!.endMs : 0;
    const nextStart = i + 1 < scenes.length ? spans[i + 1]![0]!.startMs : totalMs;
    const cutStart = Math.max(first - SCENE_LEAD_MS, i > 0 ? (prevEnd + first) / 2 : 0);
    const cutEnd = Math.min(last + SCENE_TAIL_MS, i + 1 < scenes.length ? (last + nextStart) / 2 : totalMs);
    const a = Math.round((cutStart * pcm.sampleRateHz) / 1000);
    const b = Math.round((cutEnd * pcm.sampleRateHz) / 1000);
    const segPath = join(dir, `${s.id}.cut.wav`);
    writeWavAtomic(segPath, { sampleRateHz: pcm.sampleRateHz, samples: pcm.samples.slice(a, b) });
    const wav48Path = join(dir, `${s.id}.48k.wav`);
    normaliseLoudness(segPath, wav48Path);
    const offsetMs = (a * 1000) / pcm.sampleRateHz;
    return {
      scene: s,
      wav48Path,
      words: words.map((w) => ({ startMs: Math.round(w.startMs - offsetMs), endMs: Math.round(w.endMs - offsetMs) })),
    };
  });

  let all: SceneAudio[] = recorded;
  let voice: VoiceTimings['voice'] = {
    engine: 'pocketsphinx-align',
    voice: `recording ${basename(recording)} sha256:${sha}`,
    rate: 1,
    source: 'recording',
  };
  if (onlyScene) {
    const synthetic = synthesiseScript(script, opts.voice, opts.cacheDir, (p) =>
      log(
        `[${p.index + 1}/${p.total}] ${p.sceneId}: ${p.sceneId === onlyScene ? 'recorded' : p.cached ? 'unchanged (cached)' : 'synthesising...'}`,
      ),
    );
    all = synthetic.map((a) => (a.scene.id === onlyScene ? recorded[0]! : a));
    voice = {
      engine: 'festival+pocketsphinx-align',
      voice: `${opts.voice.voice}; ${onlyScene}: recording ${basename(recording)} sha256:${sha}`,
      rate: opts.voice.rate,
      source: 'recording',
    };
  }
  return writeVoiceOutputs(script, all, voice, opts.paths, opts.fps, log);
}
