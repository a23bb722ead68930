/**
 * What a worker does with a job: a 'chunk' job renders chunk K/N into the
 * store (or reuses an intact one already there), a 'join' job joins the
 * render's chunks from the store into the final MP4 and puts that in the
 * store. A job from other sources, or for a render this worker's store does
 * not hold, is refused: put back on the queue (delayed a little) for another
 * worker, with the reason recorded on the job for the enqueuer to show.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DelayedError, type Job } from 'bullmq';
import { resolveComposition } from '../render/renderOptions';
import {
  chunkEncoder,
  chunkFileName,
  chunkRange,
  isCompleteChunk,
  manifestPathFor,
  propsHash,
  readChunkManifest,
  renderChunk,
  sha256File,
  type ChunkManifest,
} from '../render/chunks';
import { ChunkSetError, joinChunks } from '../render/joinChunks';
import { writeFileAtomic } from '../publish/atomicWrite';
import type { ChunkProgress, JoinJobData, RenderJobData, RenderRequest } from './queueConfig';
import { chunksDirIn, putFile, renderDirIn, whyStoreUnreachable } from './store';

export interface WorkerContext {
  /** host:pid, in logs and refusals. */
  name: string;
  store: string;
  /** hashSources() of this checkout, computed when the worker started. */
  sourceHash: string;
  /** Capture pages per chunk (render --concurrency). */
  concurrency?: number;
  log: (line: string) => void;
}

export interface ChunkJobResult {
  index: number;
  file: string;
  sha256: string;
  reused: boolean;
  /** Stage times of the chunk render, ms, and the first frame's (launch done to first frame captured); absent when reused. */
  stages?: Record<string, number>;
}

export interface JoinJobResult {
  /** The joined video, relative to the store. */
  file: string;
  sha256: string;
  bytes: number;
  joinMs: number;
  /** Chunks the join found corrupted or missing in the store and rendered again itself. */
  rerendered: number[];
}

/** Why this worker must not take the job, or null. */
export function whyRefuse(ctx: WorkerContext, data: RenderRequest): string | null {
  if (data.sourceHash !== ctx.sourceHash)
    return `this worker was built from other sources (source hash ${ctx.sourceHash}; the job needs ${data.sourceHash}): check out the same commit, with the same captions/ and public/, and restart the worker`;
  return whyStoreUnreachable(ctx.store, data.renderId);
}

/** Jobs this process has refused (each is logged once, not on every return to the queue). */
const refusedJobs = new Set<string>();

export async function processRenderJob(ctx: WorkerContext, job: Job<RenderJobData>, token?: string): Promise<unknown> {
  const data = job.data;
  const what = data.kind === 'chunk' ? `chunk ${data.index}/${data.chunks}` : `join of ${data.chunks} chunks`;
  const refusal = whyRefuse(ctx, data);
  if (refusal) {
    if (!refusedJobs.has(`${job.id}`))
      ctx.log(`refused ${what} of render ${data.renderId} (job ${job.id}): ${refusal}`);
    refusedJobs.add(`${job.id}`);
    await job.updateData({ ...data, refusal: { worker: ctx.name, message: refusal, at: Date.now() } });
    // Back to the queue for another worker; a short random delay so this one does not take it straight back.
    await job.moveToDelayed(Date.now() + 1000 + Math.floor(Math.random() * 1500), token);
    throw new DelayedError();
  }
  ctx.log(`${what} of render ${data.renderId} (job ${job.id}, attempt ${job.attemptsMade + 1}): started`);
  const started = performance.now();
  const result =
    data.kind === 'chunk'
      ? await chunkIntoStore(
          ctx,
          data,
          data.index,
          (p) => void job.updateProgress(p as unknown as object).catch(() => {}),
        )
      : await joinInStore(ctx, data);
  ctx.log(`${what} of render ${data.renderId}: done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

function expectedManifest(data: RenderRequest, index: number): Omit<ChunkManifest, 'file' | 'bytes' | 'sha256'> {
  const meta = resolveComposition(data.compositionId);
  const chunk = { index, count: data.chunks };
  return {
    kind: 'ltp-render-chunk',
    version: 1,
    composition: meta.id,
    sourceHash: data.sourceHash,
    propsHash: propsHash(data.inputProps),
    range: data.range,
    chunk,
    frames: chunkRange(data.range, chunk),
    encoder: chunkEncoder(meta, data.crf),
  };
}

/** Renders chunk `index` locally, then puts it and its manifest into the store; reuses an intact chunk already there. */
export async function chunkIntoStore(
  ctx: WorkerContext,
  data: RenderRequest,
  index: number,
  onProgress?: (p: ChunkProgress) => void,
): Promise<ChunkJobResult> {
  const chunk = { index, count: data.chunks };
  const name = chunkFileName(chunk);
  const storeFile = join(chunksDirIn(ctx.store, data.renderId), name);
  if (await isCompleteChunk(storeFile, expectedManifest(data, index))) {
    const m = readChunkManifest(manifestPathFor(storeFile));
    ctx.log(`chunk ${index}/${data.chunks}: an intact copy is already in the store; reused`);
    return { index, file: name, sha256: m.sha256, reused: true };
  }
  const local = mkdtempSync(join(tmpdir(), 'render-worker-'));
  try {
    let lastReport = 0;
    let captureStart = 0;
    let firstFrameMs = 0;
    const result = await renderChunk({
      compositionId: data.compositionId,
      chunk,
      frameRange: data.range,
      outPath: join(local, name),
      crf: data.crf,
      concurrency: ctx.concurrency,
      framesPerShot: data.framesPerShot,
      inputProps: data.inputProps,
      onProgress: (p) => {
        if (p.stage === 'capture' && p.framesDone === 0) captureStart = performance.now();
        else if (p.stage === 'capture' && !firstFrameMs) firstFrameMs = performance.now() - captureStart;
        const now = Date.now();
        if (now - lastReport < 1000 && p.stage === 'capture') return;
        lastReport = now;
        onProgress?.({ framesDone: p.framesDone, totalFrames: p.totalFrames, stage: p.stage });
      },
    });
    if (result.manifest.sourceHash !== data.sourceHash)
      throw new Error(
        `the sources changed while this worker ran (bundle ${result.manifest.sourceHash}, job ${data.sourceHash}); restart the worker.`,
      );
    await putFile(result.outPath, storeFile, result.manifest.sha256);
    writeFileAtomic(manifestPathFor(storeFile), JSON.stringify(result.manifest, null, 2) + '\n');
    const s = result.render.stages;
    return {
      index,
      file: name,
      sha256: result.manifest.sha256,
      reused: false,
      stages: { ...s, firstFrameMs },
    };
  } finally {
    rmSync(local, { recursive: true, force: true });
  }
}

/**
 * Joins the chunks in the store. A chunk found corrupted or missing there
 * (its sha256 no longer matches its manifest, the file is gone) is rendered
 * again here and the join retried once: never a video with a damaged chunk.
 */
export async function joinInStore(ctx: WorkerContext, data: JoinJobData): Promise<JoinJobResult> {
  const meta = resolveComposition(data.compositionId);
  const dir = chunksDirIn(ctx.store, data.renderId);
  const local = mkdtempSync(join(tmpdir(), 'render-join-'));
  const rerendered: number[] = [];
  try {
    const out = join(local, `${meta.id}.mp4`);
    const join1 = () =>
      joinChunks({
        compositionId: meta.id,
        chunksDir: dir,
        outPath: out,
        sourceHash: data.sourceHash,
        inputProps: data.inputProps,
      });
    let result;
    try {
      result = await join1();
    } catch (e) {
      if (!(e instanceof ChunkSetError)) throw e;
      const fixable = e.problems.filter((p) => p.index !== null && (p.kind === 'corrupt' || p.kind === 'missing'));
      if (fixable.length !== e.problems.length) throw e;
      for (const p of fixable) {
        ctx.log(`join: ${p.message}; rendering chunk ${p.index} again here`);
        rmSync(join(dir, chunkFileName({ index: p.index!, count: data.chunks })), { force: true });
        await chunkIntoStore(ctx, data, p.index!);
        rerendered.push(p.index!);
      }
      result = await join1();
    }
    const sha256 = await sha256File(out);
    const storeFile = join(renderDirIn(ctx.store, data.renderId), `${meta.id}.mp4`);
    await putFile(out, storeFile, sha256);
    const { size } = statSync(storeFile);
    return { file: join(data.renderId, `${meta.id}.mp4`), sha256, bytes: size, joinMs: result.joinMs, rerendered };
  } finally {
    rmSync(local, { recursive: true, force: true });
  }
}
