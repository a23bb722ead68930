import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { killProcessGroup, trackProcessGroup } from './childProcesses';

/**
 * Flags for Debian's headless Chromium, from shared/render-notes.md: quiet and
 * offline; the GL flags come from GL_FLAGS (chooseGlBackend). Then: sRGB output and
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
 *
 * Two processes a render never uses are gone too (issue #19, bench-3d, peak
 * of the tree): the spare renderer Chromium keeps warm for the next tab
 * (SpareRendererForSitePerProcess; ~13 MiB PSS, ~40 MiB RSS) and the network
 * service's own utility process (NetworkServiceInProcess2: it only fetches
 * the page from our loopback server; ~38 MiB PSS, ~100 MiB RSS). A
 * `--no-zygote` was tried and not kept: without the zygote's shared pages
 * each renderer's PSS grew by more than the zygotes' 33 MiB.
 */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
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
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup,SpareRendererForSitePerProcess',
  '--enable-features=NetworkServiceInProcess2',
] as const;

/**
 * Where WebGL runs. `llvmpipe`: ANGLE over the system's EGL, i.e. Mesa's
 * llvmpipe (a JIT-compiled, multi-threaded software rasteriser), with the
 * page composited in software: the bench-3d composition 3.1 -> 7+ fps in
 * issue #19's measurements, frames identical across runs, workers, order and
 * frames a shot (test/render). Without --disable-gpu-compositing the draw is
 * as fast, but every screenshot's read-back through the GPU compositor costs
 * ~290 ms. `swiftshader`: Chromium's bundled software GL (its default with
 * --disable-gpu), the fallback when Mesa is not installed.
 */
export type GlBackend = 'llvmpipe' | 'swiftshader';

export const GL_FLAGS: Record<GlBackend, readonly string[]> = {
  llvmpipe: ['--use-gl=angle', '--use-angle=gl-egl', '--ignore-gpu-blocklist', '--disable-gpu-compositing'],
  swiftshader: ['--disable-gpu'],
};

/** Debian packages that give ANGLE Mesa's llvmpipe through EGL (scripts/bootstrap.mjs installs them with `render`). */
export const LLVMPIPE_PACKAGES = ['libegl1', 'libegl-mesa0', 'libgl1-mesa-dri'] as const;

/** The files ANGLE's gl-egl path loads: the EGL loader, Mesa's EGL vendor library and the software DRI driver. */
function llvmpipeFiles(): string[][] {
  const dirs = ['/usr/lib/x86_64-linux-gnu', '/usr/lib/aarch64-linux-gnu', '/usr/lib64', '/usr/lib'];
  return dirs.map((d) => [`${d}/libEGL.so.1`, `${d}/libEGL_mesa.so.0`, `${d}/dri/swrast_dri.so`]);
}

export interface GlChoice {
  backend: GlBackend;
  /** One line for the terminal: what runs WebGL and why. */
  description: string;
}

/**
 * llvmpipe when Mesa's EGL and software driver are installed, else
 * SwiftShader; RENDER_GL=llvmpipe|swiftshader forces one.
 */
export function chooseGlBackend(env: NodeJS.ProcessEnv = process.env): GlChoice {
  const forced = env['RENDER_GL'];
  if (forced !== undefined && forced !== '' && forced !== 'llvmpipe' && forced !== 'swiftshader') {
    throw new Error(`RENDER_GL must be "llvmpipe" or "swiftshader" (got "${forced}").`);
  }
  const mesaPresent = llvmpipeFiles().some((files) => files.every((f) => existsSync(f)));
  if (forced === 'swiftshader') {
    return { backend: 'swiftshader', description: 'WebGL on SwiftShader (RENDER_GL=swiftshader)' };
  }
  if (forced === 'llvmpipe' && !mesaPresent) {
    throw new Error(
      `RENDER_GL=llvmpipe, but Mesa's EGL/llvmpipe is not installed; install with: apt-get install -y ${LLVMPIPE_PACKAGES.join(' ')}`,
    );
  }
  if (mesaPresent) {
    return {
      backend: 'llvmpipe',
      description: 'WebGL on Mesa llvmpipe (ANGLE over EGL), software compositing',
    };
  }
  return {
    backend: 'swiftshader',
    description: `WebGL on SwiftShader (fallback: Mesa llvmpipe not found; for faster 3D: apt-get install -y ${LLVMPIPE_PACKAGES.join(' ')})`,
  };
}

let announced = false;

/** Prints the GL choice once per process (stderr), the first time a browser is launched. */
function announceGlChoice(choice: GlChoice): void {
  if (announced || process.env['VITEST']) return;
  announced = true;
  process.stderr.write(`render: ${choice.description}\n`);
}

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
  { timeoutMs = 30_000, extraFlags = [] as readonly string[], gl = chooseGlBackend() } = {},
): Promise<LaunchedBrowser> {
  announceGlChoice(gl);
  const profileDir = mkdtempSync(join(tmpdir(), 'ltp-render-chromium-'));
  const profileFlag = `--user-data-dir=${profileDir}`;
  let browser: Browser;
  try {
    browser = await chromium.launch({
      executablePath: executable,
      ignoreDefaultArgs: true,
      args: [...CHROMIUM_FLAGS, ...GL_FLAGS[gl.backend], ...extraFlags, profileFlag],
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
