import { useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import { CompositionFrame, type CompositionFrameProps, type FrameError } from '../engine/CompositionFrame';
import { RenderReadiness } from '../engine/renderReadiness';
import { FrameErrorGuard } from './FrameErrorGuard';
import { fitScale } from './frameMath';

/** Any composition the renderer's <CompositionFrame> draws (whatever its props type). */
export type PlayableComposition = CompositionFrameProps['composition'];

export interface ScaledFrameProps {
  composition: PlayableComposition;
  /** Absolute frame to draw, 0..durationInFrames-1. */
  frame: number;
  /** Props for the composition component (default: its defaultProps). */
  inputProps?: Record<string, unknown>;
  /** Called when a scene throws while drawing `frame` (see CompositionFrame). */
  onError?: (error: FrameError) => void;
  /** Change it (e.g. after a hot reload) to retry a frame that threw. */
  resetKey?: unknown;
  /**
   * 'fit' (default): the largest scale at which the whole frame fits the box,
   * centred. A number: that fixed scale (1 = native pixels), scrolling if larger.
   */
  scale?: 'fit' | number;
  /** Style of the outer box; give it a size (the frame scales to fit it). */
  style?: CSSProperties;
  className?: string;
}

/**
 * Shows one frame of a composition scaled to fit a box. The frame is drawn by
 * <CompositionFrame> at its native size (the renderer's code path, so the
 * same pixels before scaling) and shrunk with a CSS transform. The frame sits
 * in a style-isolated wrapper (`all: initial`) so the host page's CSS (fonts,
 * colours, line height) cannot leak into it, as on the bare capture page.
 */
export function ScaledFrame({
  composition,
  frame,
  inputProps,
  onError,
  resetKey,
  scale = 'fit',
  style,
  className,
}: ScaledFrameProps) {
  const boxRef = useRef<HTMLDivElement | null>(null);
  const [box, setBox] = useState({ width: 0, height: 0 });
  // One readiness tracker per composition, as on the capture page (the player draws without waiting on it).
  // (Kept in state with its composition and replaced during render when that changes: React re-renders
  // at once, before anything is committed, so a frame never draws with the old tracker.)
  const [ready, setReady] = useState(() => ({ composition, readiness: new RenderReadiness() }));
  if (ready.composition !== composition) setReady({ composition, readiness: new RenderReadiness() });

  useLayoutEffect(() => {
    const el = boxRef.current;
    if (!el) return;
    const measure = () => setBox({ width: el.clientWidth, height: el.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const s = scale === 'fit' ? fitScale(composition.width, composition.height, box.width, box.height) : scale;
  const scaledWidth = composition.width * s;
  const scaledHeight = composition.height * s;
  const fit = scale === 'fit';

  return (
    <div
      ref={boxRef}
      className={className}
      data-scaled-frame
      data-scale={s.toFixed(4)}
      style={{
        position: 'relative',
        overflow: fit ? 'hidden' : 'auto',
        display: fit ? 'flex' : 'block',
        alignItems: 'center',
        justifyContent: 'center',
        ...style,
      }}
    >
      <div
        style={{
          width: scaledWidth,
          height: scaledHeight,
          flex: 'none',
          overflow: 'hidden',
          visibility: s > 0 ? 'visible' : 'hidden',
        }}
      >
        <div
          style={{
            all: 'initial',
            display: 'block',
            width: composition.width,
            height: composition.height,
            transform: s === 1 ? undefined : `scale(${s})`,
            transformOrigin: '0 0',
          }}
        >
          <FrameErrorGuard
            compositionId={composition.id}
            width={composition.width}
            height={composition.height}
            frame={frame}
            resetKey={resetKey}
            onError={onError}
          >
            <CompositionFrame
              composition={composition}
              frame={frame}
              inputProps={inputProps}
              readiness={ready.readiness}
              onError={onError}
              resetKey={resetKey}
            />
          </FrameErrorGuard>
        </div>
      </div>
    </div>
  );
}
