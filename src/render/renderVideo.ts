import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { renderConfig } from '../../render.config';
import type { CompositionMeta } from '../engine/composition';
import { REPO_ROOT } from './bundle';
import {
  captureStrips,
  launchCaptureWorkers,
  RenderProcesses,
  startEncoder,
  StripQueue,
  type WorkerTotals,
} from './captureWorkers';
import { onAbortCleanup } from './childProcesses';
import { joinAndMux } from './joinAndMux';
import { frameCount, type FrameRange } from './frameRange';
import { openRenderSession, type RenderSession } from './renderSession';
import { projectPublicDir, resolveProjectDir } from './projectFiles';
import { findSystemTools } from './systemTools';
import {
  resolveComposition,
  resolveConcurrency,
  resolveCrf,
  resolveFramesPerShot,
  resolveFrameRange,
  type FrameRangeInput,
} from './renderOptions';

export interface RenderVideoOptions {
  /** Composition id from src/compositions (e.g. "explainer"). */
  compositionId: string;
  /** Output .mp4 (default out/<compositionId>.mp4). Written to a temporary file first, then renamed. */
  outPath?: string;
  /** Inclusive frame range to render (default: the whole composition). */
  frameRange?: FrameRangeInput;
  /** Parallel capture workers, each a page taking the next filmstrip when free (default render.config.ts). */
  concurrency?: number;
  /** x264 CRF 0-51 (default render.config.ts; 0 = lossless). */
  crf?: number;
  /** Consecutive frames drawn side by side and captured in one screenshot (default: the composition's, else render.config.ts). */
  framesPerShot?: number;
  /** Props for the composition component (default its defaultProps). */
  inputProps?: Record<string, unknown>;
  /** Called after every captured frame and at each stage change. */
  onProgress?: (p: RenderProgress) => void;
  /** Picture only, no audio track: a chunk that `joinChunks` muxes the narration over later (chunks.ts). */
  videoOnly?: boolean;
  /**
   * A project copy (projectFiles.ts: captions/, public/voice/, src/scenes/*.look.json) whose files the
   * render reads in place of the repo's: the studio's `--project DIR`. Default: the repo.
   */
  projectDir?: string;
}

export type RenderStage = 'bundle' | 'launch' | 'capture' | 'encode' | 'mux' | 'done';

export interface RenderProgress {
  stage: RenderStage;
  framesDone: number;
  totalFrames: number;
  /** Capture speed so far, frames per second (0 before the first frame). */
  fps: number;
  /** Estimated seconds until all frames are captured (null before the first frame). */
  etaSeconds: number | null;
}

/** Wall time of each stage, ms. Capture and encode overlap: `encodeTailMs` is what encoding added after the last capture. */
export interface RenderStageTimes {
  bundleMs: number;
  launchMs: number;
  captureMs: number;
  encodeTailMs: number;
  muxMs: number;
  totalMs: number;
}

export interface RenderResult {
  outPath: string;
  composition: CompositionMeta;
  frameRange: FrameRange;
  frames: number;
  concurrency: number;
  /** Frames captured per screenshot (filmstrip tiles). */
  framesPerShot: number;
  stages: RenderStageTimes;
  /** Sum over workers of the time spent in setFrame (React + three.js draw) and in screenshots, ms. */
  workerTotals: WorkerTotals;
  /** Frames per second over the whole render, bundle to mux. */
  fps: number;
  bundleCached: boolean;
  /** Source hash of the render bundle the frames came from (bundle.ts). */
  sourceHash: string;
}

/** The validated options of one render (step 1: options). */
interface VideoPlan {
  meta: CompositionMeta;
  range: FrameRange;
  total: number;
  concurrency: number;
  crf: number;
  framesPerShot: number;
  outPath: string;
  projectDir: string;
}

/**
 * Renders a composition (or a frame range of it) to an H.264 MP4 with its
 * audio: N pages each take the next filmstrip from one queue, one ffmpeg
 * encodes the filmstrips in order, and the audio is muxed in.
 * On any failure every browser and ffmpeg is killed, temporary files are
 * removed and an existing file at `outPath` is left as it was.
 *
 * Steps: options → bundle → launch → capture workers feeding one encoder
 * → mux → atomic replace of `outPath`.
 */
export async function renderVideo(options: RenderVideoOptions): Promise<RenderResult> {
  const started = performance.now();
  const plan = resolveVideoPlan(options);
  const { meta, total } = plan;
  const report = (stage: RenderStage, framesDone: number, fps = 0, etaSeconds: number | null = null) =>
    options.onProgress?.({ stage, framesDone, totalFrames: total, fps, etaSeconds });

  const tmpDir = createRenderTempDir(plan.outPath);
  const processes = new RenderProcesses();
  const removeTmp = () => rmSync(tmpDir, { recursive: true, force: true });
  const unregister = onAbortCleanup(() => {
    processes.killAll();
    removeTmp();
  });
  let session: RenderSession | null = null;
  try {
    if (!options.videoOnly) checkAudioExists(meta, plan.projectDir);

    // Bundle: the render page is built (or reused) and served.
    report('bundle', 0);
    session = await openRenderSession({ projectDir: plan.projectDir });
    const { tools } = session;
    const stages: RenderStageTimes = {
      bundleMs: session.bundle.elapsedMs,
      launchMs: 0,
      captureMs: 0,
      encodeTailMs: 0,
      muxMs: 0,
      totalMs: 0,
    };
    const queue = new StripQueue(plan.range, plan.framesPerShot);
    const workerCount = Math.min(plan.concurrency, queue.strips.length);
    const videoFile = join(tmpDir, 'video.mp4');

    // Launch.
    report('launch', 0);
    const launchStart = performance.now();
    const workers = await launchCaptureWorkers(
      {
        chromiumPath: tools.chromium,
        pageUrl: session.pageUrl,
        meta,
        inputProps: options.inputProps,
        framesPerShot: plan.framesPerShot,
        workers: workerCount,
      },
      processes,
    );
    stages.launchMs = performance.now() - launchStart;

    // Capture + encode: every worker takes the next filmstrip from the queue; one encoder takes them in order.
    const encoder = startEncoder(
      {
        ffmpegPath: tools.ffmpeg,
        fps: meta.fps,
        crf: plan.crf,
        layout: workers[0]!.page.layout,
        range: plan.range,
        videoPath: videoFile,
        workers: workerCount,
      },
      processes,
    );
    const captureStart = performance.now();
    let framesDone = 0;
    const onFrames = (frames: number) => {
      framesDone += frames;
      const fps = framesDone / ((performance.now() - captureStart) / 1000);
      report('capture', framesDone, fps, (total - framesDone) / fps);
    };
    const workerTotals: WorkerTotals = { setFrameMs: 0, screenshotMs: 0, pipeWaitMs: 0 };
    report('capture', 0);
    const captureEnds = await Promise.allSettled(
      workers.map((worker) =>
        processes.failFast(captureStrips(worker, queue, encoder.writer, { onFrames, totals: workerTotals }, processes)),
      ),
    );
    processes.throwIfFailed();
    let lastCaptureEnd = captureStart;
    for (const r of captureEnds) {
      if (r.status === 'rejected') throw r.reason;
      lastCaptureEnd = Math.max(lastCaptureEnd, r.value);
    }
    await processes.failFast(encoder.finish());
    stages.captureMs = lastCaptureEnd - captureStart;
    stages.encodeTailMs = performance.now() - lastCaptureEnd;

    // Join + mux, then the atomic replace of the output.
    report('mux', total);
    const muxStart = performance.now();
    // Atomic replace: the muxed file sits in the temp directory beside outPath (same file system), so the
    // rename is atomic; Ctrl-C before it removes the whole temp directory.
    const muxedFile = join(tmpDir, 'muxed.mp4');
    const audioMeta = options.videoOnly ? { ...meta, audio: null } : meta;
    await joinAndMux({
      ffmpegPath: tools.ffmpeg,
      videoFiles: [videoFile],
      meta: audioMeta,
      range: plan.range,
      outFile: muxedFile,
      label: 'mux audio',
      publicDir:
        audioMeta.audio?.kind === 'file'
          ? projectPublicDir(REPO_ROOT, plan.projectDir, audioMeta.audio.publicPath)
          : join(REPO_ROOT, 'public'),
      onSpawn: (child) => processes.encoders.push(child),
    });
    renameSync(muxedFile, plan.outPath);
    stages.muxMs = performance.now() - muxStart;
    stages.totalMs = performance.now() - started;
    report('done', total, total / (stages.totalMs / 1000), 0);
    return {
      outPath: plan.outPath,
      composition: meta,
      frameRange: plan.range,
      frames: total,
      concurrency: workerCount,
      framesPerShot: plan.framesPerShot,
      stages,
      workerTotals,
      fps: total / (stages.totalMs / 1000),
      bundleCached: session.bundle.cached,
      sourceHash: session.bundle.sourceHash,
    };
  } finally {
    processes.killAll();
    await Promise.all(processes.browsers.map((b) => b.close()));
    await session?.close();
    removeTmp();
    unregister();
  }
}

/** Options: every option checked (and defaulted from render.config.ts) before any work or progress output. */
function resolveVideoPlan(options: RenderVideoOptions): VideoPlan {
  const meta = resolveComposition(options.compositionId);
  const range = resolveFrameRange(options.frameRange, meta);
  const concurrency = resolveConcurrency(options.concurrency);
  const crf = resolveCrf(options.crf);
  const framesPerShot = resolveFramesPerShot(options.framesPerShot ?? meta.framesPerShot);
  const outPath = resolve(options.outPath ?? join(REPO_ROOT, renderConfig.outDir, `${meta.id}.mp4`));
  if (!outPath.endsWith('.mp4')) throw new Error(`--out ${outPath}: the video output must be an .mp4 file.`);
  findSystemTools(); // fail fast, before any progress output, with the install command
  const projectDir = options.projectDir === undefined ? REPO_ROOT : resolveProjectDir(options.projectDir);
  return { meta, range, total: frameCount(range), concurrency, crf, framesPerShot, outPath, projectDir };
}

function checkAudioExists(meta: CompositionMeta, projectDir: string): void {
  if (
    meta.audio?.kind === 'file' &&
    !existsSync(join(projectPublicDir(REPO_ROOT, projectDir, meta.audio.publicPath), meta.audio.publicPath))
  ) {
    throw new Error(
      `Composition "${meta.id}" uses audio public/${meta.audio.publicPath}, which does not exist; run \`npm run voiceover\` or fix the path in its meta.`,
    );
  }
}

/**
 * A fresh temporary directory beside `outPath` (same file system, so the
 * final rename is atomic), after removing those left by killed renders.
 */
function createRenderTempDir(outPath: string): string {
  mkdirSync(dirname(outPath), { recursive: true });
  removeOrphanedTempDirs(outPath);
  const tmpDir = join(dirname(outPath), `.${basename(outPath)}.render-${process.pid}-${Date.now().toString(36)}`);
  mkdirSync(tmpDir);
  return tmpDir;
}

/** Removes temp directories left by renders of the same output whose process no longer exists (killed with SIGKILL). */
function removeOrphanedTempDirs(outPath: string): void {
  const prefix = `.${basename(outPath)}.render-`;
  for (const name of readdirSync(dirname(outPath))) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length).split('-')[0]);
    if (!Number.isInteger(pid) || pid <= 0 || isRunning(pid)) continue;
    rmSync(join(dirname(outPath), name), { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
