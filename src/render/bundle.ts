import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTool } from '../publish/runTool';
import { isProjectFile, PROJECT_FILE_DIRS } from './projectFiles';

/** Repo root (this file is src/render/bundle.ts). */
export const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');

/** Where built render pages go: dist/render/<source hash>/render.html. */
const BUNDLE_ROOT = join(REPO_ROOT, 'dist', 'render');

export interface RenderBundle {
  /** Directory holding render.html and its assets. */
  dir: string;
  /** Hash of the sources it was built from. */
  sourceHash: string;
  /** True when an existing build for the same sources was reused. */
  cached: boolean;
  /** Wall time spent hashing and (if needed) building, ms. */
  elapsedMs: number;
}

/** Builds under way or done in this process, by project directory. */
const inProcess = new Map<string, Promise<RenderBundle>>();

/** Part of the cache key: bundles built before builds were forced to production (React's development build) are not reused. */
const BUNDLE_FLAVOUR = 'react-production';

/**
 * Builds the render page (render.html + every composition) with Vite, or
 * reuses the build whose source hash matches. Safe when several renders run
 * at once: each build goes to a temporary directory that is renamed into place.
 * With `projectDir` (a project copy, projectFiles.ts) the page is built with the
 * copy's narration timings and look files in place of the repo's.
 */
export function bundleRenderPage({
  force = false,
  projectDir = REPO_ROOT,
}: { force?: boolean; projectDir?: string } = {}): Promise<RenderBundle> {
  const running = inProcess.get(projectDir);
  if (!force && running) return running;
  const started = performance.now();
  const p = (async (): Promise<RenderBundle> => {
    const sourceHash = hashSources(projectDir);
    const dir = join(BUNDLE_ROOT, sourceHash);
    if (!force && existsSync(join(dir, 'render.html'))) {
      return { dir, sourceHash, cached: true, elapsedMs: performance.now() - started };
    }
    const tmp = `${dir}.tmp-${process.pid}`;
    rmSync(tmp, { recursive: true, force: true });
    // In a child process, with NODE_ENV=production (buildRenderPage.ts says why). vitest sets
    // NODE_ENV=test, and a bundle first built under the tests was React's development build
    // (same source hash, so CI's render reused it): about 2x the main-thread work a frame.
    const build = await runTool(
      process.execPath,
      [
        '--import',
        'tsx',
        join(REPO_ROOT, 'src', 'render', 'buildRenderPage.ts'),
        tmp,
        ...(projectDir === REPO_ROOT ? [] : ['--project', projectDir]),
      ],
      { cwd: REPO_ROOT, env: { ...process.env, NODE_ENV: 'production' }, allowFailure: true },
    ).catch((e: unknown) => {
      rmSync(tmp, { recursive: true, force: true });
      throw e;
    });
    if (build.code !== 0) {
      rmSync(tmp, { recursive: true, force: true });
      // The first lines name the file and error; Node's stack below them does not help.
      const why = (build.stderr.trim() || `exit code ${build.code}`)
        .split('\n')
        .filter((line) => !/^\s+at /.test(line))
        .slice(0, 20)
        .join('\n');
      throw new Error(`Could not bundle the render page (render.html): ${why}`);
    }
    if (existsSync(dir)) rmSync(tmp, { recursive: true, force: true });
    else renameSync(tmp, dir);
    pruneOldBundles(sourceHash);
    return { dir, sourceHash, cached: false, elapsedMs: performance.now() - started };
  })();
  inProcess.set(projectDir, p);
  p.catch(() => {
    if (inProcess.get(projectDir) === p) inProcess.delete(projectDir);
  });
  return p;
}

/**
 * Hash of everything a render reads: src/, captions/ (timings.json is imported by src/story),
 * public/ (served to the page; the narration the join muxes in), render.html, render.config.ts
 * (encoder settings), vite.config.ts, the lockfile. Chunk jobs and chunk manifests carry it, so
 * chunks from other sources are never joined (src/render/chunks.ts). For a project copy
 * (`projectDir`) its own project files (projectFiles.ts) are hashed in place of the repo's, so
 * the hash is the repo's exactly when the copy's files are the same.
 */
export function hashSources(projectDir: string = REPO_ROOT): string {
  const hash = createHash('sha256');
  hash.update(`${BUNDLE_FLAVOUR}\0`);
  const repoFiles = [
    ...listFiles(join(REPO_ROOT, 'src')),
    ...listFiles(join(REPO_ROOT, 'captions')),
    ...listFiles(join(REPO_ROOT, 'public')),
    join(REPO_ROOT, 'render.config.ts'),
    join(REPO_ROOT, 'render.html'),
    join(REPO_ROOT, 'vite.config.ts'),
    join(REPO_ROOT, 'package-lock.json'),
  ].map((file) => ({ rel: relative(REPO_ROOT, file), file }));
  const files =
    projectDir === REPO_ROOT
      ? repoFiles
      : [
          ...repoFiles.filter((f) => !isProjectFile(f.rel)),
          ...PROJECT_FILE_DIRS.flatMap((d) => listFiles(join(projectDir, d)))
            .map((file) => ({ rel: relative(projectDir, file), file }))
            .filter((f) => isProjectFile(f.rel)),
        ];
  for (const { rel, file } of files.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0))) {
    if (!existsSync(file)) continue;
    hash.update(rel);
    hash.update('\0');
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(path));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

/** Removes builds of older sources that nobody has touched for an hour (a concurrent render may still use a recent one). */
function pruneOldBundles(keep: string): void {
  const hourAgo = Date.now() - 3_600_000;
  for (const name of readdirSync(BUNDLE_ROOT)) {
    if (name === keep) continue;
    const path = join(BUNDLE_ROOT, name);
    try {
      if (statSync(path).mtimeMs < hourAgo) rmSync(path, { recursive: true, force: true });
    } catch {
      // raced with another pruner
    }
  }
}
