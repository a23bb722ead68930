import { createHash } from 'node:crypto';
import { canonicalScript, type NarrationScript, type ScriptScene, spokenText } from '../script/script';
import type { VoiceTimings } from '../timeline/types';
import { PIPELINE_VERSION } from './settings';

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

/**
 * Hash of the script's canonical content + the voice settings recorded in the
 * timings. captions/timings.json carries it; a mismatch means the timings are stale.
 */
export function computeScriptHash(script: NarrationScript, voice: VoiceTimings['voice']): string {
  return sha256(JSON.stringify({ v: PIPELINE_VERSION, script: canonicalScript(script), voice }));
}

/** Cache key of one scene's synthetic audio: spoken text + voice settings. */
export function sceneAudioKey(scene: ScriptScene, voice: unknown): string {
  return sha256(JSON.stringify({ v: PIPELINE_VERSION, spoken: spokenText(scene), voice }));
}

export { sha256 };
