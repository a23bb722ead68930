import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { findCompositionMeta } from '../../compositions/catalog';
import { checkMp4, type CheckRow } from '../../publish/outputChecks';
import {
  renderCliArgs,
  renderCommandLine,
  parseRenderProgress,
  type RenderJobView,
  type RenderRequest,
} from '../shared/renderCommand';

const MAX_LOG_LINES = 60;

interface Job {
  view: RenderJobView;
  request: RenderRequest;
  child: ChildProcess | null;
}

/**
 * The studio's render queue: jobs for any composition and range, run one at a
 * time (the machine has two cores) through the same CLI as `npm run render`,
 * each in its own process group so cancel ends its browser and ffmpeg children
 * too. A finished file is checked with the checks of `npm run check:outputs`.
 * Jobs live as long as the studio server, so a browser reload finds them again.
 */
export class RenderJobs {
  private nextId = 1;
  private readonly jobs = new Map<number, Job>();

  /**
   * @param projectDir the project copy the studio works on (`--project DIR`): every job renders its
   * files (timings, narration audio, look files) rather than the repo's. Default: the repo.
   */
  constructor(
    private readonly repoRoot: string,
    projectDir: string = repoRoot,
  ) {
    this.project = projectDir === repoRoot ? null : projectDir;
  }

  /** The project copy passed to the render CLI as --project, null for the repo. */
  readonly project: string | null;

  /** Queues a render; it starts at once when nothing else runs. */
  start(request: RenderRequest): RenderJobView {
    const { outPath } = renderCliArgs(request, this.project);
    findCompositionMeta(request.compositionId);
    const view: RenderJobView = {
      id: this.nextId++,
      command: renderCommandLine(request, this.project),
      status: 'queued',
      progress: null,
      log: [],
      exitCode: null,
      outPath,
      outUrl: null,
      check: null,
      queuedAt: Date.now(),
    };
    this.jobs.set(view.id, { view, request, child: null });
    this.runNext();
    return view;
  }

  list(): RenderJobView[] {
    return [...this.jobs.values()].map((j) => j.view).sort((a, b) => b.id - a.id);
  }

  get(id: number): RenderJobView | null {
    return this.jobs.get(id)?.view ?? null;
  }

  /** Ends a running job's whole process group (CLI, browsers, ffmpeg), or takes a queued one off the queue. */
  cancel(id: number): RenderJobView | null {
    const job = this.jobs.get(id);
    if (!job) return null;
    if (job.view.status === 'queued') job.view.status = 'cancelled';
    if (job.child?.pid && job.view.status === 'running') {
      job.view.status = 'cancelled';
      try {
        process.kill(-job.child.pid, 'SIGINT');
      } catch {
        /* already gone */
      }
    }
    return job.view;
  }

  /** Cancels everything (studio shutdown). */
  cancelAll(): void {
    for (const id of this.jobs.keys()) this.cancel(id);
  }

  private runNext(): void {
    const all = [...this.jobs.values()];
    if (all.some((j) => j.view.status === 'running')) return;
    const next = all.filter((j) => j.view.status === 'queued').sort((a, b) => a.view.id - b.view.id)[0];
    if (next) this.run(next);
  }

  private run(job: Job): void {
    const { view } = job;
    view.status = 'running';
    const cli = join(this.repoRoot, 'src', 'render', 'cli.ts');
    if (!existsSync(cli)) {
      view.status = 'failed';
      view.log.push(`src/render/cli.ts does not exist; when it does, run: ${view.command}`);
      return this.runNext();
    }
    const tsx = join(this.repoRoot, 'node_modules', '.bin', 'tsx');
    const child = spawn(tsx, renderCliArgs(job.request, this.project).args, {
      cwd: this.repoRoot,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    job.child = child;
    let lastWasProgress = false;
    const onText = (chunk: Buffer) => {
      // Progress lines are redrawn with \r: each redraw replaces the last log line.
      for (const part of chunk.toString('utf8').split(/\n/)) {
        const pieces = part.split('\r').filter((p) => p.trim() !== '');
        const last = pieces[pieces.length - 1];
        if (last === undefined) continue;
        const text = stripVTControlCharacters(last);
        const progress = parseRenderProgress(text);
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
      job.child = null;
      if (view.status === 'running') view.status = code === 0 ? 'done' : signal ? 'cancelled' : 'failed';
      if (view.status === 'done') {
        view.outUrl = `/api/output/${view.outPath.replace(/^out\//, '')}`;
        void this.checkOutput(job).finally(() => this.runNext());
      } else this.runNext();
    });
  }

  /** The check:outputs checks of one MP4: boxes, codec, size, rate, length (and loudness for a whole cut). */
  private async checkOutput(job: Job): Promise<void> {
    const meta = findCompositionMeta(job.request.compositionId);
    const range = job.request.range;
    const frames = range ? range.last - range.first + 1 : meta.durationInFrames;
    const rows: CheckRow[] = [];
    try {
      await checkMp4(
        rows,
        join(this.repoRoot, 'out'),
        join(this.repoRoot, job.view.outPath),
        { id: meta.id, width: meta.width, height: meta.height, fps: meta.fps, durationInFrames: frames },
        {
          cuts: [],
          sceneCount: 0,
          maxDurationS: 60,
          socialCard: null,
          embed: false,
          manifest: false,
          // A range is a fragment: its loudness means nothing.
          loudness: range === null && meta.audio !== null,
        },
      );
    } catch (e) {
      rows.push({ file: job.view.outPath, check: 'check', status: 'fail', measured: '', detail: (e as Error).message });
    }
    job.view.check = {
      status: rows.some((r) => r.status === 'fail') ? 'fail' : 'pass',
      rows: rows.map(({ check, status, measured, detail }) => ({ check, status, measured, detail })),
    };
  }
}
