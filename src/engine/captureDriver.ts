import { createElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { compositionMeta, type AnyComposition, type CompositionMeta } from './composition';
import { CompositionFrame, describeFrameError, type FrameError } from './CompositionFrame';
import { singleFrameLayout, tileLeft } from './filmstrip';
import { RenderReadiness } from './renderReadiness';
import { SharedGlPool } from './sharedGl';

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
  /**
   * Mounts composition `id` at frame 0 and waits until it is ready. With a
   * filmstrip of `pitch` px tiles, the page shows `tiles` copies side by side
   * (filmstrip.ts), each drawing its own frame, for one screenshot of all.
   */
  mount(
    id: string,
    inputProps?: Record<string, unknown>,
    filmstrip?: { tiles: number; pitch: number },
  ): Promise<CompositionMeta>;
  /** Draws absolute frame `frame` of the mounted composition and waits until it may be captured (one tile). */
  setFrame(frame: number): Promise<void>;
  /** Draws `frames[i]` in tile i, one frame per mounted tile, and waits until all may be captured. */
  setFrames(frames: readonly number[]): Promise<void>;
}

export interface CaptureDriverOptions {
  /** Longest wait for one frame to become ready, ms (default 30 s). */
  readyTimeoutMs?: number;
}

/** One copy of the mounted composition: its own React root, readiness and error state. */
interface Tile {
  draw(frame: number): Promise<void>;
  unmount(): void;
}

function mountTile(
  container: HTMLElement,
  composition: AnyComposition,
  inputProps: Record<string, unknown> | undefined,
  readyTimeoutMs: number,
  glPool: SharedGlPool,
): Tile {
  const readiness = new RenderReadiness();
  let lastError: FrameError | null = null;
  let currentFrame = 0;
  const errorWaiters = new Set<(e: FrameError) => void>();
  const onError = (e: FrameError) => {
    lastError = e;
    for (const waiter of [...errorWaiters]) waiter(e);
  };
  // Safety net: an error no boundary handled unmounts the tree; report it rather than capture a blank frame.
  const root: Root = createRoot(container, {
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

  return {
    async draw(frame) {
      if (!Number.isInteger(frame) || frame < 0 || frame >= composition.durationInFrames) {
        throw new Error(
          `Frame ${frame} is outside composition "${composition.id}" (valid: 0-${composition.durationInFrames - 1}).`,
        );
      }
      lastError = null;
      currentFrame = frame;
      flushSync(() => {
        root.render(createElement(CompositionFrame, { composition, frame, inputProps, readiness, onError, glPool }));
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
    },
    unmount() {
      root.unmount();
    },
  };
}

export function createCaptureDriver(
  container: HTMLElement,
  compositions: readonly AnyComposition[],
  { readyTimeoutMs = 30_000 }: CaptureDriverOptions = {},
): CaptureDriver {
  let tiles: Tile[] = [];
  let glPool: SharedGlPool | null = null;

  async function setFrames(frames: readonly number[]): Promise<void> {
    if (tiles.length === 0) throw new Error('No composition mounted: call mount(id) first.');
    if (frames.length !== tiles.length) {
      throw new Error(
        `setFrames got ${frames.length} frames for ${tiles.length} mounted tiles; pass one frame per tile.`,
      );
    }
    // Commit every tile first, then wait: their fonts and three.js draws overlap.
    await Promise.all(frames.map((frame, i) => tiles[i]!.draw(frame)));
  }

  return {
    compositions: compositions.map(compositionMeta),
    async mount(id, inputProps, filmstrip) {
      const composition = compositions.find((c) => c.id === id);
      if (!composition) {
        throw new Error(`Unknown composition "${id}". Valid ids: ${compositions.map((c) => c.id).join(', ')}.`);
      }
      const layout = filmstrip ?? singleFrameLayout(composition.width, composition.height);
      if (!Number.isInteger(layout.tiles) || layout.tiles < 1 || layout.pitch < composition.width) {
        throw new Error(
          `Bad filmstrip for "${id}": ${layout.tiles} tiles of ${layout.pitch} px (need whole tiles >= 1, each at least ${composition.width} px).`,
        );
      }
      for (const tile of tiles) tile.unmount();
      glPool?.dispose();
      // One WebGL context per page for every tile (sharedGl.ts).
      const pool = new SharedGlPool();
      glPool = pool;
      container.replaceChildren();
      tiles = Array.from({ length: layout.tiles }, (_, i) => {
        const tileElement = document.createElement('div');
        // A compositing layer of its own, so the frame is rasterised in its own coordinates
        // and has the same pixels in every tile (filmstrip.ts).
        tileElement.style.cssText = `position:absolute;top:0;left:${tileLeft(layout, i)}px;width:${composition.width}px;height:${composition.height}px;will-change:transform`;
        container.appendChild(tileElement);
        return mountTile(tileElement, composition, inputProps, readyTimeoutMs, pool);
      });
      await loadDeclaredFonts();
      await setFrames(tiles.map(() => 0));
      return compositionMeta(composition);
    },
    setFrame: (frame) => setFrames([frame]),
    setFrames,
  };
}

/** Loads every @font-face the page declares (shipped fonts), so no frame is captured with a fallback font. */
export async function loadDeclaredFonts(): Promise<void> {
  const faces: FontFace[] = [];
  document.fonts.forEach((face) => faces.push(face));
  await Promise.all(faces.map((face) => face.load().catch(() => undefined)));
  await document.fonts.ready;
}
