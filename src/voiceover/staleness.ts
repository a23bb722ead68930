import { readFileSync } from 'node:fs';
import { parseScript } from '../script/script';
import type { VoiceTimings } from '../timeline/types';
import { computeScriptHash } from './scriptHash';

export interface StalenessResult {
  fresh: boolean;
  expectedHash: string;
  actualHash: string;
  /** What to do when stale. */
  message: string;
}

/**
 * Compares captions/timings.json with the script: the timings are fresh when
 * their scriptHash equals the hash of the current script + the voice they record.
 * Also checks that the scene ids and per-scene word counts match.
 */
export function checkTimingsFresh(
  scriptText: string,
  timings: VoiceTimings,
  scriptFile = 'captions/narration.script.md',
): StalenessResult {
  const script = parseScript(scriptText, scriptFile);
  const expectedHash = computeScriptHash(script, timings.voice);
  const problems: string[] = [];
  if (expectedHash !== timings.scriptHash) problems.push('scriptHash differs from the script');
  script.scenes.forEach((s, i) => {
    const t = timings.scenes[i];
    if (!t || t.id !== s.id)
      problems.push(`scene ${i + 1} is "${t?.id ?? 'missing'}" in the timings but "${s.id}" in the script`);
    else if (t.words.length !== s.words.length)
      problems.push(`scene ${s.id} has ${t.words.length} timed words but ${s.words.length} in the script`);
  });
  const fresh = problems.length === 0;
  return {
    fresh,
    expectedHash,
    actualHash: timings.scriptHash,
    message: fresh
      ? 'captions/timings.json matches the script'
      : `captions/timings.json is stale against ${scriptFile} (${problems.join('; ')}): run \`npm run voiceover\` and commit captions/ and public/voice/`,
  };
}

/** File-based form of checkTimingsFresh. */
export function checkTimingsFileFresh(scriptPath: string, timingsPath: string): StalenessResult {
  const timings = JSON.parse(readFileSync(timingsPath, 'utf8')) as VoiceTimings;
  return checkTimingsFresh(readFileSync(scriptPath, 'utf8'), timings, scriptPath);
}
