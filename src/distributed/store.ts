/**
 * The store: a directory every worker and the enqueuer reach (a shared
 * volume, NFS, a mounted bucket; docs/distributed.md). Layout:
 *
 *   DIR/<renderId>/render.json            the request, written by the enqueuer (proves a worker sees the right store)
 *   DIR/<renderId>/chunks/chunk-K-of-N.mp4 and .json   a chunk and its manifest (src/render/chunks.ts)
 *   DIR/<renderId>/<composition>.mp4      the joined video
 *
 * Every file is copied in under a temporary name and renamed, and read back
 * to check its sha256, so a reader never sees half a file and a store that
 * corrupts writes is caught at once.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { tempPathFor, writeFileAtomic } from '../publish/atomicWrite';
import { sha256File } from '../render/chunks';
import type { RenderRequest } from './queueConfig';

export function renderDirIn(store: string, renderId: string): string {
  return join(store, renderId);
}

/** The render's chunks, alone in their directory as render:join wants them. */
export function chunksDirIn(store: string, renderId: string): string {
  return join(store, renderId, 'chunks');
}

/** Throws a clear error unless `store` is a directory this process can write to. */
export function checkStoreReachable(store: string): void {
  let isDir: boolean;
  try {
    isDir = statSync(store).isDirectory();
  } catch (e) {
    throw new Error(
      `--store ${store} is not reachable (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}): mount the shared store there, or pass the path where it is mounted.`,
      { cause: e },
    );
  }
  if (!isDir)
    throw new Error(`--store ${store} is not a directory: pass the directory (shared volume) that holds the chunks.`);
  const probe = join(store, `.probe-${hostname()}-${process.pid}`);
  try {
    writeFileSync(probe, 'ok');
    rmSync(probe, { force: true });
  } catch (e) {
    throw new Error(
      `--store ${store} is not writable here (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`,
      { cause: e },
    );
  }
}

/** Writes DIR/<renderId>/render.json (the enqueuer does this before any job exists). */
export function recordRender(store: string, request: RenderRequest): string {
  const dir = renderDirIn(store, request.renderId);
  mkdirSync(dir, { recursive: true });
  writeFileAtomic(join(dir, 'render.json'), JSON.stringify(request, null, 2) + '\n');
  return dir;
}

/**
 * Null when this worker sees the render's directory in its store; else why
 * not: a worker whose --store is not the shared store (an unmounted volume, a
 * typo) must not render into a directory nobody else reads.
 */
export function whyStoreUnreachable(store: string, renderId: string): string | null {
  const record = join(renderDirIn(store, renderId), 'render.json');
  try {
    const r = JSON.parse(readFileSync(record, 'utf8')) as RenderRequest;
    if (r.renderId !== renderId) return `${record} belongs to render ${r.renderId}, not ${renderId}`;
    return null;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT'
      ? `this worker's store ${store} has no ${renderId}/render.json: it is not the store the render uses (is the shared volume mounted at ${store}?)`
      : `cannot read ${record} (${code ?? (e as Error).message})`;
  }
}

/** Copies a local file into the store under a temporary name, renames it into place, and checks the stored bytes. */
export async function putFile(localFile: string, storeFile: string, sha256: string): Promise<void> {
  mkdirSync(dirname(storeFile), { recursive: true });
  const tmp = tempPathFor(storeFile);
  try {
    copyFileSync(localFile, tmp);
    renameSync(tmp, storeFile);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new Error(
      `cannot write ${basename(storeFile)} to the store (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}: ${storeFile}).`,
      { cause: e },
    );
  }
  const stored = await sha256File(storeFile);
  if (stored !== sha256)
    throw new Error(
      `${storeFile}: the store returned other bytes than were written (sha256 ${stored.slice(0, 16)}… instead of ${sha256.slice(0, 16)}…).`,
    );
}

export function fileExists(file: string): boolean {
  return existsSync(file);
}
