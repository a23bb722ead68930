import { Component, type ErrorInfo, type ReactNode } from 'react';
import { toFrameError, type FrameError } from '../engine/CompositionFrame';

interface GuardProps {
  compositionId: string;
  width: number;
  height: number;
  frame: number;
  resetKey: unknown;
  onError: ((error: FrameError) => void) | undefined;
  children: ReactNode;
}

interface GuardState {
  error: FrameError | null;
}

/**
 * A second line of defence around <CompositionFrame> in the players: if a
 * scene error gets past the frame's own boundary, it is reported (with
 * composition, frame and component stack) and drawn here instead of
 * unmounting the whole app. Clears on the next frame, composition or reset key.
 */
export class FrameErrorGuard extends Component<GuardProps, GuardState> {
  override state: GuardState = { error: null };

  static getDerivedStateFromError(error: unknown): GuardState {
    // State must change here, or React re-renders the failing children and the error escapes.
    const e = error instanceof Error ? error : new Error(String(error));
    return { error: { compositionId: '', frame: -1, message: e.message, stack: e.stack ?? '', componentStack: '' } };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    const frameError = toFrameError(error, info, this.props.compositionId, this.props.frame);
    this.setState({ error: frameError });
    this.props.onError?.(frameError);
  }

  override componentDidUpdate(prev: GuardProps): void {
    if (
      this.state.error &&
      (prev.frame !== this.props.frame ||
        prev.resetKey !== this.props.resetKey ||
        prev.compositionId !== this.props.compositionId)
    ) {
      this.setState({ error: null });
    }
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div
        role="alert"
        data-frame-error
        style={{
          position: 'relative',
          width: this.props.width,
          height: this.props.height,
          background: '#2a0710',
          color: '#ffd7de',
          padding: 48,
          boxSizing: 'border-box',
          font: '28px/1.4 monospace',
          whiteSpace: 'pre-wrap',
          overflow: 'hidden',
        }}
      >
        {`${this.props.compositionId} threw at frame ${this.props.frame}: ${error.message}\n${error.componentStack.trim().split('\n').slice(0, 8).join('\n')}`}
      </div>
    );
  }
}
