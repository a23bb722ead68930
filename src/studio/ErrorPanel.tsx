import type { FrameError } from '../engine/CompositionFrame';

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

/**
 * Scene errors with scene, frame, message and stacks. The stage keeps
 * working (other frames draw); a hot update of the fixed file clears the list.
 */
export function ErrorPanel({ errors, onGoTo, onDismiss }: { errors: StudioError[]; onGoTo(frame: number): void; onDismiss(): void }) {
  if (errors.length === 0) return null;
  return (
    <section className="error-panel" data-testid="error-panel" role="alert" aria-label="Scene errors">
      <header>
        <strong>
          {errors.length} scene error{errors.length > 1 ? 's' : ''}
        </strong>
        <span className="hint">fix the file and save: the studio retries</span>
        <button type="button" onClick={onDismiss}>
          Dismiss
        </button>
      </header>
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
