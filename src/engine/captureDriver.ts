import { createElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { compositionMeta, type Composition, type CompositionMeta } from './composition';
import { CompositionFrame, describeFrameError, type FrameError } from './CompositionFrame';
import { RenderReadiness } from './renderReadiness';

/**
 * The page-side API the renderer drives through the browser: mount a
 * composition, then set frames one at a time. `setFrame` resolves only when
 * the frame is fully drawn (React committed, fonts loaded, every three.js
 * canvas drew this frame, every hold released), and rejects with the
 * composition, frame and component stack when a scene throws.
 *
 * It does not wait for an animation frame: a screenshot (CDP
 * Page.captureScreenshot) forces its own redraw of everything committed, so
 * waiting for one made the compositor draw each 1080p frame twice (placeholder
 * capture loop, 2 pages: 215 -> 184 ms CPU a frame; pixels identical).
 */
export interface CaptureDriver {
  /** Metadata of every registered composition. */
  compositions: CompositionMeta[];
  /** Mounts composition `id` at frame 0 and waits until it is ready. */
  mount(id: string, inputProps?: Record<string, unknown>): Promise<CompositionMeta>;
  /** Draws absolute frame `frame` of the mounted composition and waits until it may be captured. */
  setFrame(frame: number): Promise<void>;
}

export interface CaptureDriverOptions {
  /** Longest wait for one frame to become ready, ms (default 30 s). */
  readyTimeoutMs?: number;
}

export function createCaptureDriver(
  container: HTMLElement,
  compositions: readonly Composition<any>[],
  { readyTimeoutMs = 30_000 }: CaptureDriverOptions = {},
): CaptureDriver {
  let root: Root | null = null;
  let mounted: { composition: Composition<any>; inputProps: Record<string, unknown> | undefined } | null = null;
  let readiness = new RenderReadiness();
  let lastError: FrameError | null = null;
  let currentFrame = 0;
  const errorWaiters = new Set<(e: FrameError) => void>();

  const onError = (e: FrameError) => {
    lastError = e;
    for (const waiter of [...errorWaiters]) waiter(e);
  };

  async function draw(frame: number): Promise<void> {
    if (!mounted || !root) throw new Error('No composition mounted: call mount(id) first.');
    const { composition, inputProps } = mounted;
    if (!Number.isInteger(frame) || frame < 0 || frame >= composition.durationInFrames) {
      throw new Error(`Frame ${frame} is outside composition "${composition.id}" (valid: 0-${composition.durationInFrames - 1}).`);
    }
    lastError = null;
    currentFrame = frame;
    const r = root;
    flushSync(() => {
      r.render(createElement(CompositionFrame, { composition, frame, inputProps, readiness, onError }));
    });
    if (lastError) throw new Error(describeFrameError(lastError));
    void document.body.offsetHeight; // lay out now, so fonts the frame uses start loading
    await document.fonts.ready;
    let rejectOnError: (e: FrameError) => void = () => {};
    const failed = new Promise<never>((_, reject) => {
      rejectOnError = (e) => reject(new Error(describeFrameError(e)));
    });
    errorWaiters.add(rejectOnError);
    try {
      await Promise.race([readiness.waitUntilReady(frame, readyTimeoutMs), failed]);
    } finally {
      errorWaiters.delete(rejectOnError);
    }
    if (lastError) throw new Error(describeFrameError(lastError));
  }

  return {
    compositions: compositions.map(compositionMeta),
    async mount(id, inputProps) {
      const composition = compositions.find((c) => c.id === id);
      if (!composition) {
        throw new Error(`Unknown composition "${id}". Valid ids: ${compositions.map((c) => c.id).join(', ')}.`);
      }
      root?.unmount();
      readiness = new RenderReadiness();
      // Safety net: an error no boundary handled unmounts the tree; report it rather than capture a blank frame.
      root = createRoot(container, {
        onUncaughtError: (error, info) => {
          const e = error instanceof Error ? error : new Error(String(error));
          onError({
            compositionId: composition.id,
            frame: currentFrame,
            message: e.message,
            stack: e.stack ?? '',
            componentStack: info.componentStack ?? '',
          });
        },
      });
      mounted = { composition, inputProps };
      await loadDeclaredFonts();
      await draw(0);
      return compositionMeta(composition);
    },
    setFrame: draw,
  };
}

/** Loads every @font-face the page declares (shipped fonts), so no frame is captured with a fallback font. */
export async function loadDeclaredFonts(): Promise<void> {
  const faces: FontFace[] = [];
  document.fonts.forEach((face) => faces.push(face));
  await Promise.all(faces.map((face) => face.load().catch(() => undefined)));
  await document.fonts.ready;
}

