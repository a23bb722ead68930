/**
 * The project's one WAV decoder (RIFF/WAVE: PCM 8/16/24/32-bit integer or
 * 32/64-bit float, any channel count, WAVE_FORMAT_EXTENSIBLE included), and
 * the 16-bit mono reading and atomic writing the voice pipeline needs. The
 * decoder works on bytes (no file access), so the studio's waveform peaks use
 * it too.
 */
import { readFileSync } from 'node:fs';
import { writeFileAtomic } from '../publish/atomicWrite';

export interface PcmAudio {
  sampleRateHz: number;
  /** Mono 16-bit samples. */
  samples: Int16Array;
}

/** A WAV file's format and where its samples are, as read from its chunks. */
export interface WavFile {
  /** 1 = integer PCM, 3 = IEEE float (an extensible file's sub-format). */
  audioFormat: number;
  channels: number;
  sampleRateHz: number;
  bitsPerSample: number;
  /** The data chunk's bytes (interleaved frames). */
  data: DataView;
  /** Whole frames in the data chunk. */
  frames: number;
}

const WAVE_FORMAT_PCM = 1;
const WAVE_FORMAT_FLOAT = 3;
const WAVE_FORMAT_EXTENSIBLE = 0xfffe;

/**
 * Reads a WAV file's chunks and checks its encoding. `name` (a path or label)
 * starts every error. A data chunk whose size is 0 or runs past the end (a
 * streamed header, as text2wave writes) is taken to run to the end of the file.
 */
export function decodeWav(bytes: Uint8Array, name = 'audio'): WavFile {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (at: number) => String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);
  if (bytes.byteLength < 12 || tag(0) !== 'RIFF' || tag(8) !== 'WAVE') {
    throw new Error(`${name}: not a WAV file (no RIFF/WAVE header).`);
  }
  let format: Omit<WavFile, 'data' | 'frames'> | null = null;
  let at = 12;
  while (at + 8 <= bytes.byteLength) {
    const id = tag(at);
    let size = view.getUint32(at + 4, true);
    const body = at + 8;
    if (id === 'fmt ') {
      let audioFormat = view.getUint16(body, true);
      // Extensible: the sub-format GUID starts with the format code.
      if (audioFormat === WAVE_FORMAT_EXTENSIBLE && size >= 26) audioFormat = view.getUint16(body + 24, true);
      format = {
        audioFormat,
        channels: view.getUint16(body + 2, true),
        sampleRateHz: view.getUint32(body + 4, true),
        bitsPerSample: view.getUint16(body + 14, true),
      };
    } else if (id === 'data') {
      if (!format) throw new Error(`${name}: WAV data chunk before its fmt chunk.`);
      if (size === 0 || body + size > bytes.byteLength) size = bytes.byteLength - body;
      checkEncoding(format, name);
      const data = new DataView(bytes.buffer, bytes.byteOffset + body, size);
      return { ...format, data, frames: Math.floor(size / ((format.bitsPerSample / 8) * format.channels)) };
    }
    at = body + size + (size & 1);
  }
  throw new Error(`${name}: WAV file without ${format ? 'a data' : 'an fmt'} chunk.`);
}

function checkEncoding(f: Omit<WavFile, 'data' | 'frames'>, name: string): void {
  const isFloat = f.audioFormat === WAVE_FORMAT_FLOAT;
  if (
    !(f.audioFormat === WAVE_FORMAT_PCM || isFloat) ||
    ![8, 16, 24, 32, 64].includes(f.bitsPerSample) ||
    (isFloat && f.bitsPerSample < 32) ||
    (!isFloat && f.bitsPerSample > 32) ||
    f.channels < 1
  ) {
    throw new Error(
      `${name}: unsupported WAV encoding (format ${f.audioFormat}, ${f.bitsPerSample} bit, ${f.channels} channels); use PCM or float.`,
    );
  }
}

/** The samples mixed down to one channel, each -1..1. */
export function monoFloatSamples(wav: WavFile): Float32Array {
  const { data, channels, bitsPerSample, frames } = wav;
  const bytesPerSample = bitsPerSample / 8;
  const read = sampleReader(wav);
  const samples = new Float32Array(frames);
  for (let i = 0; i < frames; i++) {
    let sum = 0;
    const base = i * bytesPerSample * channels;
    for (let c = 0; c < channels; c++) sum += read(data, base + c * bytesPerSample);
    samples[i] = sum / channels;
  }
  return samples;
}

function sampleReader(wav: WavFile): (view: DataView, at: number) => number {
  if (wav.audioFormat === WAVE_FORMAT_FLOAT)
    return wav.bitsPerSample === 32 ? (v, p) => v.getFloat32(p, true) : (v, p) => v.getFloat64(p, true);
  switch (wav.bitsPerSample) {
    case 8:
      return (v, p) => (v.getUint8(p) - 128) / 128;
    case 16:
      return (v, p) => v.getInt16(p, true) / 32768;
    case 24:
      return (v, p) => (v.getUint8(p) | (v.getUint8(p + 1) << 8) | (v.getInt8(p + 2) << 16)) / 8388608;
    default:
      return (v, p) => v.getInt32(p, true) / 2147483648;
  }
}

/** Reads a mono 16-bit PCM WAV. @throws naming the file when the format differs */
export function readWav(path: string): PcmAudio {
  const wav = decodeWav(readFileSync(path), path);
  if (wav.audioFormat !== WAVE_FORMAT_PCM || wav.bitsPerSample !== 16 || wav.channels !== 1) {
    throw new Error(
      `${path}: need mono 16-bit PCM, got format ${wav.audioFormat}, ${wav.channels} channel(s), ${wav.bitsPerSample} bit`,
    );
  }
  const samples = new Int16Array(wav.frames);
  for (let i = 0; i < samples.length; i++) samples[i] = wav.data.getInt16(2 * i, true);
  return { sampleRateHz: wav.sampleRateHz, samples };
}

/** Encodes mono 16-bit PCM as a WAV file's bytes. */
export function encodeWav(audio: PcmAudio): Buffer {
  const dataBytes = audio.samples.length * 2;
  const buf = Buffer.alloc(44 + dataBytes);
  buf.write('RIFF', 0, 'ascii');
  buf.writeUInt32LE(36 + dataBytes, 4);
  buf.write('WAVE', 8, 'ascii');
  buf.write('fmt ', 12, 'ascii');
  buf.writeUInt32LE(16, 16);
  buf.writeUInt16LE(1, 20);
  buf.writeUInt16LE(1, 22);
  buf.writeUInt32LE(audio.sampleRateHz, 24);
  buf.writeUInt32LE(audio.sampleRateHz * 2, 28);
  buf.writeUInt16LE(2, 32);
  buf.writeUInt16LE(16, 34);
  buf.write('data', 36, 'ascii');
  buf.writeUInt32LE(dataBytes, 40);
  for (let i = 0; i < audio.samples.length; i++) buf.writeInt16LE(audio.samples[i]!, 44 + 2 * i);
  return buf;
}

export function writeWavAtomic(path: string, audio: PcmAudio): void {
  writeFileAtomic(path, encodeWav(audio));
}

/** Duration in ms of PCM audio. */
export const pcmDurationMs = (a: PcmAudio): number => (a.samples.length * 1000) / a.sampleRateHz;
