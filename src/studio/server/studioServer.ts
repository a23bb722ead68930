import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RenderJobs } from './renderJobs';
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
 * plus the studio's endpoints (waveform peaks, render jobs).
 */
export async function startStudio({
  port = 3000,
  host = '127.0.0.1',
  logLevel = 'info',
  cacheDir = join(REPO_ROOT, 'node_modules', '.vite-studio'),
}: StudioOptions = {}): Promise<RunningStudio> {
  const { createServer } = await import('vite');
  const jobs = new RenderJobs(REPO_ROOT);
  const configFile = join(REPO_ROOT, 'vite.config.ts');
  const server = await createServer({
    configFile: existsSync(configFile) ? configFile : false,
    root: REPO_ROOT,
    publicDir: join(REPO_ROOT, 'public'),
    cacheDir,
    clearScreen: false,
    logLevel,
    appType: 'mpa',
    plugins: [studioApi({ repoRoot: REPO_ROOT, jobs })],
    server: {
      host,
      port,
      strictPort: true,
      // Other engineers' scratch output must not trigger reloads.
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
      throw new Error(`Port ${port} on ${host} is in use; pick another with --port N (or --port 0 for any free port).`);
    }
    throw e;
  }
  const address = server.httpServer?.address() as AddressInfo | null;
  const actualPort = address?.port ?? port;
  return {
    url: `http://${host}:${actualPort}/`,
    port: actualPort,
    async close() {
      jobs.cancelAll();
      await server.close();
    },
  };
}
