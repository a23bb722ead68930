import { useEffect, useState } from 'react';
import { formatFrameRange, type FrameRange } from '../../player/frameMath';
import type { RenderProject } from '../shared/api';
import { formatEta, renderCommandLine, type RenderJobView } from '../shared/renderCommand';

/**
 * The render queue: "Queue render" adds a job for the current composition (or
 * the in/out range), run one at a time by the studio server through the same
 * CLI as `npm run render`. Each job shows progress, fps, ETA and a Cancel
 * button; a finished one links to its file and shows the check:outputs checks.
 * The jobs live on the server, so a browser reload shows them again.
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
  const [jobs, setJobs] = useState<RenderJobView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [refresh, setRefresh] = useState(0);
  // With --project DIR the studio renders the copy's files, and the command says so.
  const [project, setProject] = useState<string | null>(null);
  useEffect(() => {
    void fetch('/api/render/project')
      .then((r) => r.json() as Promise<RenderProject>)
      .then((p) => setProject(p.project))
      .catch(() => {});
  }, []);
  const command = renderCommandLine({ compositionId, range }, project);
  const active = jobs.some((j) => j.status === 'queued' || j.status === 'running' || (j.status === 'done' && !j.check));

  useEffect(() => {
    let cancelled = false;
    const load = () =>
      fetch('/api/render')
        .then((r) => r.json() as Promise<RenderJobView[]>)
        .then((list) => !cancelled && setJobs(list))
        .catch((e: unknown) => !cancelled && setError(String(e)));
    void load();
    const timer = active ? setInterval(load, 700) : null;
    return () => {
      cancelled = true;
      if (timer) clearInterval(timer);
    };
  }, [active, refresh]);

  const post = async (url: string, body?: unknown) => {
    setError(null);
    const r = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!r.ok) setError(((await r.json()) as { error?: string }).error ?? `HTTP ${r.status}`);
    setRefresh((n) => n + 1);
  };

  return (
    <section className="render-panel" data-testid="render-panel">
      <header>
        <strong>Render queue</strong>
        <span className="spacer" />
        <button
          type="button"
          data-testid="render-button"
          onClick={() => post('/api/render', { compositionId, frames: range ? formatFrameRange(range) : '' })}
          disabled={!renderable}
          title={renderable ? command : 'studio-only composition: not registered with the renderer'}
        >
          Queue {range ? `frames ${formatFrameRange(range)}` : 'all'}
        </button>
      </header>
      <code className="command" data-testid="render-command">
        {command}
      </code>
      {error && <div className="render-error">{error}</div>}
      {jobs.map((job) => (
        <RenderJob key={job.id} job={job} onCancel={() => post(`/api/render/${job.id}/cancel`)} />
      ))}
    </section>
  );
}

function RenderJob({ job, onCancel }: { job: RenderJobView; onCancel(): void }) {
  const p = job.progress;
  const pct = p ? Math.round((p.done / p.total) * 100) : null;
  const live = job.status === 'queued' || job.status === 'running';
  return (
    <div className="render-job" data-testid="render-job" data-job-id={job.id} data-status={job.status}>
      <div className="job-head">
        <b>#{job.id}</b> <span data-testid="job-status">{job.status}</span>
        {p && (
          <span data-testid="job-progress">
            {' '}
            · {p.stage} {p.done}/{p.total} frames ({pct}%) · {p.fps === null ? '--' : p.fps.toFixed(1)} fps · ETA{' '}
            {formatEta(p.etaSeconds)}
          </span>
        )}
        <span className="spacer" />
        {live && (
          <button type="button" data-testid="job-cancel" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
      <code className="command">{job.command}</code>
      {pct !== null && live && <progress max={100} value={pct} />}
      {job.outUrl && (
        <div>
          <a href={job.outUrl} target="_blank" rel="noreferrer" data-testid="job-output">
            {job.outPath}
          </a>{' '}
          {job.check ? (
            <span data-testid="job-check" className={`check-${job.check.status}`}>
              check:outputs {job.check.status} ({job.check.rows.filter((r) => r.status === 'pass').length}/
              {job.check.rows.length})
            </span>
          ) : (
            <span>checking…</span>
          )}
        </div>
      )}
      {job.check && (
        <details>
          <summary>checks</summary>
          <table className="checks">
            <tbody>
              {job.check.rows.map((r, i) => (
                <tr key={i} className={`check-${r.status}`}>
                  <td>{r.status}</td>
                  <td>{r.check}</td>
                  <td>{r.measured}</td>
                  <td>{r.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      {live && <pre>{job.log.slice(-4).join('\n')}</pre>}
      {job.status === 'failed' && <pre>{job.log.slice(-8).join('\n')}</pre>}
    </div>
  );
}
