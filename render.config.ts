import { OUTPUT_TARGETS } from './src/publish/outputTargets';

/**
 * Output settings for every render: the one place to change codec, quality,
 * speed and where files go. Read by src/render (CLI, renderVideo, renderStill)
 * and the bench.
 */
export const renderConfig = {
  /** Composition rendered when --composition is not given. */
  defaultCompositionId: 'explainer',
  /** Where renders go (relative to the repo root); git-ignored. */
  outDir: 'out',

  video: {
    codec: 'libx264',
    /** x264 constant rate factor: 0 = lossless (drops the High profile), 18 = visually lossless, 23 = x264 default. */
    crf: 18,
    /** x264 speed preset: veryfast encodes 1080p far faster than frames are captured (docs/render.md, "Measurements behind the defaults"). */
    preset: 'veryfast',
    /** H.264 profile for lossy renders (lossless crf 0 needs High 4:4:4 Predictive, chosen by x264 itself). */
    profile: 'high',
    pixelFormat: 'yuv420p',
    /** Colour matrix written and converted to (HD video is BT.709; Chromium's JPEGs are full-range BT.601). */
    colorMatrix: 'bt709',
    /**
     * x264 threads of the render's one encoder (it takes the frames of every capture worker).
     * A fixed number, not the worker count, so a render's bytes do not depend on --concurrency.
     */
    encoderThreads: 1,
  },

  audio: {
    codec: 'aac',
    sampleRateHz: OUTPUT_TARGETS.audioSampleRateHz,
    bitrate: '192k',
    channels: 2,
  },

  capture: {
    /** Screenshot format for video frames: JPEG is ~4x faster than PNG to capture (render-notes.md). */
    format: 'jpeg' as const,
    /** JPEG quality 0-100 of captured frames (they are re-encoded by x264 afterwards). */
    jpegQuality: 90,
    /**
     * 'pages' (default): one Chromium with a page per worker, sharing the browser and GPU processes;
     * 'browsers': a Chromium per worker. 'pages' measured faster and lighter (docs/render.md,
     * "Measurements behind the defaults"). Overridable with RENDER_WORKER_MODE.
     */
    workerMode: (process.env.RENDER_WORKER_MODE === 'browsers' ? 'browsers' : 'pages') as 'browsers' | 'pages',
    /**
     * Consecutive frames drawn side by side on each capture page and taken in one screenshot
     * (src/engine/filmstrip.ts), unless the composition says (its meta) or --frames-per-shot:
     * much of a screenshot's cost is fixed, not per pixel, but every tile adds a WebGL context,
     * so past 3 it depends on the composition's 3D (docs/render.md, "Where the time goes", 8).
     */
    framesPerShot: 3,
    /** Parallel capture workers when --concurrency is not given. */
    defaultConcurrency: 2,
    /** Longest wait for one frame to become ready (fonts, three.js draws, holds), ms. */
    frameTimeoutMs: 30_000,
  },

  /** Debian's Chromium binary (not the /usr/bin/chromium shell wrapper, which adds flags). */
  chromiumPath: '/usr/lib/chromium/chromium',
  ffmpegPath: 'ffmpeg',
  ffprobePath: 'ffprobe',
} as const;

export type RenderConfig = typeof renderConfig;
