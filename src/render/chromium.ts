import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { killGroup, spawnGroup } from './childProcesses';

/**
 * Flags for Debian's headless Chromium, from shared/render-notes.md: quiet and
 * offline, WebGL left on its default ANGLE-over-SwiftShader path (forcing
 * --use-gl flags breaks WebGL or slows compositing 3x). The last three only
 * make pixels reproducible (sRGB output, no scrollbars) and keep it silent.
 */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--remote-debugging-port=0',
  '--force-color-profile=srgb',
  '--hide-scrollbars',
  '--mute-audio',
  '--disable-partial-raster',
] as const;

export interface LaunchedBrowser {
  browser: Browser;
  process: ChildProcess;
  /** Kills the browser's process group and removes its profile directory. Idempotent. */
  close(): Promise<void>;
  /** True once close() was called (an exit after that is expected, not a crash). */
  readonly closing: boolean;
}

/**
 * Starts Chromium in its own process group with exactly CHROMIUM_FLAGS and
 * a fresh profile, then attaches playwright-core over CDP.
 */
export async function launchChromium(
  executable: string,
  { timeoutMs = 30_000, extraFlags = [] as readonly string[] } = {},
): Promise<LaunchedBrowser> {
  const profileDir = mkdtempSync(join(tmpdir(), 'ltp-render-chromium-'));
  const child = spawnGroup(executable, [...CHROMIUM_FLAGS, ...extraFlags, `--user-data-dir=${profileDir}`, 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    killGroup(child, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 50));
    rmSync(profileDir, { recursive: true, force: true });
  };
  try {
    const wsEndpoint = await readDevToolsEndpoint(child, timeoutMs);
    const browser = await chromium.connectOverCDP(wsEndpoint, { timeout: timeoutMs });
    return {
      browser,
      process: child,
      close,
      get closing() {
        return closed;
      },
    };
  } catch (e) {
    await close();
    throw e;
  }
}

function readDevToolsEndpoint(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let log = '';
    const timer = setTimeout(() => done(new Error(`Chromium did not start within ${timeoutMs} ms. Its output:\n${log.slice(-2000)}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(log);
      if (m) done(null, m[1]);
    };
    const onExit = (code: number | null, signal: string | null) =>
      done(new Error(`Chromium exited during start-up (code ${code}, signal ${signal}). Its output:\n${log.slice(-2000)}`));
    const onError = (e: Error) => done(new Error(`Could not start Chromium: ${e.message}`));
    function done(err: Error | null, url?: string) {
      clearTimeout(timer);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
      child.off('error', onError);
      // keep draining stderr so Chromium never blocks on a full pipe
      child.stderr?.resume();
      if (err) reject(err);
      else resolve(url as string);
    }
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
    child.once('error', onError);
  });
}
