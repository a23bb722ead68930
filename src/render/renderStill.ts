import { extname, join, resolve } from 'node:path';
import { renderConfig } from '../../render.config';
import { writeFileAtomic } from '../publish/atomicWrite';
import { REPO_ROOT } from './bundle';
import { type CaptureFormat } from './framePage';
import { withSessionBrowser } from './renderSession';
import { resolveProjectDir } from './projectFiles';
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
  /**
   * Pixel scale of the image: 1 (the composition's size) or 2 (twice as wide and
   * high, for print and posters). At 2 the explainer's 3D stage is drawn at pixel
   * ratio 2 with multisampling (STILL_SCALE_STAGE_PROPS), so it is as sharp as the text.
   */
  scale?: number;
  /** A project copy whose editable files the frame is drawn with (projectFiles.ts; the studio's `--project DIR`). */
  projectDir?: string;
}

/** Pixel scales a still may be drawn at. */
export const STILL_SCALES: readonly number[] = [1, 2];

/** Props that make a supersampled 3D stage in compositions that have one (the explainer cuts); others ignore them. */
export const SUPERSAMPLED_STAGE_PROPS = { stagePixelRatio: 2, stageAntialias: true } as const;

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
  const scale = options.scale ?? 1;
  if (!STILL_SCALES.includes(scale))
    throw new Error(`--scale ${scale}: a still is drawn at scale ${STILL_SCALES.join(' or ')}.`);
  resolveFrameRange([frame, frame], meta);
  const outPath = resolve(options.outPath ?? join(REPO_ROOT, renderConfig.outDir, `${meta.id}-${frame}.png`));
  const ext = extname(outPath).toLowerCase();
  const format: CaptureFormat | null = ext === '.png' ? 'png' : ext === '.jpg' || ext === '.jpeg' ? 'jpeg' : null;
  if (!format) throw new Error(`--out ${outPath}: a still must be a .png, .jpg or .jpeg file.`);

  findSystemTools();
  const projectDir = options.projectDir === undefined ? undefined : resolveProjectDir(options.projectDir);
  return withSessionBrowser({ projectDir }, async ({ openPage }) => {
    const page = await openPage(meta, {
      inputProps: scale === 1 ? options.inputProps : { ...SUPERSAMPLED_STAGE_PROPS, ...options.inputProps },
      captureScale: scale,
    });
    await page.setFrame(frame);
    const image = await page.capture(format, renderConfig.capture.jpegQuality);
    writeFileAtomic(outPath, image);
    return {
      outPath,
      frame,
      format,
      width: meta.width * scale,
      height: meta.height * scale,
      elapsedMs: performance.now() - started,
    };
  });
}
