import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { produceFileAtomic } from '../publish/atomicWrite';
import { measureLoudness, type LoudnessMeasurement } from '../voiceover/loudness';
import { runTool } from '../publish/runTool';
import { bestLag } from './audioOffset';

const execFileP = promisify(execFile);

/**
 * The narration for the web: Opus in WebM (Chrome, Edge, Firefox, Safari 15+ on
 * macOS, iOS 17.4+) and AAC-LC in MP4 for the rest (older Safari). Mono, 48 kHz,
 * like the master WAV (public/voice/narration.wav, -16 LUFS integrated).
 *
 * Lossy encoders overshoot the true peak by 0.2-0.4 dB (measured on this narration:
 * -1.5 dBTP master -> -1.3 Opus, -1.1 AAC), which would break the -1.5 dBTP ceiling
 * of OUTPUT_TARGETS.narrationLoudness. A sample-peak limiter at -2.5 dBFS before encoding
 * takes that off; it touches only a few peaks, so integrated loudness stays within
 * 0.1 LU of the master. Its look-ahead is compensated (`latency=1`): without that
 * the voice came 47 samples (1 ms) late.
 */
export interface WebAudioFormat {
  /** File extension and the key in the embed's data attributes. */
  ext: 'webm' | 'm4a';
  /** For `HTMLMediaElement.canPlayType`. */
  mime: string;
  codecArgs: readonly string[];
  /** Target bitrate, bits per second (VBR for Opus, ABR for AAC). */
  bitrate: number;
}

export const WEB_AUDIO_FORMATS: readonly WebAudioFormat[] = [
  // 48 kb/s mono Opus: transparent for a single speaking voice (Opus is designed for speech at 24-64 kb/s, RFC 6716 section 2.1.1).
  { ext: 'webm', mime: 'audio/webm; codecs="opus"', codecArgs: ['-c:a', 'libopus', '-vbr', 'on'], bitrate: 48_000 },
  // 64 kb/s mono AAC-LC with faststart, so playback can start before the whole file is in.
  {
    ext: 'm4a',
    mime: 'audio/mp4; codecs="mp4a.40.2"',
    codecArgs: ['-c:a', 'aac', '-movflags', '+faststart'],
    bitrate: 64_000,
  },
];

/** Peak limiter applied before the lossy encode (see above); `latency=1` keeps the voice on time. */
export const PRE_ENCODE_LIMITER = 'alimiter=limit=-2.5dB:level=false:attack=1:release=20:asc=1:latency=1';

export interface EncodedNarration {
  format: WebAudioFormat;
  path: string;
  bytes: number;
  loudness: LoudnessMeasurement;
  /** Shift against the master after decoding, in samples at 48 kHz (0 = frame-exact). */
  offsetSamples: number;
}

/** Encodes the master narration WAV to `outPath` (atomically). */
export async function encodeNarration(wavPath: string, format: WebAudioFormat, outPath: string): Promise<void> {
  await produceFileAtomic(outPath, async (temp) => {
    const r = await runTool('ffmpeg', [
      '-hide_banner',
      '-loglevel',
      'error',
      '-y',
      '-i',
      wavPath,
      '-map',
      '0:a:0',
      '-af',
      PRE_ENCODE_LIMITER,
      '-ac',
      '1',
      '-ar',
      '48000',
      ...format.codecArgs,
      // Same input, same bytes (no random track UIDs or creation times), so the hashed name only changes with the voice.
      '-fflags',
      '+bitexact',
      '-flags:a',
      '+bitexact',
      '-map_metadata',
      '-1',
      '-b:a',
      String(format.bitrate),
      '-f',
      format.ext === 'webm' ? 'webm' : 'mp4',
      temp,
    ]);
    if (r.code !== 0) throw new Error(`ffmpeg could not encode ${wavPath} to ${format.ext}: ${r.stderr.trim()}`);
  });
}

/** Decodes any audio file to mono 48 kHz float samples with ffmpeg (which applies Opus pre-skip and MP4 edit lists). */
export async function decodeToPcm(path: string): Promise<Float32Array> {
  const { stdout } = await execFileP(
    'ffmpeg',
    ['-v', 'error', '-i', path, '-map', '0:a:0', '-f', 'f32le', '-ac', '1', '-ar', '48000', '-'],
    { encoding: 'buffer', maxBuffer: 1 << 30 },
  );
  const copy = new Uint8Array(stdout.byteLength);
  copy.set(stdout);
  return new Float32Array(copy.buffer);
}

/** 20 ms either way: far more than any encoder delay, less than a frame at 30 fps (33 ms). */
export const MAX_SEARCHED_OFFSET_SAMPLES = 960;

/** Measures an encode against the master: loudness, and the sample offset after decoding. */
export async function verifyEncode(
  masterPcm: Float32Array,
  format: WebAudioFormat,
  path: string,
  bytes: number,
): Promise<EncodedNarration> {
  const [loudness, pcm] = await Promise.all([measureLoudness(path), decodeToPcm(path)]);
  const { lagSamples } = bestLag(masterPcm, pcm, MAX_SEARCHED_OFFSET_SAMPLES, 24_000);
  return { format, path, bytes, loudness, offsetSamples: lagSamples };
}
