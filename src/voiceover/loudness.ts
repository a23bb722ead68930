/**
 * Loudness: the one measurement (EBU R 128 with ffmpeg's ebur128 filter, true
 * peak on) that the voice pipeline reports and check:outputs judges, and the
 * two-pass normalisation with ffmpeg's loudnorm filter (shared/voice-notes.md):
 * pass 1 measures, pass 2 applies a linear gain to reach the narration target
 * (src/publish/outputTargets.ts), resampled to the output rate.
 */
import { produceFileAtomicSync } from '../publish/atomicWrite';
import { OUTPUT_TARGETS } from '../publish/outputTargets';
import { runTool, runToolSync } from '../publish/runTool';

/** EBU R 128 measurement of one audio track. */
export interface LoudnessMeasurement {
  /** Integrated loudness, LUFS. */
  integratedLufs: number;
  /** Loudness range, LU. */
  rangeLu: number;
  /** Maximum true peak over all channels, dBTP (dBFS of the 4x oversampled signal). */
  truePeakDbtp: number;
}

/**
 * Reads the Summary block that ffmpeg's ebur128 filter prints at the end:
 *
 *   Integrated loudness:
 *     I:         -16.0 LUFS
 *   ...
 *   Loudness range:
 *     LRA:         5.3 LU
 *   ...
 *   True peak:
 *     Peak:       -1.6 dBFS
 */
export function parseEbur128Summary(stderr: string): LoudnessMeasurement {
  const at = stderr.lastIndexOf('Summary:');
  if (at < 0) throw new Error('ffmpeg ebur128 printed no Summary block (is there an audio stream?).');
  const summary = stderr.slice(at);
  const num = (re: RegExp, what: string): number => {
    const m = summary.match(re);
    if (!m?.[1]) throw new Error(`ffmpeg ebur128 Summary has no ${what}.`);
    return m[1] === '-inf' ? -Infinity : Number(m[1]);
  };
  return {
    integratedLufs: num(/I:\s+(-?inf|-?[\d.]+) LUFS/, 'integrated loudness'),
    rangeLu: num(/LRA:\s+(-?inf|-?[\d.]+) LU/, 'loudness range'),
    truePeakDbtp: num(/True peak:\s+Peak:\s+(-?inf|-?[\d.]+) dBFS/, 'true peak (peak=true)'),
  };
}

/** Measures the first audio stream of `path` with ffmpeg's ebur128 filter (true peak on). */
export async function measureLoudness(path: string): Promise<LoudnessMeasurement> {
  const r = await runTool(
    'ffmpeg',
    ['-hide_banner', '-nostats', '-i', path, '-map', '0:a:0', '-af', 'ebur128=peak=true', '-f', 'null', '-'],
    { allowFailure: true },
  );
  if (r.code !== 0) {
    const last = r.stderr.trim().split('\n').slice(-3).join(' / ');
    throw new Error(`ffmpeg could not measure loudness of ${path}: ${last}`);
  }
  return parseEbur128Summary(r.stderr);
}

/** loudnorm's first-pass figures: what its second pass needs to apply one linear gain. */
interface LoudnormPass1 {
  integratedLufs: number;
  truePeakDbtp: number;
  lraLu: number;
  thresholdLufs: number;
  offsetLu: number;
}

const { narrationLoudness: target } = OUTPUT_TARGETS;
const filterBase = `loudnorm=I=${target.integratedLufs}:TP=${target.truePeakDbtp}:LRA=${target.lraLu}`;

function runLoudnorm(args: string[], what: string): Record<string, string> {
  const r = runToolSync('ffmpeg', ['-hide_banner', '-nostdin', ...args], { label: `(loudnorm, ${what})` });
  const json = r.stderr.slice(r.stderr.lastIndexOf('{'), r.stderr.lastIndexOf('}') + 1);
  return JSON.parse(json) as Record<string, string>;
}

function loudnormPass1(path: string): LoudnormPass1 {
  const j = runLoudnorm(['-i', path, '-af', `${filterBase}:print_format=json`, '-f', 'null', '-'], `measuring ${path}`);
  return {
    integratedLufs: Number(j.input_i),
    truePeakDbtp: Number(j.input_tp),
    lraLu: Number(j.input_lra),
    thresholdLufs: Number(j.input_thresh),
    offsetLu: Number(j.target_offset),
  };
}

/**
 * ffmpeg output options for a narration WAV: mono, the output sample rate, 16-bit PCM, no metadata and
 * bit-exact, so the same input always gives the same bytes (the voice files are committed).
 */
export const NARRATION_PCM_ARGS: readonly string[] = [
  '-ac',
  '1',
  '-ar',
  String(OUTPUT_TARGETS.audioSampleRateHz),
  '-c:a',
  'pcm_s16le',
  '-map_metadata',
  '-1',
  '-fflags',
  '+bitexact',
  '-flags:a',
  '+bitexact',
];

/**
 * Normalises `input` to the narration target, mono 16-bit WAV at the output
 * rate at `output` (written to a temp file, then renamed). Silent input
 * (nothing above the gate) is copied at unity gain.
 */
export function normaliseLoudness(input: string, output: string): void {
  const m = loudnormPass1(input);
  produceFileAtomicSync(output, (tmp) => {
    const common = [...NARRATION_PCM_ARGS, '-y', tmp];
    if (!Number.isFinite(m.integratedLufs)) {
      runToolSync('ffmpeg', ['-hide_banner', '-nostdin', '-loglevel', 'error', '-i', input, ...common], {
        label: `copying silent ${input}`,
      });
    } else {
      const pass2 =
        `${filterBase}:measured_I=${m.integratedLufs}:measured_TP=${m.truePeakDbtp}:measured_LRA=${m.lraLu}` +
        `:measured_thresh=${m.thresholdLufs}:offset=${m.offsetLu}:linear=true:print_format=json`;
      runLoudnorm(['-i', input, '-af', pass2, ...common], `normalising ${input}`);
    }
  });
}

/** The narration target check:outputs holds every published audio track to. */
export type LoudnessTarget = Pick<
  typeof OUTPUT_TARGETS.narrationLoudness,
  'integratedLufs' | 'toleranceLu' | 'truePeakDbtp'
>;

/** Problems with a measurement (src/voiceover/loudness.ts measureLoudness) against the target; empty when it passes. */
export function loudnessProblems(
  m: LoudnessMeasurement,
  target: LoudnessTarget = OUTPUT_TARGETS.narrationLoudness,
): string[] {
  const problems: string[] = [];
  const off = m.integratedLufs - target.integratedLufs;
  if (!(Math.abs(off) <= target.toleranceLu)) {
    problems.push(
      `integrated ${m.integratedLufs.toFixed(1)} LUFS is ${Math.abs(off).toFixed(1)} LU ${off > 0 ? 'louder' : 'quieter'} than ${target.integratedLufs} LUFS (allowed +-${target.toleranceLu}): re-run \`npm run voiceover\` (two-pass loudnorm)`,
    );
  }
  if (!(m.truePeakDbtp <= target.truePeakDbtp)) {
    problems.push(`true peak ${m.truePeakDbtp.toFixed(1)} dBTP is above ${target.truePeakDbtp} dBTP`);
  }
  return problems;
}
