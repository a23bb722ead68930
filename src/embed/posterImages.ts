import { statSync } from 'node:fs';
import { join } from 'node:path';
import { produceFileAtomic } from '../publish/atomicWrite';
import { runTool } from '../publish/runTool';

/**
 * The poster of the light first paint, in the sizes and formats a browser
 * picks from with <picture>/srcset: AVIF first (about half the bytes of
 * WebP), WebP, and JPEG for everything else. Encoded from the publishing
 * set's lossless poster PNG with ffmpeg.
 */
export interface PosterFormat {
  ext: 'avif' | 'webp' | 'jpg';
  mime: string;
  codecArgs: readonly string[];
}

export const POSTER_FORMATS: readonly PosterFormat[] = [
  // libaom still picture; crf 34 keeps the text of the frame sharp at a phone's width (checked by eye).
  {
    ext: 'avif',
    mime: 'image/avif',
    codecArgs: [
      '-c:v',
      'libaom-av1',
      '-still-picture',
      '1',
      '-crf',
      '34',
      '-cpu-used',
      '6',
      '-pix_fmt',
      'yuv420p',
      '-f',
      'avif',
    ],
  },
  { ext: 'webp', mime: 'image/webp', codecArgs: ['-c:v', 'libwebp', '-quality', '78', '-f', 'webp'] },
  { ext: 'jpg', mime: 'image/jpeg', codecArgs: ['-c:v', 'mjpeg', '-q:v', '4', '-pix_fmt', 'yuvj420p', '-f', 'image2'] },
];

/**
 * Widths in CSS-pixel terms the player is shown at: a phone (360-430 px at 2-3x
 * density picks 720-1280), a tablet or desktop column (960 px at 1-2x picks 960-1920).
 */
export const POSTER_WIDTHS = [480, 720, 960, 1280, 1920] as const;

export interface PosterImage {
  format: PosterFormat;
  width: number;
  height: number;
  /** File name inside the embed's assets/ directory. */
  file: string;
  bytes: number;
}

/** Encodes `pngPath` (sourceWidth x sourceHeight) into `assetsDir` in every format and width (none wider than the source). */
export async function encodePosterImages(
  pngPath: string,
  sourceWidth: number,
  sourceHeight: number,
  assetsDir: string,
  baseName = 'poster',
): Promise<PosterImage[]> {
  const widths = POSTER_WIDTHS.filter((w) => w <= sourceWidth);
  const jobs = POSTER_FORMATS.flatMap((format) => widths.map((width) => ({ format, width })));
  const images: PosterImage[] = [];
  for (const { format, width } of jobs) {
    const height = Math.round((sourceHeight * width) / sourceWidth / 2) * 2;
    const file = `${baseName}-${width}.${format.ext}`;
    const path = join(assetsDir, file);
    await produceFileAtomic(path, async (temp) => {
      const r = await runTool('ffmpeg', [
        '-hide_banner',
        '-loglevel',
        'error',
        '-y',
        '-i',
        pngPath,
        '-vf',
        `scale=${width}:${height}:flags=lanczos`,
        '-frames:v',
        '1',
        ...format.codecArgs,
        temp,
      ]);
      if (r.code !== 0) throw new Error(`ffmpeg could not encode the poster ${pngPath} to ${file}: ${r.stderr.trim()}`);
    });
    images.push({ format, width, height, file, bytes: statSync(path).size });
  }
  return images;
}
