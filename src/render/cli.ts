/**
 * `npm run render`: renders a composition to an MP4 with its audio.
 * Run with --help for options.
 */
import { relative } from 'node:path';
import { renderConfig } from '../../render.config';
import { compositionCatalog } from '../compositions/catalog';
import { MAX_FRAMES_PER_SHOT } from '../engine/capture';
import { createProgressLine } from './progressLine';
import { renderVideo } from './renderVideo';
import { parseIntegerOption, parseJsonObjectOption, runCli } from '../publish/runCli';
import { DEFAULT_QUEUE_CHUNKS, runDistributedMode } from '../distributed/distributedModes';

const HELP = `Usage: npm run render -- [options]

Renders a composition to an H.264 MP4 (High, yuv420p, AAC 48 kHz, faststart)
with headless Chromium and ffmpeg. Output settings live in render.config.ts.

Options:
  --composition ID   composition to render (default: ${renderConfig.defaultCompositionId})
  --frames A-B       inclusive frame range, e.g. 0-299 or 450 (default: all frames)
  --concurrency N    parallel capture workers, one browser each (default: ${renderConfig.capture.defaultConcurrency})
  --crf N            x264 quality 0-51, 0 = lossless (default: ${renderConfig.video.crf})
  --frames-per-shot N  consecutive frames drawn side by side and captured in one
                     screenshot, 1-${MAX_FRAMES_PER_SHOT} (default: the composition's, else ${renderConfig.capture.framesPerShot});
                     the video is the same whatever N
  --out FILE         output .mp4 (default: ${renderConfig.outDir}/<composition>.mp4)
  --props JSON       props for the composition component, e.g. '{"throwAtFrame":12}' (default: its defaultProps)
  --project DIR      render with the editable files of a project copy in DIR (captions/,
                     public/voice/, src/scenes/*.look.json), as \`npm run studio -- --project DIR\` edits them
                     (the studio's render queue passes it); not with --chunk or --queue
  -h, --help         show this help

Across machines (docs/distributed.md):
  --chunk K/N        render only the K-th of N equal frame ranges (K from 1) to a video-only
                     chunk (default --out: ${renderConfig.outDir}/chunks/<composition>/chunk-K-of-N.mp4) with a
                     .json manifest beside it; prints its path. Join with \`npm run render:join\`.
  --queue URL        enqueue the render on a BullMQ queue at redis://HOST:PORT as one flow (a job
                     per chunk, a join job after them) for \`npm run render:worker\` processes;
                     shows overall progress with ETA, then copies the result to --out
  --chunks N         with --queue: number of chunks (default ${DEFAULT_QUEUE_CHUNKS})
  --store DIR        with --queue: the store every worker reaches (a shared directory or volume)

Compositions:
${compositionCatalog.map((c) => `  ${c.id.padEnd(20)} ${c.width}x${c.height}, ${c.fps} fps, ${c.durationInFrames} frames`).join('\n')}
`;

const OPTIONS = {
  composition: { type: 'string' },
  frames: { type: 'string' },
  concurrency: { type: 'string' },
  crf: { type: 'string' },
  'frames-per-shot': { type: 'string' },
  out: { type: 'string' },
  props: { type: 'string' },
  chunk: { type: 'string' },
  queue: { type: 'string' },
  chunks: { type: 'string' },
  store: { type: 'string' },
  project: { type: 'string' },
} as const;

void runCli({ name: 'render', help: HELP, options: OPTIONS }, async ({ values }) => {
  const compositionId = values.composition ?? renderConfig.defaultCompositionId;
  if (
    values.chunk !== undefined ||
    values.queue !== undefined ||
    values.chunks !== undefined ||
    values.store !== undefined
  ) {
    // Chunks and queued jobs are rendered by workers from their own checkout, so they cannot see a local copy.
    if (values.project !== undefined)
      throw new Error('--project cannot be combined with --chunk/--queue: render the copy in one process.');
    await runDistributedMode(compositionId, values);
    return;
  }
  const progress = createProgressLine(`render ${compositionId}`);
  const result = await renderVideo({
    compositionId,
    outPath: values.out,
    frameRange: values.frames,
    concurrency: parseIntegerOption('--concurrency', values.concurrency),
    crf: parseIntegerOption('--crf', values.crf),
    framesPerShot: parseIntegerOption('--frames-per-shot', values['frames-per-shot']),
    inputProps: parseJsonObjectOption('--props', values.props),
    projectDir: values.project,
    onProgress: (p) => progress.update(p),
  }).finally(() => progress.finish());
  const s = result.stages;
  process.stderr.write(
    `render: wrote ${relative(process.cwd(), result.outPath) || result.outPath} (${result.frames} frames, ${result.concurrency} workers) in ${(s.totalMs / 1000).toFixed(1)} s = ${result.fps.toFixed(1)} fps` +
      ` [bundle ${(s.bundleMs / 1000).toFixed(1)} s${result.bundleCached ? ' (cached)' : ''}, launch ${(s.launchMs / 1000).toFixed(1)} s, capture ${(s.captureMs / 1000).toFixed(1)} s, encode tail ${(s.encodeTailMs / 1000).toFixed(1)} s, mux ${(s.muxMs / 1000).toFixed(1)} s]\n`,
  );
});
