import { spawnSync } from 'node:child_process';

/** An 8-bit RGB image. */
export interface RgbImage {
  width: number;
  height: number;
  /** width * height * 3 bytes, row-major. */
  data: Buffer;
}

/** Decodes a PNG (size from its IHDR chunk) to raw RGB with ffmpeg, which the project already requires. */
export function decodePng(png: Buffer): RgbImage {
  if (png.length < 24 || png.toString('latin1', 1, 4) !== 'PNG') throw new Error('not a PNG');
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const r = spawnSync(
    'ffmpeg',
    ['-v', 'error', '-f', 'png_pipe', '-i', 'pipe:0', '-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1'],
    {
      input: png,
      maxBuffer: width * height * 3 + 1024,
    },
  );
  if (r.status !== 0) throw new Error(`ffmpeg could not decode the PNG: ${r.stderr?.toString() ?? r.error?.message}`);
  if (r.stdout.length !== width * height * 3)
    throw new Error(`decoded ${r.stdout.length} bytes, expected ${width * height * 3}`);
  return { width, height, data: r.stdout };
}

/** Decodes a PNG scaled to `width` x `height` (area averaging), to compare frames shown at different sizes. */
export function decodePngScaled(png: Buffer, width: number, height: number): RgbImage {
  const r = spawnSync(
    'ffmpeg',
    [
      '-v',
      'error',
      '-f',
      'png_pipe',
      '-i',
      'pipe:0',
      '-vf',
      `scale=${width}:${height}:flags=area`,
      '-f',
      'rawvideo',
      '-pix_fmt',
      'rgb24',
      'pipe:1',
    ],
    { input: png, maxBuffer: width * height * 3 + 1024 },
  );
  if (r.status !== 0) throw new Error(`ffmpeg could not scale the PNG: ${r.stderr?.toString() ?? r.error?.message}`);
  return { width, height, data: r.stdout };
}

/** Spread of an image: luminance standard deviation (0-255 scale) and the number of distinct colours (4 bits a channel). */
export function pixelStats(img: RgbImage): { lumaStdDev: number; distinctColours: number; meanLuma: number } {
  const n = img.width * img.height;
  let sum = 0;
  let sumSq = 0;
  const colours = new Set<number>();
  for (let i = 0; i < n; i++) {
    const r = img.data[3 * i]!;
    const g = img.data[3 * i + 1]!;
    const b = img.data[3 * i + 2]!;
    const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    sum += y;
    sumSq += y * y;
    colours.add(((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4));
  }
  const mean = sum / n;
  return { lumaStdDev: Math.sqrt(Math.max(0, sumSq / n - mean * mean)), distinctColours: colours.size, meanLuma: mean };
}

/** Per-channel differences between two same-size images. */
export function pixelDiff(
  a: RgbImage,
  b: RgbImage,
): { meanAbs: number; maxAbs: number; fractionOver: (level: number) => number } {
  if (a.width !== b.width || a.height !== b.height)
    throw new Error(`sizes differ: ${a.width}x${a.height} vs ${b.width}x${b.height}`);
  const diffs = new Uint8Array(a.data.length);
  let sum = 0;
  let max = 0;
  for (let i = 0; i < a.data.length; i++) {
    const d = Math.abs(a.data[i]! - b.data[i]!);
    diffs[i] = d;
    sum += d;
    if (d > max) max = d;
  }
  return {
    meanAbs: sum / a.data.length,
    maxAbs: max,
    fractionOver: (level) => diffs.reduce((n, d) => n + (d > level ? 1 : 0), 0) / diffs.length,
  };
}
