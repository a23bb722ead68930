import { useEffect, useState } from 'react';
import { renderCommandLine, type RenderJobView } from '../shared/renderCommand';
import type { FrameRange } from '../../player/frameMath';

/**
 * Renders the current composition (or the in/out range) through the same CLI
 * as `npm run render`, via the studio server, and shows its progress. The
 * exact command is always shown, to copy into a terminal instead.
 */
export function RenderPanel({
  compositionId,
  range,
  renderable,
}: {
  compositionId: string;
  range: FrameRange | null;
  renderable: boolean;
}) {
  const [job, setJob] = useState<RenderJobView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const command = renderCommandLine({ compositionId, range });

  useEffect(() => {
    if (!job || job.status !== 'running') return;
    const timer = setInterval(() => {
      fetch(`/__studio/render/${job.id}`)
        .then((r) => r.json() as Promise<RenderJobView>)
        .then(setJob)
        .catch((e: unknown) => setError(String(e)));
    }, 700);
    return () => clearInterval(timer);
  }, [job]);

  const start = async () => {
    setError(null);
    const r = await fetch('/__studio/render', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ compositionId, frames: range ? `${range.from}-${range.to}` : '' }),
    });
    const body = (await r.json()) as RenderJobView & { error?: string; job?: RenderJobView };
    if (!r.ok) {
      setError(body.error ?? `HTTP ${r.status}`);
      if (body.job) setJob(body.job);
      return;
    }
    setJob(body);
  };
  const cancel = async () => {
    if (!job) return;
    const r = await fetch(`/__studio/render/${job.id}/cancel`, { method: 'POST' });
    setJob((await r.json()) as RenderJobView);
  };

  const running = job?.status === 'running';
  const pctDone = job?.progress ? Math.round((job.progress.done / job.progress.total) * 100) : null;
  return (
    <section className="render-panel" data-testid="render-panel">
      <header>
        <strong>Render</strong>
        {running ? (
          <button type="button" onClick={cancel}>
            Cancel
          </button>
        ) : (
          <button
            type="button"
            data-testid="render-button"
            onClick={start}
            disabled={!renderable}
            title={renderable ? command : 'studio-only composition: not registered with the renderer'}
          >
            Render {range ? `frames ${range.from}-${range.to}` : 'all'}
          </button>
        )}
      </header>
      <code className="command" data-testid="render-command">
        {command}
      </code>
      {error && <div className="render-error">{error}</div>}
      {job && (
        <div className="render-job" data-testid="render-job">
          <div>
            {job.status}
            {pctDone !== null ? ` · ${job.progress!.done}/${job.progress!.total} frames (${pctDone}%)` : ''}
            {job.status === 'done' ? ` · ${job.outPath}` : ''}
          </div>
          {pctDone !== null && <progress max={100} value={pctDone} />}
          <pre>{job.log.slice(-8).join('\n')}</pre>
        </div>
      )}
    </section>
  );
}
