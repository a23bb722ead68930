import { join } from 'node:path';
import { renderConfig } from '../../render.config';
import type { CompositionAudio } from '../engine/composition';
import type { FilmstripLayout } from '../engine/capture';

/** Settings that shape the video stream (defaults from render.config.ts). */
export interface VideoEncodeSettings {
  fps: number;
  /** x264 CRF, 0-51; 0 is lossless (then x264 picks the High 4:4:4 Predictive profile itself). */
  crf: number;
}

/** How the captured images hold the frames (filmstrip.ts), and how many frames the video has. */
export interface CapturedStrip {
  layout: FilmstripLayout;
  /** Frames to keep: the last image may repeat the last frame to fill its tiles. */
  frames: number;
}

/**
 * ffmpeg arguments that read captured images (concatenated JPEG or PNG) from
 * stdin and write the render's H.264 video (picture only): High profile, yuv420p, BT.709 colour
 * (Chromium's JPEGs are full-range BT.601, so the matrix and range are
 * converted, not just relabelled). A filmstrip image is cut into its frames
 * (untile, and crop when the frame is narrower than its tile) and the repeated
 * frames that fill the last image dropped.
 */
export function videoEncodeArgs(
  { fps, crf }: VideoEncodeSettings,
  { layout, frames }: CapturedStrip,
  outFile: string,
): string[] {
  const v = renderConfig.video;
  const lossless = crf === 0;
  const untile = layout.tiles > 1 ? `untile=${layout.tiles}x1,` : '';
  const crop = layout.pitch > layout.frameWidth ? `crop=${layout.frameWidth}:${layout.frameHeight}:0:0,` : '';
  return [
    '-hide_banner',
    '-loglevel',
    'error',
    '-nostdin',
    '-y',
    // untile multiplies the image rate by the tiles per image, giving `fps` frames a second.
    '-f',
    'image2pipe',
    '-framerate',
    `${fps}/${layout.tiles}`,
    '-i',
    'pipe:0',
    '-vf',
    `${untile}${crop}scale=out_color_matrix=${v.colorMatrix}:out_range=tv,format=${v.pixelFormat}`,
    '-frames:v',
    String(frames),
    '-c:v',
    v.codec,
    '-preset',
    v.preset,
    '-crf',
    String(crf),
    ...(lossless ? [] : ['-profile:v', v.profile]),
    '-pix_fmt',
    v.pixelFormat,
    // One encoder takes every worker's frames (captureWorkers.ts), so it gets frame threads of its
    // own (render.config.ts video.encoderThreads; docs/render.md, "One encoder").
    '-threads',
    String(v.encoderThreads),
    '-filter_threads',
    '1',
    '-colorspace',
    v.colorMatrix,
    '-color_primaries',
    v.colorMatrix,
    '-color_trc',
    v.colorMatrix,
    '-color_range',
    'tv',
    '-r',
    String(fps),
    '-f',
    'mp4',
    outFile,
  ];
}

export interface MuxSettings {
  /** Text file listing the videos (one, or a distributed render's chunks) for ffmpeg's concat demuxer. */
  concatListFile: string;
  audio: CompositionAudio | null;
  /** Repo's public/ directory (audio files are relative to it). */
  publicDir: string;
  /** Start of the rendered range, seconds (the audio is cut to match). */
  startSeconds: number;
  /** Length of the rendered range, seconds. */
  durationSeconds: number;
  outFile: string;
}

/**
 * ffmpeg arguments that join the videos without re-encoding the picture
 * (concat demuxer, -c:v copy), add the composition's audio as AAC 48 kHz
 * (padded with silence or cut to the picture's length) and move the moov
 * atom to the front (+faststart).
 */
export function joinAndMuxArgs(m: MuxSettings): string[] {
  const a = renderConfig.audio;
  const audioIn: string[] = [];
  if (m.audio?.kind === 'tone') {
    audioIn.push(
      '-f',
      'lavfi',
      '-i',
      `sine=frequency=${m.audio.frequencyHz}:sample_rate=${a.sampleRateHz},volume=0.25`,
    );
  } else if (m.audio?.kind === 'file') {
    audioIn.push('-ss', m.startSeconds.toFixed(6), '-i', join(m.publicDir, m.audio.publicPath));
  }
  const hasAudio = audioIn.length > 0;
  return [
    '-hide_banner',
    '-loglevel',
    'error',
    '-nostdin',
    '-y',
    '-f',
    'concat',
    '-safe',
    '0',
    '-i',
    m.concatListFile,
    ...audioIn,
    '-map',
    '0:v:0',
    ...(hasAudio
      ? [
          '-map',
          '1:a:0',
          '-af',
          'apad',
          '-c:a',
          a.codec,
          '-b:a',
          a.bitrate,
          '-ar',
          String(a.sampleRateHz),
          '-ac',
          String(a.channels),
        ]
      : ['-an']),
    '-c:v',
    'copy',
    '-t',
    m.durationSeconds.toFixed(6),
    '-movflags',
    '+faststart',
    '-f',
    'mp4',
    m.outFile,
  ];
}

/** Line for the concat demuxer's list file (paths quoted as it requires). */
export function concatListLine(file: string): string {
  return `file '${file.replace(/'/g, "'\\''")}'`;
}
