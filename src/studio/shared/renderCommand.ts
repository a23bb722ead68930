import { formatFrameRange, type FrameRange } from '../../player/frameMath';
import { RENDER_NODE_FLAGS } from '../../render/nodeFlags';

/**
 * The render command the studio runs or prints: the same CLI as `npm run
 * render`. Pure (no Node APIs), so the browser shows the exact command the
 * server would run.
 */

/** What the studio asks the render CLI for. */
export interface RenderRequest {
  compositionId: string;
  /** Inclusive frames; null renders the whole composition. */
  range: FrameRange | null;
}

export type RenderJobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

/** Progress of a render as its CLI reports it. */
export interface RenderProgressView {
  done: number;
  total: number;
  /** Stage named on the progress line (bundle, capture, encode, ...), or '' when the line names none. */
  stage: string;
  /** Capture speed, frames per second, or null before the CLI measures one. */
  fps: number | null;
  /** Seconds left, or null before the CLI estimates it. */
  etaSeconds: number | null;
}

/** One row of the output check (the same checks as `npm run check:outputs`). */
export interface OutputCheckRowView {
  check: string;
  status: 'pass' | 'fail' | 'warn';
  measured: string;
  detail: string;
}

/** A render started from the studio, as the browser polls it. */
export interface RenderJobView {
  id: number;
  /** The command line, exactly as an editor would type it in a terminal. */
  command: string;
  status: RenderJobStatus;
  /** Parsed from the CLI's progress line; null until it prints one. */
  progress: RenderProgressView | null;
  /** The CLI's last output lines (progress line last). */
  log: string[];
  exitCode: number | null;
  /** Output file (repo-relative). */
  outPath: string;
  /** Where the browser fetches the output (GET /api/output/...), once it is done. */
  outUrl: string | null;
  /** The check:outputs checks of the finished file: null until they ran. */
  check: { status: 'pass' | 'fail'; rows: OutputCheckRowView[] } | null;
  /** Wall-clock ms when queued. */
  queuedAt: number;
}

/**
 * Arguments for `tsx` running src/render/cli.ts, and the file it writes. `project` is the
 * project copy the studio works on (`--project DIR`; null for the repo), which the render
 * must read too: the server's setting, never the browser's request.
 */
export function renderCliArgs(
  request: RenderRequest,
  project: string | null = null,
): { args: string[]; outPath: string } {
  const { compositionId, range } = request;
  if (!/^[a-z0-9][a-z0-9-]*$/.test(compositionId)) {
    throw new Error(`Bad composition id "${compositionId}": lower-case letters, digits and dashes only.`);
  }
  const args = [...RENDER_NODE_FLAGS, 'src/render/cli.ts', '--composition', compositionId];
  // A range goes to its own file under out/studio/ so it never replaces the full render.
  const outPath = range ? `out/studio/${compositionId}_${formatFrameRange(range)}.mp4` : `out/${compositionId}.mp4`;
  if (range) args.push('--frames', formatFrameRange(range), '--out', outPath);
  if (project !== null) args.push('--project', project);
  return { args, outPath };
}

/** The command line an editor can paste into a terminal for `request` (a path with spaces or quotes is quoted). */
export function renderCommandLine(request: RenderRequest, project: string | null = null): string {
  const quote = (a: string) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`);
  return `npx tsx ${renderCliArgs(request, project).args.map(quote).join(' ')}`;
}

/**
 * The render CLI's progress line (src/render/progressLine.ts formatProgress:
 * "render explainer capture   120/300 frames (40.0%)  7.9 fps  ETA 0:23") as
 * numbers; the last "N/M" pair counts, fps and ETA when shown.
 */
export function parseRenderProgress(line: string): RenderProgressView | null {
  const matches = [...line.matchAll(/(\d+)\s*\/\s*(\d+)/g)];
  for (let i = matches.length - 1; i >= 0; i--) {
    const done = Number(matches[i]![1]);
    const total = Number(matches[i]![2]);
    if (total > 0 && done <= total) {
      const fps = /([\d.]+) fps/.exec(line);
      const eta = /ETA (\d+):(\d{2})/.exec(line);
      const stage = /^render \S+ (\w+)/.exec(line.trim());
      return {
        done,
        total,
        stage: stage?.[1] ?? '',
        fps: fps ? Number(fps[1]) : null,
        etaSeconds: eta ? Number(eta[1]) * 60 + Number(eta[2]) : null,
      };
    }
  }
  return null;
}

/** "1:05" for 65 s; "--" when unknown. */
export function formatEta(seconds: number | null): string {
  if (seconds === null) return '--';
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
