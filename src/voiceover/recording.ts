/** Aligning a human recording to the script (pocketsphinx). Work in progress. */
import type { NarrationScript } from '../story/script';
import type { SceneId } from '../story/sceneIds';
import type { OutputPaths, WrittenOutputs } from './outputs';
import type { SyntheticVoiceSettings } from './settings';

export interface AlignRecordingOptions {
  script: NarrationScript;
  recording: string;
  scene?: SceneId;
  voice: SyntheticVoiceSettings;
  cacheDir: string;
  paths: OutputPaths;
  fps: number;
  log: (m: string) => void;
}

export function alignRecording(_opts: AlignRecordingOptions): WrittenOutputs {
  throw new Error('--recording is not implemented yet');
}
