import { createHash } from 'node:crypto';
import { createReadStream, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { writeFileAtomic } from './atomicWrite';

/** One published file. */
export interface ManifestEntry {
  /** Path relative to the output directory, '/'-separated. */
  path: string;
  sizeBytes: number;
  /** Lower-case hex SHA-256 of the file's bytes. */
  sha256: string;
}

export interface OutputManifest {
  /** Format version of this file. */
  version: 1;
  /** ISO time the manifest was written (informational; not part of any output's content). */
  createdAt: string;
  files: ManifestEntry[];
}

export const MANIFEST_NAME = 'manifest.json';

/** SHA-256 of a file, streamed (the MP4s are tens of MB). */
export function sha256OfFile(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/** Every regular file under `dir`, relative and sorted; skips the manifest itself and hidden temp files. */
export function listOutputFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) found.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return found.filter((p) => p !== MANIFEST_NAME).sort();
}

/**
 * Builds the manifest of `dir`: size and SHA-256 of each of `paths`
 * (relative, '/'-separated; default every file under `dir`). `now` is injected for tests.
 */
export async function buildManifest(
  dir: string,
  now: Date = new Date(),
  paths: readonly string[] = listOutputFiles(dir),
): Promise<OutputManifest> {
  const files: ManifestEntry[] = [];
  for (const path of [...paths].sort()) {
    const full = join(dir, path);
    files.push({ path, sizeBytes: statSync(full).size, sha256: await sha256OfFile(full) });
  }
  return { version: 1, createdAt: now.toISOString(), files };
}

/** Writes `<dir>/manifest.json` atomically (listing `paths`, default every file) and returns it. */
export async function writeManifest(
  dir: string,
  now: Date = new Date(),
  paths?: readonly string[],
): Promise<OutputManifest> {
  const manifest = await buildManifest(dir, now, paths);
  writeFileAtomic(join(dir, MANIFEST_NAME), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** Differences between a manifest and the files on disk. */
export interface ManifestDiff {
  /** Listed files that are missing or whose size or SHA-256 changed. */
  problems: string[];
  /** Files on disk the manifest does not list (other renders, CI reports): informational. */
  unlisted: string[];
}

/** Compares a manifest with the files on disk: missing or changed files are problems; unlisted files are reported apart. */
export async function verifyManifest(dir: string, manifest: OutputManifest): Promise<ManifestDiff> {
  const problems: string[] = [];
  const onDisk = new Set(listOutputFiles(dir));
  for (const entry of manifest.files) {
    if (!onDisk.has(entry.path)) {
      problems.push(`${entry.path}: listed in ${MANIFEST_NAME} but missing`);
      continue;
    }
    onDisk.delete(entry.path);
    const full = join(dir, entry.path);
    const size = statSync(full).size;
    if (size !== entry.sizeBytes) problems.push(`${entry.path}: ${size} bytes, manifest says ${entry.sizeBytes}`);
    else if ((await sha256OfFile(full)) !== entry.sha256)
      problems.push(`${entry.path}: SHA-256 differs from ${MANIFEST_NAME}`);
  }
  return { problems, unlisted: [...onDisk].sort() };
}
