/**
 * `npm run render -- --queue URL --chunks N --store DIR`: puts one render on
 * the queue as a BullMQ flow (a 'chunk' job per chunk, a 'join' job as their
 * parent, which BullMQ starts only when every chunk is done), shows overall
 * progress with ETA, and copies the joined video from the store to --out.
 *
 * Redis restarted without persistence loses the flow; the enqueuer notices
 * (the join job is gone) and enqueues it again, and chunks already in the
 * store are reused, not rendered again.
 */
import { createHash } from 'node:crypto';
import { copyFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FlowProducer, Queue, type Job } from 'bullmq';
import { renderConfig } from '../../render.config';
import { produceFileAtomic } from '../publish/atomicWrite';
import { hashSources, REPO_ROOT } from '../render/bundle';
import { chunkRange, propsHash, sha256File } from '../render/chunks';
import { frameCount } from '../render/frameRange';
import { formatProgress } from '../render/progressLine';
import { resolveComposition, resolveCrf, resolveFrameRange, type FrameRangeInput } from '../render/renderOptions';
import {
  queueConnection,
  RENDER_QUEUE,
  type ChunkJobData,
  type ChunkProgress,
  type JoinJobData,
  type RenderRequest,
} from './queueConfig';
import type { ChunkJobResult, JoinJobResult } from './renderJobs';
import { checkStoreReachable, recordRender } from './store';

export interface EnqueueRenderOptions {
  redisUrl: string;
  storeDir: string;
  compositionId: string;
  chunks: number;
  frameRange?: FrameRangeInput;
  crf?: number;
  framesPerShot?: number;
  inputProps?: Record<string, unknown>;
  /** Where the joined video is copied (default out/<composition>.mp4). */
  outPath?: string;
  /** Ignored here (each worker chooses its own capture pages); accepted so the CLI can pass its flags through. */
  concurrency?: number;
  /** How long Redis may stay unreachable before giving up, ms (default 120 s). */
  redisTimeoutMs?: number;
  /** Status lines (refusals, Redis lost); default stderr. */
  log?: (line: string) => void;
  /** Progress line (default: a live line on stderr). */
  onProgress?: (line: string | null) => void;
}

export interface EnqueueRenderResult {
  outPath: string;
  renderId: string;
  sha256: string;
  wallMs: number;
  /** Times the flow was enqueued (more than 1 after Redis lost it). */
  enqueues: number;
  join: JoinJobResult;
  /** What each chunk job returned (stage times, reused or not), in chunk order. */
  chunks: ChunkJobResult[];
}

/** Same request, same id: a re-enqueued render finds its chunks in the store. */
export function renderIdFor(r: Omit<RenderRequest, 'renderId'>): string {
  const key = JSON.stringify([r.sourceHash, r.compositionId, r.range, r.chunks, r.crf, propsHash(r.inputProps)]);
  return `${r.compositionId}-${createHash('sha256').update(key).digest('hex').slice(0, 12)}`;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function enqueueRender(o: EnqueueRenderOptions): Promise<EnqueueRenderResult> {
  const started = performance.now();
  const meta = resolveComposition(o.compositionId);
  const range = resolveFrameRange(o.frameRange, meta);
  if (!Number.isInteger(o.chunks) || o.chunks < 1)
    throw new Error(`--chunks ${o.chunks} is not valid; use a whole number >= 1.`);
  chunkRange(range, { index: o.chunks, count: o.chunks }); // throws when there are more chunks than frames allow
  const outPath = resolve(o.outPath ?? join(REPO_ROOT, renderConfig.outDir, `${meta.id}.mp4`));
  if (!outPath.endsWith('.mp4')) throw new Error(`--out ${outPath}: the video output must be an .mp4 file.`);
  const store = resolve(o.storeDir);
  checkStoreReachable(store);
  const log = o.log ?? ((line: string) => process.stderr.write(`\r\x1b[2Krender: ${line}\n`));
  const base = {
    sourceHash: hashSources(),
    compositionId: meta.id,
    range,
    chunks: o.chunks,
    crf: resolveCrf(o.crf),
    ...(o.framesPerShot !== undefined ? { framesPerShot: o.framesPerShot } : {}),
    ...(o.inputProps !== undefined ? { inputProps: o.inputProps } : {}),
  };
  const request: RenderRequest = { renderId: renderIdFor(base), ...base };
  recordRender(store, request);

  const connection = queueConnection(o.redisUrl, { failFast: true });
  const queue = new Queue(RENDER_QUEUE, { connection });
  const flows = new FlowProducer({ connection });
  let lastRedisError = '';
  queue.on('error', (e) => (lastRedisError = e.message));
  flows.on('error', (e) => (lastRedisError = e.message));
  const total = frameCount(range);
  const progressLine = o.onProgress ?? liveLine();
  let enqueues = 0;
  const refusalsShown = new Set<string>();
  try {
    const enqueue = async () => {
      enqueues += 1;
      const parentId = `${request.renderId}.${Date.now().toString(36)}`;
      const jobOpts = {
        attempts: 3,
        backoff: { type: 'exponential', delay: 2000 },
        removeOnComplete: { age: 24 * 3600 },
        removeOnFail: { age: 7 * 24 * 3600 },
      };
      await flows.add({
        name: 'join',
        queueName: RENDER_QUEUE,
        data: { ...request, kind: 'join' } satisfies JoinJobData,
        opts: { ...jobOpts, jobId: parentId },
        children: Array.from({ length: o.chunks }, (_, i) => ({
          name: 'chunk',
          queueName: RENDER_QUEUE,
          data: { ...request, kind: 'chunk', index: i + 1 } satisfies ChunkJobData,
          opts: { ...jobOpts, jobId: `${parentId}.chunk-${i + 1}`, failParentOnFailure: true },
        })),
      });
      return parentId;
    };
    let parentId = await withRedis(
      () => enqueue(),
      o,
      () => lastRedisError,
    );
    log(
      `enqueued render ${request.renderId}: ${meta.id} frames ${range.first}-${range.last} in ${o.chunks} chunks on ${o.redisUrl} (sources ${request.sourceHash}); store ${store}`,
    );
    let unreachableSince: number | null = null;
    for (;;) {
      await sleep(500);
      let parent: Job | undefined;
      let children: Array<Job | undefined>;
      try {
        parent = await queue.getJob(parentId);
        children = await Promise.all(
          Array.from({ length: o.chunks }, (_, i) => queue.getJob(`${parentId}.chunk-${i + 1}`)),
        );
        unreachableSince = null;
      } catch (e) {
        unreachableSince ??= Date.now();
        const waited = Date.now() - unreachableSince;
        if (waited > (o.redisTimeoutMs ?? 120_000))
          throw new Error(
            `Redis at ${o.redisUrl} has been unreachable for ${Math.round(waited / 1000)} s (${(e as Error).message}); the render was not finished. Chunks already in the store ${store} are reused when you run the same command again.`,
            { cause: e },
          );
        progressLine(
          `render ${meta.id} [queue] Redis at ${o.redisUrl} unreachable (${(e as Error).message}); retrying`,
        );
        continue;
      }
      if (!parent) {
        log(
          `the render's jobs are gone from Redis (restarted without persistence?); enqueuing them again — chunks already in the store are reused`,
        );
        parentId = await withRedis(
          () => enqueue(),
          o,
          () => lastRedisError,
        );
        continue;
      }
      const state = await parent.getState();
      if (state === 'completed') {
        // `parent` may have been read just before it finished: read it again for its return value.
        const finished = await queue.getJob(parentId);
        const result = finished?.returnvalue as JoinJobResult | null | undefined;
        if (!result) continue;
        const stored = join(store, result.file);
        await produceFileAtomic(outPath, async (tmp) => {
          copyFileSync(stored, tmp);
          const sha = await sha256File(tmp);
          if (sha !== result.sha256)
            throw new Error(
              `${stored} does not match what the join wrote (sha256 ${sha.slice(0, 16)}… instead of ${result.sha256.slice(0, 16)}…); the store damaged it. No output was written.`,
            );
        });
        progressLine(
          formatProgress(`render ${meta.id} [queue]`, {
            stage: 'done',
            framesDone: total,
            totalFrames: total,
            fps: total / ((performance.now() - started) / 1000),
            etaSeconds: 0,
          }),
        );
        const chunks = Object.values(await finished!.getChildrenValues<ChunkJobResult>()).sort(
          (a, b) => a.index - b.index,
        );
        return {
          chunks,
          outPath,
          renderId: request.renderId,
          sha256: result.sha256,
          wallMs: performance.now() - started,
          enqueues,
          join: result,
        };
      }
      if (state === 'failed') {
        const reasons = children
          .filter((c): c is Job => Boolean(c?.failedReason))
          .map((c) => `chunk ${(c.data as ChunkJobData).index}/${o.chunks}: ${c.failedReason}`);
        throw new Error(
          `the render failed on the queue: ${[...reasons, parent.failedReason && !reasons.length ? `join: ${parent.failedReason}` : ''].filter(Boolean).join('; ')}`,
        );
      }
      // Progress: finished chunks count whole, running ones by their reported frames.
      let framesDone = 0;
      let done = 0;
      let active = 0;
      for (const c of children) {
        if (!c) continue;
        const d = c.data as ChunkJobData;
        const frames = frameCount(chunkRange(range, { index: d.index, count: o.chunks }));
        if (c.finishedOn && !c.failedReason) {
          framesDone += frames;
          done += 1;
        } else if (c.processedOn) {
          active += 1;
          const p = c.progress as Partial<ChunkProgress> | number;
          if (typeof p === 'object' && p && typeof p.framesDone === 'number')
            framesDone += Math.min(frames, p.framesDone);
        }
        if (d.refusal && !refusalsShown.has(d.refusal.message)) {
          refusalsShown.add(d.refusal.message);
          log(
            `${d.refusal.worker} refused chunk ${d.index}/${o.chunks}: ${d.refusal.message}; it waits for a matching worker`,
          );
        }
      }
      const pd = parent.data as JoinJobData;
      if (pd.refusal && !refusalsShown.has(pd.refusal.message)) {
        refusalsShown.add(pd.refusal.message);
        log(`${pd.refusal.worker} refused the join: ${pd.refusal.message}; it waits for a matching worker`);
      }
      const seconds = (performance.now() - started) / 1000;
      const fps = framesDone / seconds;
      const stage = done === o.chunks ? 'mux' : 'capture';
      progressLine(
        `${formatProgress(`render ${meta.id} [queue]`, { stage, framesDone, totalFrames: total, fps, etaSeconds: fps > 0 ? (total - framesDone) / fps : null })}  chunks ${done}/${o.chunks} done, ${active} rendering`,
      );
    }
  } finally {
    progressLine(null);
    await Promise.allSettled([queue.close(), flows.close()]);
  }
}

/** Runs a Redis operation, retrying while Redis is unreachable, up to the timeout. */
async function withRedis<T>(op: () => Promise<T>, o: EnqueueRenderOptions, lastError: () => string): Promise<T> {
  const deadline = Date.now() + (o.redisTimeoutMs ?? 120_000);
  for (;;) {
    try {
      return await op();
    } catch (e) {
      if (Date.now() > deadline)
        throw new Error(
          `cannot reach Redis at ${o.redisUrl}: ${(e as Error).message || lastError()}; start it (or fix --queue) and run again.`,
          { cause: e },
        );
      await sleep(500);
    }
  }
}

/** A progress line rewritten in place on a terminal, one line every 5 s otherwise; null ends it. */
function liveLine(): (line: string | null) => void {
  const tty = Boolean(process.stderr.isTTY);
  let last = 0;
  let shown = false;
  return (line) => {
    if (line === null) {
      if (tty && shown) process.stderr.write('\n');
      return;
    }
    const now = Date.now();
    if (now - last < (tty ? 200 : 5000) && !line.includes(' done ')) return;
    last = now;
    shown = true;
    process.stderr.write(tty ? `\r\x1b[2K${line}` : `${line}\n`);
  };
}
