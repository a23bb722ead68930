import { OUTPUT_TARGETS } from './outputTargets';
import type { LoudnessMeasurement } from '../voiceover/loudness';

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
