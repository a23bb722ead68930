/**
 * The one way the project runs an external program to completion (ffmpeg,
 * ffprobe, festival, pocketsphinx, a build in a child Node): no shell, output
 * collected, and one error style. A program that is missing is named with the
 * package to install; a failed run says what it was doing, the exit code and
 * the last lines of stderr. Long-lived processes fed through a pipe (the
 * renderer's encoders and browsers) are src/render/childProcesses.ts.
 */
import { spawn, spawnSync } from 'node:child_process';

export interface ToolResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunToolOptions {
  /** What the run does, for error messages (e.g. "normalising narration.wav"); default the command. */
  label?: string;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Return a non-zero exit as a result for the caller to explain, instead of throwing (default false). */
  allowFailure?: boolean;
  /** Lines of stderr quoted when a run fails (default 20). */
  stderrLines?: number;
}

/** Debian package that provides each program, for the "not installed" message. */
const PACKAGE_OF: Record<string, string> = {
  ffmpeg: 'ffmpeg',
  ffprobe: 'ffmpeg',
  festival: 'festival',
  text2wave: 'festival',
  pocketsphinx_batch: 'pocketsphinx',
  sox: 'sox',
};

/** A run that could not start or exited non-zero; `result` is set when it ran. */
export class ToolError extends Error {
  constructor(
    message: string,
    readonly result: ToolResult | null,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'ToolError';
  }
}

/** Runs `command` with `args` and resolves with its output; rejects as ToolError unless it exits 0 (or allowFailure). */
export function runTool(command: string, args: readonly string[], options: RunToolOptions = {}): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], cwd: options.cwd, env: options.env });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e: NodeJS.ErrnoException) => reject(startError(command, e)));
    child.on('close', (code) => {
      const result = {
        code: code ?? 1,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      };
      try {
        resolve(checked(command, result, options));
      } catch (e) {
        reject(e as Error);
      }
    });
  });
}

/** Synchronous runTool, for the synchronous voice pipeline. */
export function runToolSync(command: string, args: readonly string[], options: RunToolOptions = {}): ToolResult {
  const r = spawnSync(command, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    cwd: options.cwd,
    env: options.env,
    encoding: 'utf8',
    maxBuffer: 256 * 2 ** 20,
  });
  if (r.error) throw startError(command, r.error as NodeJS.ErrnoException);
  return checked(command, { code: r.status ?? 1, stdout: r.stdout, stderr: r.stderr }, options);
}

function startError(command: string, e: NodeJS.ErrnoException): ToolError {
  const pkg = PACKAGE_OF[command.split('/').pop() ?? command];
  const hint =
    e.code === 'ENOENT'
      ? ` "${command}" is not installed${pkg ? `: apt-get install ${pkg}` : ''} (npm scripts install it when run as root).`
      : '';
  return new ToolError(`Could not run ${command}: ${e.message}.${hint}`, null, { cause: e });
}

function checked(command: string, result: ToolResult, options: RunToolOptions): ToolResult {
  if (result.code === 0 || options.allowFailure) return result;
  const tail = result.stderr
    .trim()
    .split('\n')
    .filter((line) => !/^\s+at /.test(line))
    .slice(-(options.stderrLines ?? 20))
    .join('\n');
  throw new ToolError(
    `${options.label ? `${command} failed ${options.label}` : `${command} failed`} (exit code ${result.code})${tail ? `:\n${tail}` : ''}`,
    result,
  );
}
