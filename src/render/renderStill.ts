import { extname, join, resolve } from 'node:path';
import { renderConfig } from '../../render.config';
import { writeFileAtomic } from '../publish/atomicWrite';
import { REPO_ROOT } from './bundle';
import { launchChromium } from './chromium';
import { openFramePage, type CaptureFormat } from './framePage';
import { openRenderSession } from './renderSession';
import { findSystemTools } from './systemTools';
import { resolveComposition, resolveFrameRange } from './renderOptions';

export interface RenderStillOptions {
  /** Composition id (e.g. "explainer"). */
  compositionId: string;
  /** Absolute frame to draw (default: the composition's poster frame). */
  frame?: number;
  /** Output file; .png (lossless) or .jpg/.jpeg (quality from render.config.ts). Default out/<id>-<frame>.png. */
  outPath?: string;
  /** Props for the composition component (default its defaultProps). */
  inputProps?: Record<string, unknown>;
}

export interface RenderStillResult {
  outPath: string;
  frame: number;
  format: CaptureFormat;
  width: number;
  height: number;
  elapsedMs: number;
}

/** Draws one frame of a composition and writes it as PNG or JPEG (chosen by the file extension). */
export async function renderStill(options: RenderStillOptions): Promise<RenderStillResult> {
  const started = performance.now();
  const meta = resolveComposition(options.compositionId);
  const frame = options.frame ?? meta.posterFrame;
  resolveFrameRange([frame, frame], meta);
  const outPath = resolve(options.outPath ?? join(REPO_ROOT, renderConfig.outDir, `${meta.id}-${frame}.png`));
  const ext = extname(outPath).toLowerCase();
  const format: CaptureFormat | null = ext === '.png' ? 'png' : ext === '.jpg' || ext === '.jpeg' ? 'jpeg' : null;
  if (!format) throw new Error(`--out ${outPath}: a still must be a .png, .jpg or .jpeg file.`);

  findSystemTools();
  const session = await openRenderSession();
  const browser = await launchChromium(session.tools.chromium).catch(async (e) => {
    await session.close();
    throw e;
  });
  try {
    const page = await openFramePage(browser.browser, {
      url: session.pageUrl,
      compositionId: meta.id,
      width: meta.width,
      height: meta.height,
      inputProps: options.inputProps,
      timeoutMs: renderConfig.capture.frameTimeoutMs,
    });
    await page.setFrame(frame);
    const image = await page.capture(format, renderConfig.capture.jpegQuality);
    writeFileAtomic(outPath, image);
    return { outPath, frame, format, width: meta.width, height: meta.height, elapsedMs: performance.now() - started };
  } finally {
    await browser.close();
    await session.close();
  }
}
