import type { FrameError } from '../../engine/CompositionFrame';
import type { ModuleLoadError } from './registryStore';

/** A scene error as the studio lists it. */
export interface StudioError extends FrameError {
  /** Scene (timeline span) holding the frame, or the innermost component when there is no timeline. */
  scene: string;
  /** How many times it was reported (the same error on consecutive frames is listed once). */
  count: number;
}

/** First component named in a React component stack ("in MgExpulsion (at ...)" -> "MgExpulsion"). */
export function innermostComponent(componentStack: string): string | null {
  const m = /^\s*(?:in|at)\s+([A-Za-z0-9_$.]+)/m.exec(componentStack);
  return m?.[1] ?? null;
}

export interface ErrorPanelProps {
  errors: StudioError[];
  /** Modules that failed to load (the last good version is still on stage). */
  loadErrors: readonly ModuleLoadError[];
  onGoTo(frame: number): void;
  onDismiss(): void;
}

/**
 * Scene errors with scene, frame, message and stacks, and modules that failed
 * to load. The stage keeps working (other frames draw, the last good module
 * stays); a hot update of the fixed file clears the list.
 */
export function ErrorPanel({ errors, loadErrors, onGoTo, onDismiss }: ErrorPanelProps) {
  if (errors.length === 0 && loadErrors.length === 0) return null;
  const total = errors.length + loadErrors.length;
  return (
    <section className="error-panel" data-testid="error-panel" role="alert" aria-label="Scene errors">
      <header>
        <strong>
          {total} error{total > 1 ? 's' : ''}
        </strong>
        <span className="hint">fix the file and save: the studio retries</span>
        <button type="button" onClick={onDismiss}>
          Dismiss
        </button>
      </header>
      {loadErrors.map((e, i) => (
        <article key={`module:${i}`} data-testid="module-error">
          <div className="error-where">
            module <b>{e.module}</b> did not load · showing its last good version
          </div>
          <div className="error-message">{e.message}</div>
          <details open={i === 0}>
            <summary>stack</summary>
            <pre>{e.stack.split('\n').slice(0, 12).join('\n')}</pre>
          </details>
        </article>
      ))}
      {errors.map((e, i) => (
        <article key={i} data-testid="error-entry">
          <div className="error-where">
            scene <b data-testid="error-scene">{e.scene}</b> · frame{' '}
            <button type="button" className="link" data-testid="error-frame" onClick={() => onGoTo(e.frame)}>
              {e.frame}
            </button>{' '}
            · {e.compositionId}
            {e.count > 1 ? ` · ${e.count} times` : ''}
          </div>
          <div className="error-message" data-testid="error-message">
            {e.message}
          </div>
          <details open={i === 0}>
            <summary>stack</summary>
            <pre>{e.stack.split('\n').slice(0, 12).join('\n')}</pre>
            <pre>{e.componentStack.trim().split('\n').slice(0, 12).join('\n')}</pre>
          </details>
        </article>
      ))}
    </section>
  );
}
