import { createContext, useContext } from 'react';
import { WebGLRenderer } from 'three';

/**
 * One WebGL context per capture page, shared by every filmstrip tile.
 *
 * Why: a filmstrip page shows K copies of the composition (filmstrip.ts), and
 * each `<ThreeCanvas>` used to create its own WebGL context, so 2 pages x 3
 * tiles meant 6 contexts, each with its own drawing buffers, compiled shaders
 * (LLVM-compiled on llvmpipe) and copies of every buffer. Here the tiles'
 * scenes draw, one after another, into one off-screen WebGL canvas of the
 * page, and each draw is copied into the tile's own CPU-backed 2D canvas
 * before the next tile draws (an ImageBitmap hand-off without the copy made a
 * frame's pixels depend on its tile; docs/render.md). Draws are synchronous JavaScript
 * (ThreeCanvas draws in a layout effect), so tiles never interleave.
 *
 * The studio and the players provide no pool: there each `<ThreeCanvas>`
 * keeps a context of its own, as before.
 */
export class SharedGlPool {
  private readonly renderers = new Map<string, WebGLRenderer>();

  /**
   * The page's renderer for canvases of this drawing-buffer size and
   * opacity (one per distinct kind; a composition usually has one).
   */
  renderer(width: number, height: number, pixelRatio: number, opaque: boolean): WebGLRenderer {
    const key = `${width}x${height}@${pixelRatio}${opaque ? ' opaque' : ''}`;
    let renderer = this.renderers.get(key);
    if (!renderer) {
      const canvas = new OffscreenCanvas(Math.floor(width * pixelRatio), Math.floor(height * pixelRatio));
      renderer = new WebGLRenderer({
        canvas,
        antialias: false,
        alpha: !opaque,
        // Each draw is copied to its tile right away (ThreeCanvas), never read again.
        preserveDrawingBuffer: false,
        powerPreference: 'high-performance',
      });
      this.renderers.set(key, renderer);
    }
    return renderer;
  }

  /** Frees every context (the tiles using them are unmounted). */
  dispose(): void {
    for (const renderer of this.renderers.values()) {
      renderer.dispose();
      renderer.forceContextLoss();
    }
    this.renderers.clear();
  }
}

export const SharedGlPoolContext = createContext<SharedGlPool | null>(null);

/** The page's shared WebGL pool, or null (studio, players: each canvas has its own context). */
export function useSharedGlPool(): SharedGlPool | null {
  return useContext(SharedGlPoolContext);
}
