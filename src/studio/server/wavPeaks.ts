/**
 * Waveform peaks for the studio timeline, computed in Node from a WAV file so
 * the browser draws the narration without decoding it. Pure functions over
 * bytes; no file access here.
 */
import { decodeWav as decodeWavFile, monoFloatSamples } from '../../voiceover/wav';

/** PCM audio mixed down to one channel. */
export interface MonoAudio {
  sampleRate: number;
  /** Samples in -1..1. */
  samples: Float32Array;
}

/** Per-bucket minimum and maximum sample (each -1..1), `buckets` buckets spread evenly over the audio. */
export interface WaveformPeaks {
  sampleRate: number;
  durationSec: number;
  /** Interleaved [min0, max0, min1, max1, ...], 2 x bucket count values. */
  minMax: number[];
}

/** Decodes a WAV file (src/voiceover/wav.ts, the project's one decoder) mixed down to one channel. */
export function decodeWav(bytes: Uint8Array, name = 'audio'): MonoAudio {
  const wav = decodeWavFile(bytes, name);
  return { sampleRate: wav.sampleRateHz, samples: monoFloatSamples(wav) };
}

/** Splits the audio into `buckets` equal spans and keeps each span's min and max sample. */
export function waveformPeaks(audio: MonoAudio, buckets: number): WaveformPeaks {
  const n = Math.max(1, Math.floor(buckets));
  const { samples, sampleRate } = audio;
  const minMax: number[] = new Array(2 * n).fill(0);
  for (let b = 0; b < n; b++) {
    const start = Math.floor((b * samples.length) / n);
    const end = Math.max(start + 1, Math.floor(((b + 1) * samples.length) / n));
    let lo = 0;
    let hi = 0;
    for (let i = start; i < end && i < samples.length; i++) {
      const s = samples[i]!;
      if (s < lo) lo = s;
      if (s > hi) hi = s;
    }
    minMax[2 * b] = Math.round(lo * 1e4) / 1e4;
    minMax[2 * b + 1] = Math.round(hi * 1e4) / 1e4;
  }
  return { sampleRate, durationSec: samples.length / sampleRate, minMax };
}
