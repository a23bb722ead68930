import { createHash } from 'node:crypto';
import { renderConfig } from '../../render.config';
import { type CaptureFormat } from './framePage';
import { withSessionBrowser } from './renderSession';
import { resolveComposition, resolveFrameRange } from './renderOptions';

export interface CapturedFrame {
  frame: number;
  /** sha256 of the captured image bytes (PNG: a hash of the exact pixels). */
  sha256: string;
  bytes: Buffer;
}

/**
 * Captures the given frames, in the given order, in one fresh browser: the
 * determinism probe (same frame twice, other order, other browser -> same
 * hash) and a debugging aid.
 */
export async function captureFrames({
  compositionId,
  frames,
  format = 'png',
  inputProps,
}: {
  compositionId: string;
  frames: readonly number[];
  format?: CaptureFormat;
  inputProps?: Record<string, unknown>;
}): Promise<CapturedFrame[]> {
  const meta = resolveComposition(compositionId);
  for (const f of frames) resolveFrameRange([f, f], meta);
  return withSessionBrowser({}, async ({ openPage }) => {
    const page = await openPage(meta, { inputProps });
    const out: CapturedFrame[] = [];
    for (const frame of frames) {
      await page.setFrame(frame);
      const bytes = await page.capture(format, renderConfig.capture.jpegQuality);
      out.push({ frame, bytes, sha256: createHash('sha256').update(bytes).digest('hex') });
    }
    return out;
  });
}
