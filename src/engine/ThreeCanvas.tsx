import { Canvas, useThree, type CanvasProps } from '@react-three/fiber';
import { useLayoutEffect, useRef, useState, type CSSProperties, type ReactNode, type RefObject } from 'react';
import type { WebGLRenderer } from 'three';
import { useAbsoluteFrame } from './frameContext';
import { useRenderReadiness } from './renderReadiness';
import { useSharedGlPool } from './sharedGl';

export interface ThreeCanvasProps {
  /** CSS size of the canvas box, in composition pixels. */
  width: number;
  height: number;
  /**
   * Drawing-buffer pixels per CSS pixel: 1 (default), 0.5 or 0.25. Software
   * WebGL costs grow with pixels drawn, so 0.5 is a real speed lever for soft,
   * organic shapes; the browser scales the result up. Only powers of two:
   * their upscale is exact under any whole-pixel shift, so a frame has the
   * same pixels in every filmstrip tile (filmstrip.ts); 0.6 did not.
   */
  pixelRatio?: number;
  /**
   * Multisampled drawing buffer (MSAA). Off by default: software WebGL pays for
   * every sample. Read once, when the canvas is created.
   */
  antialias?: boolean;
  /**
   * The scene paints every pixel (an opaque background of its own), so the
   * canvas has no alpha: the compositor then copies it instead of blending it
   * over the page, and skips what lies under it (docs/render.md).
   */
  opaque?: boolean;
  camera?: CanvasProps['camera'];
  style?: CSSProperties;
  children?: ReactNode;
  /** Label used in readiness time-outs and errors. */
  label?: string;
}

/** Powers of two: see ThreeCanvasProps.pixelRatio (2: supersampled stills and the edges check). */
export const ALLOWED_PIXEL_RATIOS: readonly number[] = [2, 1, 0.5, 0.25];

/**
 * A react-three-fiber canvas that draws exactly once per requested frame:
 * no render loop of its own (frameloop "never"), a preserved drawing buffer
 * so screenshots see it, and a readiness report so capture waits for it.
 * Scene content inside reads the frame with the usual hooks (contexts are
 * bridged by R3F) and must be a pure function of it.
 *
 * On a capture page (a SharedGlPool provided) the scene draws with the
 * page's one shared WebGL context and the drawn buffer is copied into this
 * canvas (sharedGl.ts): same pixels, one context for all tiles.
 */
export function ThreeCanvas({
  width,
  height,
  pixelRatio = 1,
  opaque = false,
  antialias = false,
  camera,
  style,
  children,
  label = 'three canvas',
}: ThreeCanvasProps) {
  if (!ALLOWED_PIXEL_RATIOS.includes(pixelRatio)) {
    throw new Error(
      `ThreeCanvas "${label}": pixelRatio ${pixelRatio} is not one of ${ALLOWED_PIXEL_RATIOS.join(', ')}; other ratios make a frame's pixels depend on where the capture page puts it.`,
    );
  }
  const readiness = useRenderReadiness();
  const frame = useAbsoluteFrame();
  const [token] = useState(() => ({}));
  const pool = useSharedGlPool();
  // The supersampled reference draws (antialias, pixel ratio 2: check:edges, still --scale 2) keep a
  // context of their own: they are single stills, and the shared context's copy was measured wrong there.
  const [shared] = useState<WebGLRenderer | null>(() =>
    pool && !antialias && pixelRatio <= 1 ? pool.renderer(width, height, pixelRatio, opaque) : null,
  );
  const canvasRef = useRef<HTMLCanvasElement>(null);
  useLayoutEffect(() => {
    readiness.addParticipant(token, label);
    return () => readiness.removeParticipant(token);
  }, [readiness, token, label]);
  return (
    <div style={{ width, height, ...style }}>
      <Canvas
        ref={canvasRef}
        frameloop="never"
        dpr={pixelRatio}
        // offsetSize: measure layout pixels, not the on-screen box, so a CSS-scaled
        // player (studio, embed, social card) sizes the canvas as the capture page does.
        resize={{ debounce: 0, scroll: false, offsetSize: true }}
        gl={
          shared ?? {
            preserveDrawingBuffer: true,
            antialias,
            powerPreference: 'high-performance',
            alpha: !opaque,
          }
        }
        camera={camera}
        style={{ width, height }}
      >
        {children}
        {/* Last child: its layout effect runs after every layout effect in the scene above, so the draw sees them all. */}
        <DrawOnCommit
          frame={frame}
          display={shared ? canvasRef : null}
          opaque={opaque}
          onDrawn={(f) => readiness.reportDrawn(token, f)}
        />
      </Canvas>
    </div>
  );
}

/**
 * Draws the three.js scene after every commit of the canvas tree, then
 * reports the frame drawn. With a shared context (`display` set), the drawn
 * buffer is copied to this canvas's on-screen element before another tile
 * draws.
 */
function DrawOnCommit({
  frame,
  display,
  opaque,
  onDrawn,
}: {
  frame: number;
  display: RefObject<HTMLCanvasElement | null> | null;
  opaque: boolean;
  onDrawn: (frame: number) => void;
}) {
  const gl = useThree((s) => s.gl);
  const scene = useThree((s) => s.scene);
  const camera = useThree((s) => s.camera);
  useLayoutEffect(() => {
    gl.render(scene, camera);
    if (display) {
      if (!display.current) throw new Error('ThreeCanvas: the on-screen canvas is not mounted.');
      copyDrawingBuffer(gl.domElement, display.current, opaque);
    }
    publishMemory(display?.current ?? gl.domElement, gl.info.memory);
    onDrawn(frame);
  });
  return null;
}

/** Writes what the renderer holds on the GPU onto its canvas (data-geometries, data-textures): the stage's mount/unmount memory test reads it. */
function publishMemory(
  canvas: HTMLCanvasElement | OffscreenCanvas,
  memory: { geometries: number; textures: number },
): void {
  if (!('dataset' in canvas)) return;
  canvas.dataset.geometries = String(memory.geometries);
  canvas.dataset.textures = String(memory.textures);
}

/**
 * Copies the shared context's just-drawn buffer to a tile's on-screen canvas
 * (sized to the drawing buffer), before the next tile draws. A CPU-backed 2D
 * canvas: the copy is the read-back, and the compositor then treats the
 * frame like any other software-rastered content.
 */
function copyDrawingBuffer(source: HTMLCanvasElement | OffscreenCanvas, target: HTMLCanvasElement, opaque: boolean) {
  if (target.width !== source.width || target.height !== source.height) {
    target.width = source.width;
    target.height = source.height;
  }
  const context = target.getContext('2d', { alpha: !opaque, willReadFrequently: true });
  if (!context) throw new Error('ThreeCanvas: no 2D context for the shared WebGL draw.');
  context.globalCompositeOperation = 'copy';
  context.drawImage(source, 0, 0);
}
