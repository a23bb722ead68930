/**
 * The `npm run render` modes for rendering across machines: `--chunk K/N`
 * (one chunk, any scheduler) and `--queue URL --chunks N --store DIR` (a
 * BullMQ flow for `npm run render:worker`). Kept out of cli.ts so the plain
 * render path stays as it was; the queue code is loaded only when asked for.
 */
import { relative } from 'node:path';
import { parseChunkSpec, renderChunk } from '../render/chunks';
import { parseIntegerOption, parseJsonObjectOption } from '../publish/runCli';
import { createProgressLine } from '../render/progressLine';

export const DEFAULT_QUEUE_CHUNKS = 4;

export interface DistributedFlags {
  frames?: string;
  concurrency?: string;
  crf?: string;
  'frames-per-shot'?: string;
  out?: string;
  props?: string;
  chunk?: string;
  queue?: string;
  chunks?: string;
  store?: string;
}

export async function runDistributedMode(compositionId: string, values: DistributedFlags): Promise<void> {
  const common = {
    compositionId,
    frameRange: values.frames,
    crf: parseIntegerOption('--crf', values.crf),
    concurrency: parseIntegerOption('--concurrency', values.concurrency),
    framesPerShot: parseIntegerOption('--frames-per-shot', values['frames-per-shot']),
    inputProps: parseJsonObjectOption('--props', values.props),
  };
  if (values.chunk !== undefined) {
    if (values.queue !== undefined || values.chunks !== undefined || values.store !== undefined)
      throw new Error(
        '--chunk K/N renders one chunk here; --queue, --chunks and --store enqueue a whole render. Use one or the other.',
      );
    const chunk = parseChunkSpec(values.chunk);
    const progress = createProgressLine(`render ${compositionId} chunk ${chunk.index}/${chunk.count}`);
    const result = await renderChunk({
      ...common,
      chunk,
      outPath: values.out,
      onProgress: (p) => progress.update(p),
    }).finally(() => progress.finish());
    const s = result.render.stages;
    process.stderr.write(
      `render: chunk ${chunk.index}/${chunk.count} = frames ${result.manifest.frames.first}-${result.manifest.frames.last} in ${(s.totalMs / 1000).toFixed(1)} s [launch ${(s.launchMs / 1000).toFixed(1)} s, capture ${(s.captureMs / 1000).toFixed(1)} s, encode tail ${(s.encodeTailMs / 1000).toFixed(1)} s, mux ${(s.muxMs / 1000).toFixed(1)} s]; manifest ${relative(process.cwd(), result.manifestPath)}\n`,
    );
    process.stdout.write(`${relative(process.cwd(), result.outPath) || result.outPath}\n`);
    return;
  }
  if (values.queue === undefined)
    throw new Error('--chunks and --store go with --queue redis://HOST:PORT (or use --chunk K/N for one chunk).');
  if (values.store === undefined)
    throw new Error(
      '--queue needs --store DIR: the directory (shared volume) where workers put chunks and the joined video.',
    );
  const { enqueueRender } = await import('./enqueueRender');
  const out = await enqueueRender({
    ...common,
    redisUrl: values.queue,
    storeDir: values.store,
    chunks: parseIntegerOption('--chunks', values.chunks) ?? DEFAULT_QUEUE_CHUNKS,
    outPath: values.out,
  });
  process.stdout.write(`${relative(process.cwd(), out.outPath) || out.outPath}\n`);
}
