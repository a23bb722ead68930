import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import type { CompositionMeta } from '../engine/composition';
import { singleFrameLayout, type FilmstripLayout } from '../engine/capture';

export type CaptureFormat = 'jpeg' | 'png';

/**
 * One browser page showing one composition, driven frame by frame through
 * the page's `window.__captureDriver` (src/engine/captureDriver.ts), with
 * screenshots taken straight over CDP.
 */
export interface FramePage {
  meta: CompositionMeta;
  /** How frames sit on the page: one, or several side by side (a filmstrip). */
  layout: FilmstripLayout;
  /** Draws `frame` and waits until it may be captured (fonts, three.js draws, holds); one tile only. */
  setFrame(frame: number): Promise<void>;
  /** Draws `frames[i]` in tile i (one frame per tile) and waits until all may be captured. */
  setFrames(frames: readonly number[]): Promise<void>;
  /** Screenshot of the viewport (the composition's size, or the whole filmstrip), as encoded image bytes. */
  capture(format: CaptureFormat, jpegQuality: number): Promise<Buffer>;
  close(): Promise<void>;
}

export interface OpenFramePageOptions {
  url: string;
  compositionId: string;
  width: number;
  height: number;
  inputProps?: Record<string, unknown>;
  timeoutMs: number;
  /** Frames side by side on the page (video capture; filmstrip.ts). Default: the page is exactly one frame. */
  filmstrip?: FilmstripLayout;
}

export async function openFramePage(browser: Browser, opts: OpenFramePageOptions): Promise<FramePage> {
  const layout = opts.filmstrip ?? singleFrameLayout(opts.width, opts.height);
  const context: BrowserContext = await browser.newContext({
    viewport: { width: layout.stripWidth, height: layout.stripHeight },
    deviceScaleFactor: 1,
  });
  const page: Page = await context.newPage();
  page.setDefaultTimeout(opts.timeoutMs);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  const cdp: CDPSession = await context.newCDPSession(page);

  const explain = (e: unknown): Error => {
    const raw = e instanceof Error ? e.message : String(e);
    const message = raw.replace(/^page\.evaluate: (Error: )?/, '').replace(/\n\s*at .*$/gs, '');
    const extra = pageErrors.length ? `\n  page errors: ${pageErrors.slice(-3).join(' | ')}` : '';
    return new Error(`${message}${extra}`);
  };

  try {
    await page.goto(opts.url, { waitUntil: 'load' });
    await page.waitForFunction(() => Boolean(window.__captureDriver), undefined, { timeout: opts.timeoutMs });
  } catch (e) {
    await context.close().catch(() => {});
    throw new Error(`The render page did not start (${opts.url}): ${explain(e).message}`);
  }
  let meta: CompositionMeta;
  try {
    const mounted = await page.evaluate(
      ({ id, props, filmstrip }) =>
        window.__captureDriver!.mount(id, props ?? undefined, filmstrip).then(
          (m) => ({ ok: true as const, meta: m }),
          (e: unknown) => ({ ok: false as const, message: e instanceof Error ? e.message : String(e) }),
        ),
      {
        id: opts.compositionId,
        props: opts.inputProps ?? null,
        filmstrip: { tiles: layout.tiles, pitch: layout.pitch },
      },
    );
    if (!mounted.ok) throw new Error(mounted.message);
    meta = mounted.meta;
  } catch (e) {
    await context.close().catch(() => {});
    throw explain(e);
  }

  const setFrames = async (frames: readonly number[]) => {
    // The page returns the scene error's text (composition, frame, component stack) rather than
    // throwing, so Playwright's own stack does not get mixed into it.
    let failure: string | null;
    try {
      failure = await page.evaluate(
        (fs) =>
          window.__captureDriver!.setFrames(fs).then(
            () => null,
            (e: unknown) => (e instanceof Error ? e.message : String(e)),
          ),
        frames,
      );
    } catch (e) {
      throw explain(e);
    }
    if (failure !== null) throw new Error(failure);
  };

  return {
    meta,
    layout,
    setFrame: (frame) => setFrames([frame]),
    setFrames,
    async capture(format, jpegQuality) {
      const { data } = await cdp.send(
        'Page.captureScreenshot',
        format === 'jpeg' ? { format, quality: jpegQuality } : { format },
      );
      return Buffer.from(data, 'base64');
    },
    async close() {
      await context.close().catch(() => {});
    },
  };
}
