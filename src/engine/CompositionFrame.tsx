import { Component, useMemo, type ErrorInfo, type ReactNode } from 'react';
import { compositionMeta, type AnyComposition } from './composition';
import { AbsoluteFrameContext, ROOT_SEQUENCE, SequenceContext, VideoConfigContext } from './frameContext';
import { RenderReadinessContext, type RenderReadiness } from './renderReadiness';
import { SharedGlPoolContext, type SharedGlPool } from './sharedGl';

/** A scene error, with where it happened: what the renderer and the studio show. */
export interface FrameError {
  compositionId: string;
  frame: number;
  message: string;
  stack: string;
  /** React component stack ("in MgExpulsion (src/scenes/MgExpulsion.tsx:12) ..."). */
  componentStack: string;
}

export interface CompositionFrameProps {
  composition: AnyComposition;
  /** Absolute frame to draw, 0..durationInFrames-1. */
  frame: number;
  /** Props for the composition component (defaults to its defaultProps). */
  inputProps?: Record<string, unknown>;
  readiness: RenderReadiness;
  /** Called when a scene throws while drawing `frame`. */
  onError?: (error: FrameError) => void;
  /** Change it (e.g. after a hot reload) to clear a shown error and try the same frame again. */
  resetKey?: unknown;
  /** The capture page's shared WebGL context (sharedGl.ts); without it every 3D canvas has its own. */
  glPool?: SharedGlPool;
}

/**
 * Draws one frame of a composition at its native size. The renderer, the
 * studio and the article-page player all draw through this component, so
 * they show the same pixels for the same frame.
 */
export function CompositionFrame({
  composition,
  frame,
  inputProps,
  readiness,
  onError,
  resetKey,
  glPool,
}: CompositionFrameProps) {
  const Scene = composition.component;
  const meta = useMemo(() => compositionMeta(composition), [composition]);
  const props = inputProps ?? composition.defaultProps;
  const frameTree = (
    <VideoConfigContext.Provider value={meta}>
      <RenderReadinessContext.Provider value={readiness}>
        <SequenceContext.Provider value={ROOT_SEQUENCE}>
          <AbsoluteFrameContext.Provider value={frame}>
            <div
              data-composition={composition.id}
              style={{ position: 'relative', width: composition.width, height: composition.height, overflow: 'hidden' }}
            >
              <SceneErrorBoundary compositionId={composition.id} frame={frame} onError={onError} resetKey={resetKey}>
                <Scene {...props} />
              </SceneErrorBoundary>
            </div>
          </AbsoluteFrameContext.Provider>
        </SequenceContext.Provider>
      </RenderReadinessContext.Provider>
    </VideoConfigContext.Provider>
  );
  // Nested frames (the social card draws the explainer's) keep the pool of the frame around them.
  return glPool ? <SharedGlPoolContext.Provider value={glPool}>{frameTree}</SharedGlPoolContext.Provider> : frameTree;
}

interface BoundaryProps {
  compositionId: string;
  frame: number;
  onError: ((error: FrameError) => void) | undefined;
  resetKey: unknown;
  children: ReactNode;
}

interface BoundaryState {
  /** Set by getDerivedStateFromError, so the fallback replaces the failing tree at once. */
  caught: boolean;
  /** Details, filled in by componentDidCatch (which has the component stack). */
  error: FrameError | null;
}

/**
 * Catches a scene's error, reports it with composition, frame and component
 * stack, and shows it in place of the frame; the next frame (or a new reset
 * key) gets a fresh try. Without a state change in getDerivedStateFromError
 * React would treat the error as uncaught and unmount the whole tree, and the
 * renderer would capture an empty frame.
 */
class SceneErrorBoundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { caught: false, error: null };

  static getDerivedStateFromError(): Partial<BoundaryState> {
    return { caught: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    const frameError = toFrameError(error, info, this.props.compositionId, this.props.frame);
    this.setState({ error: frameError });
    this.props.onError?.(frameError);
  }

  override componentDidUpdate(prev: BoundaryProps): void {
    // A new frame, or a new reset key (a hot-reloaded scene), gets a fresh try.
    if (this.state.caught && (prev.frame !== this.props.frame || prev.resetKey !== this.props.resetKey)) {
      this.setState({ caught: false, error: null });
    }
  }

  override render(): ReactNode {
    const { caught, error } = this.state;
    if (!caught) return this.props.children;
    if (!error) return null;
    return (
      <div
        role="alert"
        data-frame-error
        style={{
          position: 'absolute',
          inset: 0,
          background: '#2a0710',
          color: '#ffd7de',
          padding: 48,
          font: '28px/1.4 monospace',
          whiteSpace: 'pre-wrap',
          overflow: 'hidden',
        }}
      >
        {`${error.compositionId} threw at frame ${error.frame}: ${error.message}\n${error.componentStack.trim().split('\n').slice(0, 8).join('\n')}`}
      </div>
    );
  }
}

/** A caught error as a FrameError: what was thrown, where (composition, frame) and the component stack. */
export function toFrameError(error: unknown, info: ErrorInfo, compositionId: string, frame: number): FrameError {
  const e = error instanceof Error ? error : new Error(String(error));
  return { compositionId, frame, message: e.message, stack: e.stack ?? '', componentStack: info.componentStack ?? '' };
}

/** One-line-plus-stack description of a frame error, for terminals. */
export function describeFrameError(e: FrameError): string {
  const stack = e.componentStack
    .trim()
    .split('\n')
    .slice(0, 8)
    .map((l) => `    ${l.trim()}`)
    .join('\n');
  return `Composition "${e.compositionId}" threw at frame ${e.frame}: ${e.message}\n  component stack:\n${stack}`;
}
