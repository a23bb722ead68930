import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { killProcessGroup, trackProcessGroup } from './childProcesses';

/**
 * Flags for Debian's headless Chromium, from shared/render-notes.md: quiet and
 * offline, WebGL left on its default ANGLE-over-SwiftShader path (forcing
 * --use-gl flags breaks WebGL or slows compositing 3x). Then: sRGB output and
 * no scrollbars (reproducible pixels), no audio, no partial raster
 * (determinism), and the DevTools protocol over a pipe, not a WebSocket:
 * Playwright's WebSocket client asks for permessage-deflate, so every
 * screenshot was deflated by Chromium and inflated by Node; the pipe took
 * 26 ms of CPU off each 1080p frame here (docs/render.md, "Where the time goes").
 *
 * New headless mode runs the full browser UI off screen: a new-tab page at
 * start and, for every window (Playwright opens one per context), a renderer
 * for the WebUI omnibox popups. On 2 cores those took half of the launch
 * (placeholder, 2 pages: 7.9-8.3 s to 3.8-3.9 s from launch to mounted) and
 * 160 MiB each; no start window and the three omnibox WebUI features off
 * remove them (unknown feature names are ignored, so older builds are fine).
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
  '--remote-debugging-pipe',
  '--force-color-profile=srgb',
  '--hide-scrollbars',
  '--mute-audio',
  '--disable-partial-raster',
  '--no-startup-window',
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup',
] as const;

export interface LaunchedBrowser {
  browser: Browser;
  /** Resolves when the browser goes away: closed by us, exited or killed. */
  readonly disconnected: Promise<void>;
  /** SIGKILLs the browser's process group (it leads one, so its helpers go too), now; safe in signal handlers. */
  kill(): void;
  /** Kills the browser's process group and removes its profile directory. Idempotent. */
  close(): Promise<void>;
  /** True once close() was called (a disconnect after that is expected, not a crash). */
  readonly closing: boolean;
}

/**
 * Starts Chromium through playwright-core with exactly CHROMIUM_FLAGS (none of
 * Playwright's own defaults) and a fresh profile, talking CDP over a pipe.
 * Playwright starts it detached (a process group of its own); the group is
 * registered so Ctrl-C or a failed render kills every Chromium helper.
 */
export async function launchChromium(
  executable: string,
  { timeoutMs = 30_000, extraFlags = [] as readonly string[] } = {},
): Promise<LaunchedBrowser> {
  const profileDir = mkdtempSync(join(tmpdir(), 'ltp-render-chromium-'));
  const profileFlag = `--user-data-dir=${profileDir}`;
  let browser: Browser;
  try {
    browser = await chromium.launch({
      executablePath: executable,
      ignoreDefaultArgs: true,
      args: [...CHROMIUM_FLAGS, ...extraFlags, profileFlag],
      timeout: timeoutMs,
      // Our own handlers (childProcesses.ts) stop browsers and ffmpeg together and clean up.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  } catch (e) {
    rmSync(profileDir, { recursive: true, force: true });
    throw new Error(
      `Could not start Chromium (${executable}): ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`,
      { cause: e },
    );
  }
  const pid = childWithArgument(profileFlag);
  const untrack = pid === null ? () => {} : trackProcessGroup(pid);
  const disconnected = new Promise<void>((resolve) => browser.once('disconnected', () => resolve()));
  let closed = false;
  const kill = () => {
    if (pid !== null) killProcessGroup(pid);
  };
  return {
    browser,
    disconnected,
    kill,
    async close() {
      if (closed) return;
      closed = true;
      kill();
      await Promise.race([disconnected, new Promise((r) => setTimeout(r, 2000))]);
      untrack();
      rmSync(profileDir, { recursive: true, force: true });
    },
    get closing() {
      return closed;
    },
  };
}

/** Pid of this process's child whose command line contains `argument` (Linux /proc), or null. */
function childWithArgument(argument: string): number | null {
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== process.pid) continue;
      if (readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0').includes(argument)) return Number(name);
    } catch {
      // exited while we looked
    }
  }
  return null;
}
