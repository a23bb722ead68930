import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh temp directory; call the returned cleanup in afterAll. */
export function makeTempDir(prefix: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface TestMp4Options {
  width: number;
  height: number;
  fps?: number;
  durationS: number;
  /** Linear gain of a 440 Hz sine (1 = full scale; lavfi sine is 1/8 scale, so x8); null for no audio. */
  toneVolume?: number | null;
  faststart?: boolean;
  pixelFormat?: string;
  /** x264 profile (default 'high'; 'high444' for yuv444p). */
  profile?: string;
  audioCodec?: string;
}

/** Writes a small H.264 test video (lavfi testsrc2 + sine) with real ffmpeg. */
export function makeTestMp4(path: string, o: TestMp4Options): string {
  const fps = o.fps ?? 30;
  const args = [
    '-hide_banner',
    '-loglevel',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    `testsrc2=size=${o.width}x${o.height}:rate=${fps}:duration=${o.durationS}`,
  ];
  const withAudio = o.toneVolume !== null;
  if (withAudio) args.push('-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=48000:duration=${o.durationS}`);
  // veryfast, not ultrafast: ultrafast turns off CABAC and 8x8 transforms, so the stream is Constrained Baseline whatever -profile says.
  args.push(
    '-c:v',
    'libx264',
    '-preset',
    'veryfast',
    '-profile:v',
    o.profile ?? 'high',
    '-pix_fmt',
    o.pixelFormat ?? 'yuv420p',
  );
  if (withAudio)
    args.push('-af', `volume=${(o.toneVolume ?? 0.2) * 8}`, '-c:a', o.audioCodec ?? 'aac', '-ar', '48000', '-shortest');
  if (o.faststart !== false) args.push('-movflags', '+faststart');
  args.push(path);
  execFileSync('ffmpeg', args);
  return path;
}

/** Writes a WAV of a 440 Hz sine at linear gain `volume` (1 = full scale; lavfi sine is 1/8 scale, so x8). */
export function makeToneWav(path: string, volume: number, durationS = 4): string {
  execFileSync('ffmpeg', [
    '-hide_banner',
    '-loglevel',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    `sine=frequency=440:sample_rate=48000:duration=${durationS}`,
    '-af',
    `volume=${volume * 8}`,
    path,
  ]);
  return path;
}

/** Writes a still image (png or jpg by extension) of the given size. */
export function makeStill(path: string, width: number, height: number): string {
  execFileSync('ffmpeg', [
    '-hide_banner',
    '-loglevel',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    `testsrc2=size=${width}x${height}:duration=1`,
    '-frames:v',
    '1',
    path,
  ]);
  return path;
}
