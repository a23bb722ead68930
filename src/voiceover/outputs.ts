/**
 * The common end of both voice paths (synthetic and recorded): per-scene 48 kHz
 * loudness-normalised WAVs + word spans -> captions/timings.json, the scene WAVs
 * under public/voice/scenes/, and public/voice/narration.wav with each scene's
 * audio at its audioStartFrame on the timeline, two-pass loudness-normalised.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Caption } from '@remotion/captions';
import { copyFileAtomic, writeFileAtomic } from '../publish/atomicWrite';
import { OUTPUT_TARGETS } from '../publish/outputTargets';
import type { NarrationScript, ScriptScene } from '../script/script';
import { buildTimeline } from '../timeline/buildTimeline';
import type { SceneVoiceTiming, Timeline, VoiceTimings } from '../timeline/types';
import type { WordSpanMs } from './festival';
import { normaliseLoudness } from './loudness';
import { computeScriptHash } from './scriptHash';
import { pcmDurationMs, readWav, writeWavAtomic } from './wav';

export interface SceneAudio {
  scene: ScriptScene;
  /** Loudness-normalised 48 kHz mono 16-bit WAV of this scene's narration. */
  wav48Path: string;
  /** One span per caption word, ms from the start of the scene audio. */
  words: WordSpanMs[];
  /** Per-word confidence (null for synthetic). */
  confidence?: (number | null)[];
}

export interface OutputPaths {
  timingsJson: string;
  narrationWav: string;
  /** Directory for per-scene WAVs (<id>.wav). */
  scenesDir: string;
}

export interface WrittenOutputs {
  timings: VoiceTimings;
  timeline: Timeline;
}

/** Builds the VoiceTimings for scenes with known word spans. */
export function buildVoiceTimings(
  script: NarrationScript,
  scenes: SceneAudio[],
  voice: VoiceTimings['voice'],
  durationsMs: number[],
): VoiceTimings {
  const out: SceneVoiceTiming[] = scenes.map((a, si) => {
    const words: Caption[] = a.scene.words.map((w, i) => ({
      text: i === 0 ? w.text : ` ${w.text}`,
      startMs: a.words[i]!.startMs,
      endMs: a.words[i]!.endMs,
      timestampMs: a.words[i]!.startMs,
      confidence: a.confidence?.[i] ?? null,
    }));
    const bookmarksMs: Record<string, number> = {};
    for (const b of a.scene.bookmarks) bookmarksMs[b.name] = a.words[b.wordIndex]!.startMs;
    return { id: a.scene.id, title: a.scene.title, audioDurationMs: durationsMs[si]!, words, bookmarksMs };
  });
  return { scriptHash: computeScriptHash(script, voice), voice, scenes: out };
}

/**
 * Writes every voice output. Builds the timeline first, so an overrun (> 60 s)
 * throws before any file is replaced.
 *
 * @param fps frame rate the narration track is laid out for (the compositions' 30 fps)
 */
export function writeVoiceOutputs(
  script: NarrationScript,
  scenes: SceneAudio[],
  voice: VoiceTimings['voice'],
  paths: OutputPaths,
  fps: number,
  log: (msg: string) => void = () => {},
): WrittenOutputs {
  const pcm = scenes.map((s) => readWav(s.wav48Path));
  pcm.forEach((p, i) => {
    if (p.sampleRateHz !== OUTPUT_TARGETS.audioSampleRateHz)
      throw new Error(
        `${scenes[i]!.wav48Path}: expected ${OUTPUT_TARGETS.audioSampleRateHz} Hz, got ${p.sampleRateHz}`,
      );
  });
  const durationsMs = pcm.map((p) => Math.round(pcmDurationMs(p)));
  const timings = buildVoiceTimings(script, scenes, voice, durationsMs);
  const timeline = buildTimeline(timings, fps);

  // Lay the scenes on the timeline, silence between them.
  const samplesPerFrame = OUTPUT_TARGETS.audioSampleRateHz / fps;
  const track = new Int16Array(Math.round(timeline.totalFrames * samplesPerFrame));
  timeline.scenes.forEach((span, i) => {
    const at = Math.round(span.audioStartFrame * samplesPerFrame);
    track.set(pcm[i]!.samples.subarray(0, Math.max(0, track.length - at)), at);
  });
  const tmpDir = mkdtempSync(join(tmpdir(), 'narration-'));
  try {
    const rawTrack = join(tmpDir, 'track.wav');
    writeWavAtomic(rawTrack, { sampleRateHz: OUTPUT_TARGETS.audioSampleRateHz, samples: track });
    log(
      `normalising the narration track (${(track.length / OUTPUT_TARGETS.audioSampleRateHz).toFixed(2)} s, two-pass loudnorm)...`,
    );
    const normTrack = join(tmpDir, 'track.norm.wav');
    normaliseLoudness(rawTrack, normTrack);
    // loudnorm keeps the length; trim or pad to the exact frame count anyway.
    const norm = readWav(normTrack);
    const exact = new Int16Array(track.length);
    exact.set(norm.samples.subarray(0, exact.length));
    for (const s of scenes) copyFileAtomic(s.wav48Path, join(paths.scenesDir, `${s.scene.id}.wav`));
    writeWavAtomic(paths.narrationWav, { sampleRateHz: OUTPUT_TARGETS.audioSampleRateHz, samples: exact });
    writeFileAtomic(paths.timingsJson, JSON.stringify(timings, null, 1) + '\n');
  } finally {
    rmSync(tmpDir, { recursive: true, force: true });
  }
  return { timings, timeline };
}
