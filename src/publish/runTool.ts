import { spawn } from 'node:child_process';

export interface ToolResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs an external program (ffmpeg, ffprobe) without a shell and collects its
 * output. Rejects only when the program cannot be started, with a message
 * saying how to install it; a non-zero exit is returned for the caller to explain.
 */
export function runTool(command: string, args: readonly string[]): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e: NodeJS.ErrnoException) => {
      const hint =
        e.code === 'ENOENT'
          ? ` "${command}" is not installed: apt-get install ffmpeg (it provides ffmpeg and ffprobe).`
          : '';
      reject(new Error(`Could not run ${command}: ${e.message}.${hint}`));
    });
    child.on('close', (code) => {
      resolve({
        code: code ?? 1,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      });
    });
  });
}
