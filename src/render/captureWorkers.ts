import type { ChildProcess } from 'node:child_process';
import { renderConfig } from '../../render.config';
import type { CompositionMeta } from '../engine/composition';
import { filmstripGroups, filmstripLayout } from '../engine/capture';
import { killGroup, spawnGroup, waitForExit } from './childProcesses';
import { launchChromium, type LaunchedBrowser } from './chromium';
import { segmentEncodeArgs } from './ffmpegArgs';
import { frameCount, type FrameRange } from './frameRange';
import { openFramePage, type FramePage } from './framePage';

/**
 * The browsers and ffmpeg processes of one render and its first error. The
 * first failure anywhere kills every process, so the other workers stop at
 * once, and it is the error the whole render reports.
 */
export class RenderProcesses {
  readonly browsers: LaunchedBrowser[] = [];
  readonly encoders: ChildProcess[] = [];
  firstError: Error | null = null;

  readonly fail = (e: unknown): void => {
    if (!this.firstError) {
      this.firstError = e instanceof Error ? e : new Error(String(e));
      this.killAll();
    }
  };

  /** SIGKILLs every browser and encoder now; safe in signal handlers. */
  killAll(): void {
    for (const b of this.browsers) b.kill();
    for (const e of this.encoders) killGroup(e);
  }

  throwIfFailed(): void {
    if (this.firstError) throw this.firstError;
  }

  /** `task`, reporting its failure to `fail` first (so the other tasks are stopped) and still rejecting. */
  failFast<T>(task: Promise<T>): Promise<T> {
    return task.catch((e: unknown) => {
      this.fail(e);
      throw e;
    });
  }
}

/** One capture worker: a page showing the composition, in its own browser or a shared one, and its frames. */
export interface CaptureWorker {
  index: number;
  piece: FrameRange;
  page: FramePage;
  browser: LaunchedBrowser;
  /** True when the browser is shared by every worker ('pages' mode): the worker closes its page, not the browser. */
  sharedBrowser: boolean;
}

export interface LaunchWorkersOptions {
  chromiumPath: string;
  pageUrl: string;
  meta: CompositionMeta;
  inputProps?: Record<string, unknown>;
  framesPerShot: number;
  /** One contiguous frame range per worker. */
  pieces: readonly FrameRange[];
}

/** Launch: every worker starts its browser (or a page in the shared one) and mounts the composition. */
export async function launchCaptureWorkers(
  opts: LaunchWorkersOptions,
  processes: RenderProcesses,
): Promise<CaptureWorker[]> {
  const { meta } = opts;
  // 'pages': one Chromium, a page per worker (the default: measured faster and lighter, render.config.ts);
  // 'browsers': one Chromium per worker.
  const shared = renderConfig.capture.workerMode === 'pages' ? await launchChromium(opts.chromiumPath) : null;
  if (shared) processes.browsers.push(shared);
  return Promise.all(
    opts.pieces.map((piece, index) =>
      processes.failFast(
        (async (): Promise<CaptureWorker> => {
          const browser = shared ?? (await launchChromium(opts.chromiumPath));
          if (!shared) processes.browsers.push(browser);
          processes.throwIfFailed();
          const page = await openFramePage(browser.browser, {
            url: opts.pageUrl,
            compositionId: meta.id,
            width: meta.width,
            height: meta.height,
            inputProps: opts.inputProps,
            timeoutMs: renderConfig.capture.frameTimeoutMs,
            filmstrip: filmstripLayout(meta.width, meta.height, opts.framesPerShot),
          });
          checkSameMeta(meta, page.meta);
          return { index, piece, page, browser, sharedBrowser: shared !== null };
        })(),
      ),
    ),
  ).catch(() => {
    throw processes.firstError;
  });
}

/** Sums over workers of where capture time goes, ms. */
export interface WorkerTotals {
  /** React + three.js draw (setFrames). */
  setFrameMs: number;
  screenshotMs: number;
  /** Waiting for the encoder to take the previous image. */
  pipeWaitMs: number;
}

export interface CaptureSegmentOptions {
  ffmpegPath: string;
  fps: number;
  crf: number;
  framesPerShot: number;
  /** The segment this worker's encoder writes. */
  segmentPath: string;
  /** Called with the number of frames captured by each screenshot. */
  onFrames: (frames: number) => void;
  totals: WorkerTotals;
}

/**
 * Capture + encode segment: the worker draws its frames a filmstrip at a time,
 * screenshots them and pipes the images into its own ffmpeg, which encodes
 * the worker's segment. Resolves with the time the last capture ended (before
 * the encoder finishes), once the segment is written and the worker closed.
 */
export async function captureSegment(
  worker: CaptureWorker,
  opts: CaptureSegmentOptions,
  processes: RenderProcesses,
): Promise<number> {
  const { page, piece, browser, index } = worker;
  const strip = { layout: page.layout, frames: frameCount(piece) };
  const encoder = spawnGroup(
    opts.ffmpegPath,
    segmentEncodeArgs({ fps: opts.fps, crf: opts.crf }, strip, opts.segmentPath),
    {
      stdio: ['pipe', 'ignore', 'pipe'],
    },
  );
  processes.encoders.push(encoder);
  const encoded = waitForExit(encoder, `ffmpeg (segment encoder for frames ${piece.first}-${piece.last})`);
  encoded.catch(processes.fail);
  const died = browserDeath(browser, `Chromium (capture worker ${index + 1}, frames ${piece.first}-${piece.last})`);
  died.catch(processes.fail);
  const stdin = encoder.stdin!;
  stdin.on('error', () => {}); // EPIPE surfaces through `encoded`
  const { totals } = opts;
  let pipeFree: Promise<void> = Promise.resolve();
  try {
    for (const group of filmstripGroups(piece.first, piece.last, opts.framesPerShot)) {
      processes.throwIfFailed();
      let t = performance.now();
      await Promise.race([page.setFrames(group), died]);
      totals.setFrameMs += performance.now() - t;
      t = performance.now();
      const image = await Promise.race([
        page.capture(renderConfig.capture.format, renderConfig.capture.jpegQuality),
        died,
      ]);
      totals.screenshotMs += performance.now() - t;
      // Wait for the encoder to take the previous image only now, so drawing this one overlapped it.
      t = performance.now();
      await pipeFree;
      totals.pipeWaitMs += performance.now() - t;
      pipeFree = stdin.write(image) ? Promise.resolve() : Promise.race([onceDrain(encoder), encoded]);
      // Not awaited if the next draw fails first; the encoder's own failure reaches `fail` through `encoded`.
      pipeFree.catch(() => {});
      opts.onFrames(new Set(group).size);
    }
    await pipeFree;
  } catch (e) {
    // A dying browser first shows as a lost CDP connection; report the real cause when that is it.
    throw (await settledWithin(died, 3000)) ?? e;
  }
  const captureEnd = performance.now();
  stdin.end();
  if (worker.sharedBrowser) await page.close();
  else await browser.close();
  await encoded;
  return captureEnd;
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
