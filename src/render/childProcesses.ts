import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

/**
 * Every browser and ffmpeg the renderer starts runs in its own process group
 * (detached), so one kill reaches Chromium's helper processes too. This module
 * keeps the list, kills the groups on demand, and turns Ctrl-C / SIGTERM into
 * an orderly abort: children killed, cleanup callbacks run (temp files
 * removed), then exit 130 / 143.
 */
const live = new Set<ChildProcess>();
/** Group leaders started by someone else (Playwright launches Chromium detached). */
const liveGroups = new Set<number>();
const cleanups = new Set<() => void>();
let signalsInstalled = false;

/** Spawns `command` in a new process group and tracks it until it exits. */
export function spawnGroup(command: string, args: readonly string[], options: SpawnOptions = {}): ChildProcess {
  const child = spawn(command, args, { ...options, detached: true });
  live.add(child);
  child.once('exit', () => live.delete(child));
  child.once('error', () => live.delete(child));
  installSignalHandlers();
  return child;
}

/** Sends `signal` to the child's whole process group (Chromium's renderers and GPU process included). */
export function killGroup(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): void {
  if (child.pid === undefined) return; // never started
  // Even when the leader has exited, its group may still hold helpers (Chromium does not reap them).
  killProcessGroup(child.pid, signal);
}

/** Tracks a process group led by `pid` (started detached by another module) until the returned function is called. */
export function trackProcessGroup(pid: number): () => void {
  liveGroups.add(pid);
  installSignalHandlers();
  return () => liveGroups.delete(pid);
}

/** Sends `signal` to the process group led by `pid`. */
export function killProcessGroup(pid: number, signal: NodeJS.Signals = 'SIGKILL'): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/** Kills every tracked process group. */
export function killAllChildren(): void {
  for (const child of live) killGroup(child);
  for (const pid of liveGroups) killProcessGroup(pid);
  live.clear();
  liveGroups.clear();
}

/** Registers a synchronous cleanup run on Ctrl-C / SIGTERM (and on normal abort paths by its owner). Returns an unregister function. */
export function onAbortCleanup(fn: () => void): () => void {
  cleanups.add(fn);
  installSignalHandlers();
  return () => cleanups.delete(fn);
}

function installSignalHandlers(): void {
  if (signalsInstalled) return;
  signalsInstalled = true;
  const handler = (signal: NodeJS.Signals) => {
    process.stderr.write(
      `\nrender: ${signal === 'SIGINT' ? 'interrupted (Ctrl-C)' : `got ${signal}`}; stopping browsers and ffmpeg, removing temporary files.\n`,
    );
    killAllChildren();
    for (const fn of [...cleanups]) {
      try {
        fn();
      } catch {
        // best effort
      }
    }
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
  process.once('SIGHUP', handler);
  process.once('exit', () => killAllChildren());
}

/** Resolves when the process exits with 0; rejects with its last stderr lines otherwise. */
export function waitForExit(child: ChildProcess, label: string): Promise<void> {
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  return new Promise((resolvePromise, reject) => {
    child.once('error', (e) => reject(new Error(`${label} could not start: ${e.message}`)));
    child.once('close', (code, signal) => {
      if (code === 0) resolvePromise();
      else
        reject(
          new Error(
            `${label} failed (${signal ? `killed by ${signal}` : `exit code ${code}`})${stderr.trim() ? `:\n${stderr.trim()}` : ''}`,
          ),
        );
    });
  });
}
