import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { renderConfig } from '../../render.config';
import type { CompositionMeta } from '../engine/composition';
import { REPO_ROOT } from './bundle';
import { killGroup, onAbortCleanup, spawnGroup } from './childProcesses';
import { launchChromium, type LaunchedBrowser } from './chromium';
import { concatListLine, joinAndMuxArgs, segmentEncodeArgs } from './ffmpegArgs';
import { filmstripGroups, filmstripLayout } from '../engine/filmstrip';
import { frameCount, splitFrameRange, type FrameRange } from './frameRange';
import { openFramePage } from './framePage';
import { openRenderSession } from './renderSession';
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
  /** Parallel capture workers, each a browser with a contiguous frame range (default render.config.ts). */
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
  workerTotals: { setFrameMs: number; screenshotMs: number; pipeWaitMs: number };
  /** Frames per second over the whole render, bundle to mux. */
  fps: number;
  bundleCached: boolean;
  /** Source hash of the render bundle the frames came from (bundle.ts). */
  sourceHash: string;
}

/**
 * Renders a composition (or a frame range of it) to an H.264 MP4 with its
 * audio: N browsers each capture a contiguous range into their own ffmpeg,
 * the segments are joined without re-encoding, and the audio is muxed in.
 * On any failure every browser and ffmpeg is killed, temporary files are
 * removed and an existing file at `outPath` is left as it was.
 */
export async function renderVideo(options: RenderVideoOptions): Promise<RenderResult> {
  const started = performance.now();
  const meta = resolveComposition(options.compositionId);
  const range = resolveFrameRange(options.frameRange, meta);
  const concurrency = resolveConcurrency(options.concurrency);
  const crf = resolveCrf(options.crf);
  const framesPerShot = resolveFramesPerShot(options.framesPerShot ?? meta.framesPerShot);
  const outPath = resolve(options.outPath ?? join(REPO_ROOT, renderConfig.outDir, `${meta.id}.mp4`));
  if (!outPath.endsWith('.mp4')) throw new Error(`--out ${outPath}: the video output must be an .mp4 file.`);
  findSystemTools(); // fail fast, before any progress output, with the install command
  const total = frameCount(range);
  const report = (stage: RenderStage, framesDone: number, fps = 0, etaSeconds: number | null = null) =>
    options.onProgress?.({ stage, framesDone, totalFrames: total, fps, etaSeconds });

  mkdirSync(dirname(outPath), { recursive: true });
  removeOrphanedTempDirs(outPath);
  const tmpDir = join(dirname(outPath), `.${basename(outPath)}.render-${process.pid}-${Date.now().toString(36)}`);
  mkdirSync(tmpDir);
  const browsers: LaunchedBrowser[] = [];
  const encoders: ChildProcess[] = [];
  const killEverything = () => {
    for (const b of browsers) b.kill();
    for (const e of encoders) killGroup(e);
  };
  const removeTmp = () => rmSync(tmpDir, { recursive: true, force: true });
  const unregister = onAbortCleanup(() => {
    killEverything();
    removeTmp();
  });

  const audio = options.videoOnly ? null : meta.audio;
  if (audio?.kind === 'file' && !existsSync(join(REPO_ROOT, 'public', audio.publicPath))) {
    unregister();
    removeTmp();
    throw new Error(
      `Composition "${meta.id}" uses audio public/${audio.publicPath}, which does not exist; run \`npm run voiceover\` or fix the path in its meta.`,
    );
  }
  report('bundle', 0);
  const session = await openRenderSession().catch((e) => {
    unregister();
    removeTmp();
    throw e;
  });
  const stages: RenderStageTimes = {
    bundleMs: session.bundle.elapsedMs,
    launchMs: 0,
    captureMs: 0,
    encodeTailMs: 0,
    muxMs: 0,
    totalMs: 0,
  };
  const workerTotals = { setFrameMs: 0, screenshotMs: 0, pipeWaitMs: 0 };
  try {
    const pieces = splitFrameRange(range, concurrency);
    const segments = pieces.map((_, i) => join(tmpDir, `segment-${String(i).padStart(3, '0')}.mp4`));

    // Launch: every worker starts its browser and mounts the composition.
    report('launch', 0);
    const launchStart = performance.now();
    let firstError: Error | null = null;
    const fail = (e: unknown) => {
      if (!firstError) {
        firstError = e instanceof Error ? e : new Error(String(e));
        killEverything();
      }
    };
    // 'browsers': one Chromium per worker (fastest); 'pages': one Chromium, a page per worker (less memory).
    const shared = renderConfig.capture.workerMode === 'pages' ? await launchChromium(session.tools.chromium) : null;
    if (shared) browsers.push(shared);
    const pages = await Promise.all(
      pieces
        .map(async (piece, i) => {
          const b = shared ?? (await launchChromium(session.tools.chromium));
          if (!shared) browsers.push(b);
          if (firstError) throw firstError;
          const page = await openFramePage(b.browser, {
            url: session.pageUrl,
            compositionId: meta.id,
            width: meta.width,
            height: meta.height,
            inputProps: options.inputProps,
            timeoutMs: renderConfig.capture.frameTimeoutMs,
            filmstrip: filmstripLayout(meta.width, meta.height, framesPerShot),
          });
          checkSameMeta(meta, page.meta);
          return { page, piece, browser: b, index: i };
        })
        .map((p) =>
          p.catch((e) => {
            fail(e);
            throw e;
          }),
        ),
    ).catch(() => {
      throw firstError;
    });
    stages.launchMs = performance.now() - launchStart;

    // Capture + encode: each worker pipes its frames into its own ffmpeg.
    const captureStart = performance.now();
    let framesDone = 0;
    let lastCaptureEnd = captureStart;
    const tick = (frames: number) => {
      framesDone += frames;
      const seconds = (performance.now() - captureStart) / 1000;
      const fps = framesDone / seconds;
      report('capture', framesDone, fps, (total - framesDone) / fps);
    };
    report('capture', 0);
    const results = await Promise.allSettled(
      pages
        .map(async ({ page, piece, browser, index }) => {
          const strip = { layout: page.layout, frames: frameCount(piece) };
          const encoder = spawnGroup(
            session.tools.ffmpeg,
            segmentEncodeArgs({ fps: meta.fps, crf }, strip, segments[index] as string),
            {
              stdio: ['pipe', 'ignore', 'pipe'],
            },
          );
          encoders.push(encoder);
          const encoded = waitForExit(encoder, `ffmpeg (segment encoder for frames ${piece.first}-${piece.last})`);
          encoded.catch(fail);
          const died = browserDeath(
            browser,
            `Chromium (capture worker ${index + 1}, frames ${piece.first}-${piece.last})`,
          );
          died.catch(fail);
          encoder.stdin!.on('error', () => {}); // EPIPE surfaces through `encoded`
          let pipeFree: Promise<void> = Promise.resolve();
          try {
            for (const group of filmstripGroups(piece.first, piece.last, framesPerShot)) {
              if (firstError) throw firstError;
              let t = performance.now();
              await Promise.race([page.setFrames(group), died]);
              workerTotals.setFrameMs += performance.now() - t;
              t = performance.now();
              const image = await Promise.race([
                page.capture(renderConfig.capture.format, renderConfig.capture.jpegQuality),
                died,
              ]);
              workerTotals.screenshotMs += performance.now() - t;
              // Wait for the encoder to take the previous image only now, so drawing this one overlapped it.
              t = performance.now();
              await pipeFree;
              workerTotals.pipeWaitMs += performance.now() - t;
              pipeFree = encoder.stdin!.write(image) ? Promise.resolve() : Promise.race([onceDrain(encoder), encoded]);
              // Not awaited if the next draw fails first; the encoder's own failure reaches `fail` through `encoded`.
              pipeFree.catch(() => {});
              tick(new Set(group).size);
            }
            await pipeFree;
          } catch (e) {
            // A dying browser first shows as a lost CDP connection; report the real cause when that is it.
            throw (await settledWithin(died, 3000)) ?? e;
          }
          lastCaptureEnd = Math.max(lastCaptureEnd, performance.now());
          encoder.stdin!.end();
          if (shared) await page.close();
          else await browser.close();
          await encoded;
        })
        .map((p) =>
          p.catch((e) => {
            fail(e);
            throw e;
          }),
        ),
    );
    if (firstError) throw firstError;
    for (const r of results) if (r.status === 'rejected') throw r.reason;
    stages.captureMs = lastCaptureEnd - captureStart;
    stages.encodeTailMs = performance.now() - lastCaptureEnd;

    // Join + mux.
    report('mux', total);
    const muxStart = performance.now();
    const listFile = join(tmpDir, 'segments.txt');
    writeFileSync(listFile, segments.map(concatListLine).join('\n') + '\n');
    const muxedFile = join(tmpDir, 'muxed.mp4');
    const mux = spawnGroup(
      session.tools.ffmpeg,
      joinAndMuxArgs({
        concatListFile: listFile,
        audio,
        publicDir: join(REPO_ROOT, 'public'),
        startSeconds: range.first / meta.fps,
        durationSeconds: total / meta.fps,
        outFile: muxedFile,
      }),
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    encoders.push(mux);
    await waitForExit(mux, 'ffmpeg (join segments + mux audio)');
    renameSync(muxedFile, outPath);
    stages.muxMs = performance.now() - muxStart;
    stages.totalMs = performance.now() - started;
    report('done', total, total / (stages.totalMs / 1000), 0);
    return {
      outPath,
      composition: meta,
      frameRange: range,
      frames: total,
      concurrency: pieces.length,
      framesPerShot,
      stages,
      workerTotals,
      fps: total / (stages.totalMs / 1000),
      bundleCached: session.bundle.cached,
      sourceHash: session.bundle.sourceHash,
    };
  } finally {
    killEverything();
    await Promise.all(browsers.map((b) => b.close()));
    await session.close();
    removeTmp();
    unregister();
  }
}

/** The page's registry (components) and the Node catalog (metadata) must describe the same composition. */
function checkSameMeta(node: CompositionMeta, page: CompositionMeta): void {
  const keys = ['width', 'height', 'fps', 'durationInFrames'] as const;
  const diff = keys.filter((k) => node[k] !== page[k]);
  if (diff.length) {
    throw new Error(
      `Composition "${node.id}": src/compositions/catalog.ts and the component registry disagree on ${diff
        .map((k) => `${k} (${node[k]} vs ${page[k]})`)
        .join(', ')}; make both come from the same meta object.`,
    );
  }
}

/** Resolves when the process exits with 0; rejects with its last stderr lines otherwise. */
export function waitForExit(child: ChildProcess, label: string): Promise<void> {
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  return new Promise((resolvePromise, reject) => {
    child.once('error', (e) => reject(new Error(`${label} could not start: ${e.message}`)));
    child.once('close', (code, signal) => {
      if (code === 0) resolvePromise();
      else
        reject(
          new Error(
            `${label} failed (${signal ? `killed by ${signal}` : `exit code ${code}`})${stderr.trim() ? `:\n${stderr.trim()}` : ''}`,
          ),
        );
    });
  });
}

function onceDrain(child: ChildProcess): Promise<void> {
  return new Promise((r) => child.stdin!.once('drain', () => r()));
}

/** The rejection of `promise` if it rejects within `ms`, else null. */
async function settledWithin(promise: Promise<never>, ms: number): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((r) => (timer = setTimeout(() => r(null), ms)));
  try {
    return await Promise.race([
      promise.then(
        () => null,
        (e: unknown) => e,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Never resolves; rejects if the browser goes away (exits, is killed) before we close it. */
function browserDeath(b: LaunchedBrowser, label: string): Promise<never> {
  return new Promise((_, reject) => {
    void b.disconnected.then(() => {
      if (b.closing) return;
      reject(new Error(`${label} exited unexpectedly; the render was stopped and no output was written.`));
    });
  });
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
