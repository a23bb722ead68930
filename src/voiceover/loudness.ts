/**
 * Two-pass EBU R128 loudness normalisation with ffmpeg's loudnorm filter
 * (shared/voice-notes.md): pass 1 measures, pass 2 applies a linear gain to reach
 * -16 LUFS integrated with the true peak at most -1.5 dBTP, resampled to 48 kHz.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { renameSync, rmSync } from 'node:fs';
import { LOUDNESS_TARGET, OUTPUT_SAMPLE_RATE_HZ } from './settings';

export interface LoudnessMeasurement {
  /** Integrated loudness, LUFS. */
  integratedLufs: number;
  /** True peak, dBTP. */
  truePeakDbtp: number;
  /** Loudness range, LU. */
  lraLu: number;
  /** Gating threshold, LUFS. */
  thresholdLufs: number;
  /** loudnorm's target offset, LU. */
  offsetLu: number;
}

const filterBase = `loudnorm=I=${LOUDNESS_TARGET.integratedLufs}:TP=${LOUDNESS_TARGET.truePeakDbtp}:LRA=${LOUDNESS_TARGET.lraLu}`;

function runLoudnorm(args: string[], what: string): Record<string, string> {
  const r = spawnSync('ffmpeg', ['-hide_banner', '-nostdin', ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`ffmpeg loudnorm failed (${what}): ${r.stderr.slice(-1500)}`);
  const json = r.stderr.slice(r.stderr.lastIndexOf('{'), r.stderr.lastIndexOf('}') + 1);
  return JSON.parse(json) as Record<string, string>;
}

/** Measures a file's loudness (loudnorm's first pass). */
export function measureLoudness(path: string): LoudnessMeasurement {
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
 * Normalises `input` to -16 LUFS / -1.5 dBTP, mono 16-bit 48 kHz WAV at `output`
 * (written to a temp file, then renamed). Silent input (nothing above the gate) is
 * copied at unity gain. Returns the loudness measured before.
 */
export function normaliseLoudness(input: string, output: string): LoudnessMeasurement {
  const m = measureLoudness(input);
  const tmp = `${output}.tmp-${process.pid}.wav`;
  const common = [
    '-ac',
    '1',
    '-ar',
    String(OUTPUT_SAMPLE_RATE_HZ),
    '-c:a',
    'pcm_s16le',
    '-map_metadata',
    '-1',
    '-fflags',
    '+bitexact',
    '-flags:a',
    '+bitexact',
    '-y',
    tmp,
  ];
  try {
    if (!Number.isFinite(m.integratedLufs)) {
      execFileSync('ffmpeg', ['-hide_banner', '-nostdin', '-loglevel', 'error', '-i', input, ...common]);
    } else {
      const pass2 =
        `${filterBase}:measured_I=${m.integratedLufs}:measured_TP=${m.truePeakDbtp}:measured_LRA=${m.lraLu}` +
        `:measured_thresh=${m.thresholdLufs}:offset=${m.offsetLu}:linear=true:print_format=json`;
      runLoudnorm(['-i', input, '-af', pass2, ...common], `normalising ${input}`);
    }
    renameSync(tmp, output);
  } finally {
    rmSync(tmp, { force: true });
  }
  return m;
}
