/** Minimal 16-bit PCM mono WAV reading and writing (atomic), for placing scene audio on the timeline. */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';

export interface PcmAudio {
  sampleRateHz: number;
  /** Mono 16-bit samples. */
  samples: Int16Array;
}

/** Reads a mono 16-bit PCM WAV. @throws naming the file when the format differs */
export function readWav(path: string): PcmAudio {
  const buf = readFileSync(path);
  if (buf.toString('ascii', 0, 4) !== 'RIFF' || buf.toString('ascii', 8, 12) !== 'WAVE')
    throw new Error(`${path}: not a RIFF/WAVE file`);
  let pos = 12;
  let sampleRateHz = 0;
  let channels = 0;
  let bits = 0;
  while (pos + 8 <= buf.length) {
    const id = buf.toString('ascii', pos, pos + 4);
    let size = buf.readUInt32LE(pos + 4);
    const body = pos + 8;
    if (id === 'fmt ') {
      const format = buf.readUInt16LE(body);
      channels = buf.readUInt16LE(body + 2);
      sampleRateHz = buf.readUInt32LE(body + 4);
      bits = buf.readUInt16LE(body + 14);
      if ((format !== 1 && format !== 0xfffe) || bits !== 16 || channels !== 1) {
        throw new Error(`${path}: need mono 16-bit PCM, got format ${format}, ${channels} channel(s), ${bits} bit`);
      }
    } else if (id === 'data') {
      if (size === 0 || body + size > buf.length) size = buf.length - body; // streamed headers (text2wave) may carry 0
      const samples = new Int16Array(size >> 1);
      for (let i = 0; i < samples.length; i++) samples[i] = buf.readInt16LE(body + 2 * i);
      if (!sampleRateHz) throw new Error(`${path}: data chunk before fmt chunk`);
      return { sampleRateHz, samples };
    }
    pos = body + size + (size & 1);
  }
  throw new Error(`${path}: no data chunk`);
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

/** Writes bytes to `path` via a temp file + rename, so a reader never sees a half-written file. */
export function writeFileAtomic(path: string, data: string | Buffer): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

export function writeWavAtomic(path: string, audio: PcmAudio): void {
  writeFileAtomic(path, encodeWav(audio));
}

/** Duration in ms of PCM audio. */
export const pcmDurationMs = (a: PcmAudio): number => (a.samples.length * 1000) / a.sampleRateHz;
