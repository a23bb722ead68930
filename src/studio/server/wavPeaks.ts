/**
 * Waveform peaks for the studio timeline, computed in Node from a WAV file so
 * the browser draws the narration without decoding it. Pure functions over
 * bytes; no file access here.
 */

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

/**
 * Reads a RIFF/WAVE file: PCM 8/16/24/32-bit integer or 32/64-bit float,
 * any channel count (WAVE_FORMAT_EXTENSIBLE included). Throws naming what is
 * unsupported.
 */
export function decodeWav(bytes: Uint8Array, name = 'audio'): MonoAudio {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (at: number) => String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);
  if (bytes.byteLength < 12 || tag(0) !== 'RIFF' || tag(8) !== 'WAVE') {
    throw new Error(`${name}: not a WAV file (no RIFF/WAVE header); the studio draws waveforms from .wav only.`);
  }
  let format: { audioFormat: number; channels: number; sampleRate: number; bits: number } | null = null;
  let data: { offset: number; length: number } | null = null;
  let at = 12;
  while (at + 8 <= bytes.byteLength) {
    const id = tag(at);
    const size = view.getUint32(at + 4, true);
    const body = at + 8;
    if (id === 'fmt ') {
      let audioFormat = view.getUint16(body, true);
      if (audioFormat === 0xfffe && size >= 26) audioFormat = view.getUint16(body + 24, true); // extensible: sub-format GUID starts with the format code
      format = {
        audioFormat,
        channels: view.getUint16(body + 2, true),
        sampleRate: view.getUint32(body + 4, true),
        bits: view.getUint16(body + 14, true),
      };
    } else if (id === 'data') {
      data = { offset: body, length: Math.min(size, bytes.byteLength - body) };
      break;
    }
    at = body + size + (size % 2);
  }
  if (!format || !data) throw new Error(`${name}: WAV file without ${format ? 'a data' : 'an fmt'} chunk.`);
  const { audioFormat, channels, sampleRate, bits } = format;
  const bytesPerSample = bits / 8;
  const isFloat = audioFormat === 3;
  if (
    !(audioFormat === 1 || isFloat) ||
    ![8, 16, 24, 32, 64].includes(bits) ||
    (isFloat && bits < 32) ||
    channels < 1
  ) {
    throw new Error(
      `${name}: unsupported WAV encoding (format ${audioFormat}, ${bits} bit, ${channels} channels); use PCM or float.`,
    );
  }
  const frameCount = Math.floor(data.length / (bytesPerSample * channels));
  const samples = new Float32Array(frameCount);
  const read = (p: number): number => {
    if (isFloat) return bits === 32 ? view.getFloat32(p, true) : view.getFloat64(p, true);
    switch (bits) {
      case 8:
        return (view.getUint8(p) - 128) / 128;
      case 16:
        return view.getInt16(p, true) / 32768;
      case 24: {
        const v = view.getUint8(p) | (view.getUint8(p + 1) << 8) | (view.getInt8(p + 2) << 16);
        return v / 8388608;
      }
      default:
        return view.getInt32(p, true) / 2147483648;
    }
  };
  for (let i = 0; i < frameCount; i++) {
    let sum = 0;
    const base = data.offset + i * bytesPerSample * channels;
    for (let c = 0; c < channels; c++) sum += read(base + c * bytesPerSample);
    samples[i] = sum / channels;
  }
  return { sampleRate, samples };
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
