import { Canvas, useThree, type CanvasProps } from '@react-three/fiber';
import { useLayoutEffect, useState, type CSSProperties, type ReactNode } from 'react';
import { useAbsoluteFrame } from './frameContext';
import { useRenderReadiness } from './renderReadiness';

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
  useLayoutEffect(() => {
    readiness.addParticipant(token, label);
    return () => readiness.removeParticipant(token);
  }, [readiness, token, label]);
  return (
    <div style={{ width, height, ...style }}>
      <Canvas
        frameloop="never"
        dpr={pixelRatio}
        // offsetSize: measure layout pixels, not the on-screen box, so a CSS-scaled
        // player (studio, embed, social card) sizes the canvas as the capture page does.
        resize={{ debounce: 0, scroll: false, offsetSize: true }}
        gl={{ preserveDrawingBuffer: true, antialias, powerPreference: 'high-performance', alpha: !opaque }}
        camera={camera}
        style={{ width, height }}
      >
        {children}
        {/* Last child: its layout effect runs after every layout effect in the scene above, so the draw sees them all. */}
        <DrawOnCommit frame={frame} onDrawn={(f) => readiness.reportDrawn(token, f)} />
      </Canvas>
    </div>
  );
}

/** Draws the three.js scene after every commit of the canvas tree, then reports the frame drawn. */
function DrawOnCommit({ frame, onDrawn }: { frame: number; onDrawn: (frame: number) => void }) {
  const gl = useThree((s) => s.gl);
  const scene = useThree((s) => s.scene);
  const camera = useThree((s) => s.camera);
  useLayoutEffect(() => {
    gl.render(scene, camera);
    publishMemory(gl);
    onDrawn(frame);
  });
  return null;
}

/** Writes what the renderer holds on the GPU onto its canvas (data-geometries, data-textures): the stage's mount/unmount memory test reads it. */
function publishMemory(gl: {
  domElement: HTMLCanvasElement;
  info: { memory: { geometries: number; textures: number } };
}): void {
  gl.domElement.dataset.geometries = String(gl.info.memory.geometries);
  gl.domElement.dataset.textures = String(gl.info.memory.textures);
}
