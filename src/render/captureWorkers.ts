import type { ChildProcess } from 'node:child_process';
import { renderConfig } from '../../render.config';
import type { CompositionMeta } from '../engine/composition';
import { filmstripGroups, filmstripLayout, type FilmstripLayout } from '../engine/capture';
import { killGroup, spawnGroup, waitForExit } from './childProcesses';
import { launchChromium, type LaunchedBrowser } from './chromium';
import { videoEncodeArgs } from './ffmpegArgs';
import { frameCount, type FrameRange } from './frameRange';
import { openFramePage, type FramePage } from './framePage';
import { OrderedWriter } from './orderedWriter';
import { Tripwire } from './tripwire';

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

/** One capture worker: a page showing the composition, in its own browser or a shared one. */
export interface CaptureWorker {
  index: number;
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
  workers: number;
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
    Array.from({ length: opts.workers }, (_, index) =>
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
          return { index, page, browser, sharedBrowser: shared !== null };
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
  /** Waiting for the encoder to take the image (it is busy, or an earlier filmstrip is still being drawn). */
  pipeWaitMs: number;
}

/** The filmstrips of a render, in order; each worker takes the next one when it is free. */
export class StripQueue {
  private next = 0;
  readonly strips: readonly (readonly number[])[];

  constructor(range: FrameRange, framesPerShot: number) {
    this.strips = filmstripGroups(range.first, range.last, framesPerShot);
  }

  /** The next filmstrip (its index in the stream and its frames, one per tile), or null when all are taken. */
  take(): { index: number; frames: readonly number[] } | null {
    if (this.next >= this.strips.length) return null;
    const index = this.next++;
    return { index, frames: this.strips[index]! };
  }
}

/**
 * The one encoder of a render: reads the filmstrip images in order from its
 * stdin (OrderedWriter) and writes the picture of every frame of `range`.
 */
export function startEncoder(
  { ffmpegPath, fps, crf, layout, range, videoPath, workers }: EncoderOptions,
  processes: RenderProcesses,
): { writer: OrderedWriter; finish(): Promise<void> } {
  const encoder = spawnGroup(
    ffmpegPath,
    videoEncodeArgs({ fps, crf }, { layout, frames: frameCount(range) }, videoPath),
    { stdio: ['pipe', 'ignore', 'pipe'] },
  );
  processes.encoders.push(encoder);
  const encoded = waitForExit(encoder, `ffmpeg (encoder for frames ${range.first}-${range.last})`);
  encoded.catch(processes.fail);
  const stdin = encoder.stdin!;
  stdin.on('error', () => {}); // EPIPE surfaces through `encoded`
  // The writer only needs to know the encoder is gone: an exit before it has every image is a failure too.
  const encoderGone = new Tripwire();
  encoded.then(
    () => encoderGone.trip(new Error('ffmpeg (encoder) exited before it had every frame.')),
    (e: unknown) => encoderGone.trip(e),
  );
  // Two images per worker may wait for an earlier one: enough to keep every worker drawing.
  const writer = new OrderedWriter(stdin, 2 * workers, encoderGone);
  return {
    writer,
    async finish() {
      await writer.drained();
      stdin.end();
      await encoded;
    },
  };
}

export interface EncoderOptions {
  ffmpegPath: string;
  fps: number;
  crf: number;
  layout: FilmstripLayout;
  range: FrameRange;
  /** The picture-only .mp4 the encoder writes. */
  videoPath: string;
  /** Capture workers feeding it. */
  workers: number;
}

export interface CaptureStripsOptions {
  /** Called with the number of frames captured by each screenshot. */
  onFrames: (frames: number) => void;
  totals: WorkerTotals;
}

/**
 * One worker's capture loop: take the next filmstrip, draw its frames, take
 * one screenshot and hand it to the writer, until the queue is empty; then
 * close the worker. Resolves with the time its last capture ended.
 */
export async function captureStrips(
  worker: CaptureWorker,
  queue: StripQueue,
  writer: OrderedWriter,
  { onFrames, totals }: CaptureStripsOptions,
  processes: RenderProcesses,
): Promise<number> {
  const { page, browser, index } = worker;
  let drawing = '';
  const died = browserDeath(browser, () => `Chromium (capture worker ${index + 1}${drawing})`);
  died.failed.catch(processes.fail);
  try {
    for (let strip = queue.take(); strip; strip = queue.take()) {
      processes.throwIfFailed();
      drawing = `, frames ${strip.frames[0]}-${strip.frames.at(-1)}`;
      let t = performance.now();
      await died.race(page.setFrames(strip.frames));
      totals.setFrameMs += performance.now() - t;
      t = performance.now();
      const image = await died.race(page.capture(renderConfig.capture.format, renderConfig.capture.jpegQuality));
      totals.screenshotMs += performance.now() - t;
      t = performance.now();
      await writer.put(strip.index, image);
      totals.pipeWaitMs += performance.now() - t;
      onFrames(new Set(strip.frames).size);
    }
  } catch (e) {
    // A dying browser first shows as a lost CDP connection; report the real cause when that is it.
    throw (await settledWithin(died.failed, 3000)) ?? e;
  }
  const captureEnd = performance.now();
  if (worker.sharedBrowser) await page.close();
  else await browser.close();
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

/** Trips if the browser goes away (exits, is killed) before we close it. */
function browserDeath(b: LaunchedBrowser, label: () => string): Tripwire {
  const died = new Tripwire();
  void b.disconnected.then(() => {
    if (b.closing) return;
    died.trip(new Error(`${label()} exited unexpectedly; the render was stopped and no output was written.`));
  });
  return died;
}
