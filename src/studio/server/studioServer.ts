import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { writeFileAtomic } from '../../publish/atomicWrite';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LookService } from './lookService';
import { NarrationService } from './narrationService';
import { projectOverlay } from '../../render/projectFiles';
import { RenderJobs } from './renderJobs';
import { studioOrigins } from './requestGuard';
import { studioApi } from './studioApi';

/** Repo root (this file is src/studio/server/studioServer.ts). */
export const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..');

export interface StudioOptions {
  /** TCP port; 0 picks a free one. Default 3000. */
  port?: number;
  /** Interface to listen on. Default 127.0.0.1 (this machine only). */
  host?: string;
  /** Vite log level. Default 'info'. */
  logLevel?: 'info' | 'warn' | 'error' | 'silent';
  /**
   * Where Vite keeps its pre-bundled dependencies. Default
   * node_modules/.vite-studio; tests use their own so a test run never
   * re-bundles under an editor's open studio.
   */
  cacheDir?: string;
  /**
   * Where the studio reads and writes the editable files (captions/,
   * public/voice/, src/scenes/*.look.json). Default: the repo. Tests give a
   * temporary copy so they never change the repo's files.
   */
  projectDir?: string;
  /** Where the voiceover progress goes. Default: stderr. */
  log?: (line: string) => void;
}

export interface RunningStudio {
  /** Address to open, e.g. http://127.0.0.1:3000/ */
  url: string;
  port: number;
  /** Stops the dev server and any render it started. */
  close(): Promise<void>;
}

/**
 * Starts the studio: a Vite dev server (React fast refresh, HMR) over the
 * repo with the shared vite.config.ts, serving src/studio/app/index.html at `/`,
 * plus the studio's endpoints (narration, looks, render queue, waveform peaks).
 */
export async function startStudio({
  port = 3000,
  host = '127.0.0.1',
  logLevel = 'info',
  cacheDir = join(REPO_ROOT, 'node_modules', '.vite-studio'),
  projectDir = REPO_ROOT,
  log = (line) => void process.stderr.write(`${line}\n`),
}: StudioOptions = {}): Promise<RunningStudio> {
  if (projectDir !== REPO_ROOT) seedLookFiles(projectDir, log);
  const { createServer } = await import('vite');
  const jobs = new RenderJobs(REPO_ROOT, projectDir);
  const narration = new NarrationService(projectDir, REPO_ROOT, log);
  const looks = new LookService(projectDir, REPO_ROOT);
  const origins: string[] = [];
  const configFile = join(REPO_ROOT, 'vite.config.ts');
  const server = await createServer({
    configFile: existsSync(configFile) ? configFile : false,
    root: REPO_ROOT,
    publicDir: join(projectDir, 'public'),
    cacheDir,
    clearScreen: false,
    logLevel,
    appType: 'mpa',
    plugins: [
      projectOverlay({ repoRoot: REPO_ROOT, projectDir }),
      studioApi({ repoRoot: REPO_ROOT, projectDir, jobs, narration, looks, origins }),
    ],
    server: {
      host,
      port,
      strictPort: true,
      // Other engineers' scratch output must not trigger reloads.
      fs: { allow: [REPO_ROOT, projectDir] },
      watch: { ignored: ['**/out/**', '**/dist/**', '**/.scratch/**', '**/node_modules/**', '**/.git/**'] },
    },
    optimizeDeps: {
      entries: ['src/studio/app/index.html'],
      include: [
        'react',
        'react-dom',
        'react-dom/client',
        'react/jsx-runtime',
        'react/jsx-dev-runtime',
        'three',
        '@react-three/fiber',
        '@remotion/captions',
      ],
    },
  });
  try {
    await server.listen();
  } catch (e) {
    await server.close();
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EADDRINUSE' || /already in use/i.test(err.message)) {
      throw new Error(
        `Port ${port} on ${host} is in use; pick another with --port N (or --port 0 for any free port).`,
        {
          cause: e,
        },
      );
    }
    throw e;
  }
  const address = server.httpServer?.address() as AddressInfo | null;
  const actualPort = address?.port ?? port;
  origins.push(...studioOrigins(host, actualPort));
  if (projectDir !== REPO_ROOT) server.watcher.add(projectDir);
  return {
    url: `http://${host}:${actualPort}/`,
    port: actualPort,
    async close() {
      jobs.cancelAll();
      await server.close();
    },
  };
}

/**
 * A project copy made before a scene had a look file lacks it; the page would load the repo's and
 * miss the first save to the copy. Copy the repo's (the defaults) in once, so every look is the copy's.
 */
function seedLookFiles(projectDir: string, log: (line: string) => void): void {
  const from = join(REPO_ROOT, 'src', 'scenes');
  const to = join(projectDir, 'src', 'scenes');
  for (const name of readdirSync(from).filter((n) => n.endsWith('.look.json'))) {
    if (existsSync(join(to, name))) continue;
    mkdirSync(to, { recursive: true });
    writeFileAtomic(join(to, name), readFileSync(join(from, name)));
    log(`studio: ${join(to, name)} did not exist; copied the repo's (the scene's defaults)`);
  }
}
