import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  renderCliArgs,
  renderCommandLine,
  parseRenderProgress,
  type RenderJobView,
  type RenderRequest,
} from '../shared/renderCommand';

const MAX_LOG_LINES = 60;

/**
 * Runs render CLI processes for the studio, one at a time (the machine has
 * two cores), each in its own process group so cancel ends its browser and
 * ffmpeg children too.
 */
export class RenderJobs {
  private nextId = 1;
  private readonly jobs = new Map<number, { view: RenderJobView; child: ChildProcess | null }>();

  constructor(private readonly repoRoot: string) {}

  start(request: RenderRequest): RenderJobView {
    const running = [...this.jobs.values()].find((j) => j.view.status === 'running');
    if (running) throw new RenderBusyError(running.view);
    const cli = join(this.repoRoot, 'src', 'render', 'cli.ts');
    const { args, outPath } = renderCliArgs(request);
    const view: RenderJobView = {
      id: this.nextId++,
      command: renderCommandLine(request),
      status: 'running',
      progress: null,
      log: [],
      exitCode: null,
      outPath,
    };
    if (!existsSync(cli)) {
      view.status = 'failed';
      view.log.push(`src/render/cli.ts does not exist yet; when it does, run: ${view.command}`);
      this.jobs.set(view.id, { view, child: null });
      return view;
    }
    const tsx = join(this.repoRoot, 'node_modules', '.bin', 'tsx');
    const child = spawn(tsx, args, { cwd: this.repoRoot, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const entry: { view: RenderJobView; child: ChildProcess | null } = { view, child };
    this.jobs.set(view.id, entry);
    let lastWasProgress = false;
    const onText = (chunk: Buffer) => {
      // Progress lines are redrawn with \r: each redraw replaces the last log line.
      for (const part of chunk.toString('utf8').split(/\n/)) {
        const pieces = part.split('\r').filter((p) => p.trim() !== '');
        const last = pieces[pieces.length - 1];
        if (last === undefined) continue;
        const progress = parseRenderProgress(last);
        const text = last.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
        // A redrawn progress line replaces the previous progress line instead of piling up.
        if (progress && lastWasProgress) view.log[view.log.length - 1] = text;
        else view.log.push(text);
        if (progress) view.progress = progress;
        lastWasProgress = progress !== null;
      }
      if (view.log.length > MAX_LOG_LINES) view.log.splice(0, view.log.length - MAX_LOG_LINES);
    };
    child.stdout?.on('data', onText);
    child.stderr?.on('data', onText);
    child.on('error', (e) => {
      view.status = 'failed';
      view.log.push(`could not start the render CLI: ${e.message}`);
    });
    child.on('exit', (code, signal) => {
      view.exitCode = code;
      if (view.status === 'running') view.status = code === 0 ? 'done' : signal ? 'cancelled' : 'failed';
      entry.child = null;
    });
    return view;
  }

  get(id: number): RenderJobView | null {
    return this.jobs.get(id)?.view ?? null;
  }

  /** Ends a running job's whole process group (CLI, browsers, ffmpeg). */
  cancel(id: number): RenderJobView | null {
    const entry = this.jobs.get(id);
    if (!entry) return null;
    if (entry.child?.pid && entry.view.status === 'running') {
      entry.view.status = 'cancelled';
      try {
        process.kill(-entry.child.pid, 'SIGINT');
      } catch {
        /* already gone */
      }
    }
    return entry.view;
  }

  /** Cancels whatever is running (studio shutdown). */
  cancelAll(): void {
    for (const id of this.jobs.keys()) this.cancel(id);
  }
}

export class RenderBusyError extends Error {
  constructor(readonly running: RenderJobView) {
    super(`A render is already running (${running.command}); cancel it or wait for it to finish.`);
  }
}
