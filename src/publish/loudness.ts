import { runTool } from './runTool';

/** EBU R 128 measurement of one audio track. */
export interface LoudnessMeasurement {
  /** Integrated loudness, LUFS. */
  integratedLufs: number;
  /** Loudness range, LU. */
  rangeLu: number;
  /** Maximum true peak over all channels, dBTP (dBFS of the 4x oversampled signal). */
  truePeakDbtp: number;
}

/** Publishing target for narration (shared/DESIGN.md, shared/voice-notes.md): -16 LUFS +-1 LU, true peak <= -1.5 dBTP. */
export const NARRATION_LOUDNESS_TARGET = { integratedLufs: -16, toleranceLu: 1, maxTruePeakDbtp: -1.5 } as const;

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
  const r = await runTool('ffmpeg', [
    '-hide_banner',
    '-nostats',
    '-i',
    path,
    '-map',
    '0:a:0',
    '-af',
    'ebur128=peak=true',
    '-f',
    'null',
    '-',
  ]);
  if (r.code !== 0) {
    const last = r.stderr.trim().split('\n').slice(-3).join(' / ');
    throw new Error(`ffmpeg could not measure loudness of ${path}: ${last}`);
  }
  return parseEbur128Summary(r.stderr);
}

/** Problems with a measurement against the narration target; empty when it passes. */
export function loudnessProblems(m: LoudnessMeasurement, target = NARRATION_LOUDNESS_TARGET): string[] {
  const problems: string[] = [];
  const off = m.integratedLufs - target.integratedLufs;
  if (!(Math.abs(off) <= target.toleranceLu)) {
    problems.push(
      `integrated ${m.integratedLufs.toFixed(1)} LUFS is ${Math.abs(off).toFixed(1)} LU ${off > 0 ? 'louder' : 'quieter'} than ${target.integratedLufs} LUFS (allowed +-${target.toleranceLu}): re-run \`npm run voiceover\` (two-pass loudnorm)`,
    );
  }
  if (!(m.truePeakDbtp <= target.maxTruePeakDbtp)) {
    problems.push(`true peak ${m.truePeakDbtp.toFixed(1)} dBTP is above ${target.maxTruePeakDbtp} dBTP`);
  }
  return problems;
}
