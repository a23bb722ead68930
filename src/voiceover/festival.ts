/**
 * Festival (slt HTS) synthesis of one scene with exact word times read from
 * festival's own utterance structure (shared/voice-notes.md): a tts_hooks function
 * walks the Token relation; each token's Words lead through SylStructure to their
 * first and last Segment, whose start/end are the word's times.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runToolSync, ToolError } from '../publish/runTool';
import type { ScriptScene } from '../script/script';
import type { SyntheticVoiceSettings } from './settings';

/** Times of one caption word in the scene audio, ms. */
export interface WordSpanMs {
  startMs: number;
  endMs: number;
}

export interface SynthesisResult {
  /** Raw festival WAV (16-bit mono, voice's native rate). */
  wavPath: string;
  sampleRateHz: number;
  durationMs: number;
  /** One entry per caption word of the scene. */
  words: WordSpanMs[];
}

/**
 * The whitespace-separated pieces of a scene's spoken text, each with the index of
 * the caption word it belongs to. Festival makes exactly one Token per piece.
 */
export function spokenPieces(scene: ScriptScene): { pieces: string[]; owner: number[] } {
  const owner: number[] = [];
  const pieces: string[] = [];
  scene.words.forEach((w, i) => {
    for (const p of w.spoken.split(/\s+/).filter(Boolean)) {
      pieces.push(p);
      owner.push(i);
    }
  });
  return { pieces, owner };
}

/** Scheme: logs every token (word count, first segment start, last segment end) and each utterance's sample offset. */
function hookScheme(voice: SyntheticVoiceSettings): string {
  return `
(voice_${voice.voice})
(set! hts_engine_params (append hts_engine_params '(("-r" ${voice.rate.toFixed(4)}))))
(defvar vo_offset_samples 0)
(define (vo_count l) (if l (+ 1 (vo_count (cdr l))) 0))
(define (vo_top_tokens tok) (if tok (cons tok (vo_top_tokens (item.next tok))) nil))
(define (vo_log_words utt)
  (format t "UTT\\t%d\\t%d\\n" vo_offset_samples (get_param 'sample_rate (wave.info (utt.wave utt)) 0))
  (mapcar
   (lambda (tok)
     (let ((ws (item.daughters tok)) (first nil) (lastseg nil))
       (mapcar
        (lambda (w)
          (let ((syls (item.daughters (item.relation w 'SylStructure))))
            (if syls
              (begin
                (if (not first) (set! first (item.daughter1 (car syls))))
                (set! lastseg (item.daughtern (car (last syls))))))))
        ws)
       (if first
         (format t "TOK\\t%d\\t%f\\t%f\\t%s\\n" (vo_count ws) (item.feat first "segment_start") (item.feat lastseg "end") (item.name tok))
         (format t "TOK\\t0\\t-1\\t-1\\t%s\\n" (item.name tok)))))
   (vo_top_tokens (utt.relation.first utt 'Token)))
  (set! vo_offset_samples (+ vo_offset_samples (get_param 'num_samples (wave.info (utt.wave utt)) 0)))
  utt)
(set! tts_hooks (list utt.synth vo_log_words save_record_wave_fp))
`;
}

/**
 * Synthesises the scene's spoken text to `outWav` and returns per-caption-word times.
 * Each caption word's spoken form is one or more whitespace-separated tokens; festival
 * makes one Token per piece, so tokens map back to caption words in order.
 *
 * @throws when festival fails or its tokens cannot be matched to the script words
 */
export function synthesiseScene(scene: ScriptScene, voice: SyntheticVoiceSettings, outWav: string): SynthesisResult {
  const dir = mkdtempSync(join(tmpdir(), 'voice-'));
  try {
    const { pieces, owner } = spokenPieces(scene);
    const textPath = join(dir, 'scene.txt');
    const hookPath = join(dir, 'hook.scm');
    writeFileSync(textPath, pieces.join(' ') + '\n');
    writeFileSync(hookPath, hookScheme(voice));
    let out: string;
    try {
      out = runToolSync('text2wave', ['-eval', hookPath, '-o', outWav, textPath]).stdout;
    } catch (e) {
      const why = e instanceof ToolError && e.result ? e.result.stderr.trim() || e.message : (e as Error).message;
      throw new Error(
        `festival failed on scene ${scene.id}: ${why}\nIs festvox-us-slt-hts installed? (npm run voiceover installs it as root)`,
        { cause: e },
      );
    }
    let offsetSamples = 0;
    let sampleRateHz = 0;
    const tokens: { start: number; end: number; name: string; words: number }[] = [];
    for (const line of out.split('\n')) {
      const f = line.split('\t');
      if (f[0] === 'UTT') {
        offsetSamples = Number(f[1]);
        sampleRateHz = Number(f[2]);
      } else if (f[0] === 'TOK') {
        const words = Number(f[1]);
        const off = offsetSamples / sampleRateHz;
        tokens.push({
          words,
          start: words ? Number(f[2]) + off : -1,
          end: words ? Number(f[3]) + off : -1,
          name: f.slice(4).join('\t'),
        });
      }
    }
    if (tokens.length !== pieces.length) {
      throw new Error(
        `scene ${scene.id}: festival made ${tokens.length} tokens from ${pieces.length} spoken pieces; ` +
          `tokens: ${tokens.map((t) => t.name).join(' | ')}. Simplify the spoken form (no lone punctuation).`,
      );
    }
    const words: WordSpanMs[] = scene.words.map(() => ({ startMs: Infinity, endMs: -Infinity }));
    tokens.forEach((t, k) => {
      if (t.words === 0) return;
      const w = words[owner[k]!]!;
      w.startMs = Math.min(w.startMs, Math.round(t.start * 1000));
      w.endMs = Math.max(w.endMs, Math.round(t.end * 1000));
    });
    words.forEach((w, i) => {
      if (!Number.isFinite(w.startMs)) {
        throw new Error(
          `scene ${scene.id}: festival did not speak "${scene.words[i]!.text}" (line ${scene.words[i]!.line}); give it a spoken form in the "## say" list`,
        );
      }
    });
    const durationMs = wavDurationMs(outWav);
    return { wavPath: outWav, sampleRateHz, durationMs, words };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Duration of a WAV file, ms (via soxi-compatible header read). */
export function wavDurationMs(path: string): number {
  const out = runToolSync('ffprobe', [
    '-v',
    'error',
    '-show_entries',
    'stream=duration',
    '-of',
    'csv=p=0',
    path,
  ]).stdout;
  return Math.round(Number(out.trim()) * 1000);
}
