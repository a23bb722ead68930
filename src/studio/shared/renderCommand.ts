import { formatFrameRange, type FrameRange } from '../../player/frameMath';

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

export type RenderJobStatus = 'running' | 'done' | 'failed' | 'cancelled';

/** A render started from the studio, as the browser polls it. */
export interface RenderJobView {
  id: number;
  /** The command line, exactly as an editor would type it in a terminal. */
  command: string;
  status: RenderJobStatus;
  /** Frames done / total, parsed from the CLI's progress line; null until it prints one. */
  progress: { done: number; total: number } | null;
  /** The CLI's last output lines (progress line last). */
  log: string[];
  exitCode: number | null;
  /** Output file (repo-relative). */
  outPath: string;
}

/** Arguments for `tsx` running src/render/cli.ts, and the file it writes. */
export function renderCliArgs(request: RenderRequest): { args: string[]; outPath: string } {
  const { compositionId, range } = request;
  if (!/^[a-z0-9][a-z0-9-]*$/.test(compositionId)) {
    throw new Error(`Bad composition id "${compositionId}": lower-case letters, digits and dashes only.`);
  }
  const args = ['src/render/cli.ts', '--composition', compositionId];
  // A range goes to its own file under out/studio/ so it never replaces the full render.
  const outPath = range ? `out/studio/${compositionId}_${formatFrameRange(range)}.mp4` : `out/${compositionId}.mp4`;
  if (range) args.push('--frames', formatFrameRange(range), '--out', outPath);
  return { args, outPath };
}

/** The command line an editor can paste into a terminal for `request`. */
export function renderCommandLine(request: RenderRequest): string {
  return `npx tsx ${renderCliArgs(request).args.join(' ')}`;
}

/** Last "N/M" pair in a progress line ("frames 120/300 ...") as frames done and total. */
export function parseRenderProgress(line: string): { done: number; total: number } | null {
  const matches = [...line.matchAll(/(\d+)\s*\/\s*(\d+)/g)];
  for (let i = matches.length - 1; i >= 0; i--) {
    const done = Number(matches[i]![1]);
    const total = Number(matches[i]![2]);
    if (total > 0 && done <= total) return { done, total };
  }
  return null;
}
