/**
 * Synthetic narration: each scene through festival (cached by spoken text + voice
 * settings), loudness-normalised to a 48 kHz scene WAV.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NarrationScript } from '../script/script';
import { synthesiseScene, type WordSpanMs } from './festival';
import { normaliseLoudness } from './loudness';
import type { SceneAudio } from './outputs';
import { sceneAudioKey } from './scriptHash';
import type { SyntheticVoiceSettings } from './settings';
import { produceFileAtomicSync, writeFileAtomic } from '../publish/atomicWrite';

interface CachedScene {
  durationMs: number;
  words: WordSpanMs[];
}

export interface SynthesisProgress {
  sceneId: string;
  index: number;
  total: number;
  cached: boolean;
}

/**
 * Returns every scene's normalised 48 kHz audio and word spans, synthesising only
 * scenes whose spoken text or voice settings changed since the last run.
 *
 * @param cacheDir e.g. .cache/voice (not committed)
 */
export function synthesiseScript(
  script: NarrationScript,
  voice: SyntheticVoiceSettings,
  cacheDir: string,
  onProgress: (p: SynthesisProgress) => void = () => {},
): SceneAudio[] {
  mkdirSync(cacheDir, { recursive: true });
  return script.scenes.map((scene, index) => {
    const key = sceneAudioKey(scene, voice);
    const raw = join(cacheDir, `${key}.raw.wav`);
    const meta = join(cacheDir, `${key}.json`);
    const wav48 = join(cacheDir, `${key}.48k.wav`);
    const cached = existsSync(meta) && existsSync(wav48);
    onProgress({ sceneId: scene.id, index, total: script.scenes.length, cached });
    if (!cached) {
      const r = produceFileAtomicSync(raw, (tmpRaw) => synthesiseScene(scene, voice, tmpRaw));
      normaliseLoudness(raw, wav48);
      const entry: CachedScene = { durationMs: r.durationMs, words: r.words };
      writeFileAtomic(meta, JSON.stringify(entry));
    }
    const entry = JSON.parse(readFileSync(meta, 'utf8')) as CachedScene;
    if (entry.words.length !== scene.words.length)
      throw new Error(`voice cache entry ${meta} does not match scene ${scene.id}; delete ${cacheDir} and rerun`);
    return { scene, wav48Path: wav48, words: entry.words };
  });
}
