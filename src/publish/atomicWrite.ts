/**
 * Every output the project writes goes through here: to a temp file beside
 * the target, then renamed over it (atomic on one file system). A reader, a
 * crash or a failed step never leaves a half-written file in place of a good
 * one, and a failure removes the temp file.
 */
import { copyFileSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

let tempCounter = 0;

/**
 * A temp path beside `finalPath` (same directory, so the final rename is
 * atomic on one file system). Hidden (leading dot) and tagged with the pid so
 * a crashed run's leftovers are recognisable and never mistaken for output.
 */
export function tempPathFor(finalPath: string): string {
  tempCounter += 1;
  const ext = finalPath.match(/\.[a-z0-9]+$/i)?.[0] ?? '';
  return join(dirname(finalPath), `.${basename(finalPath)}.tmp-${process.pid}-${tempCounter}${ext}`);
}

/**
 * Writes `data` to `finalPath` through a temp file and a rename, so a reader
 * (or a crash) never sees a half-written file in place of a good one.
 */
export function writeFileAtomic(finalPath: string, data: string | Uint8Array): void {
  produceFileAtomicSync(finalPath, (temp) => writeFileSync(temp, data));
}

/** Copies `from` onto `finalPath` through a temp file and a rename. */
export function copyFileAtomic(from: string, finalPath: string): void {
  produceFileAtomicSync(finalPath, (temp) => copyFileSync(from, temp));
}

/** Like produceFileAtomic, for a synchronous `produce` (a sync tool run, a sync write). */
export function produceFileAtomicSync<T>(finalPath: string, produce: (tempPath: string) => T): T {
  mkdirSync(dirname(finalPath), { recursive: true });
  const temp = tempPathFor(finalPath);
  try {
    const result = produce(temp);
    renameSync(temp, finalPath);
    return result;
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * Runs `produce(tempPath)` (anything that writes a file: ffmpeg, a renderer),
 * then renames the result onto `finalPath`. On failure the temp file is
 * removed and the previous `finalPath`, if any, is left untouched.
 */
export async function produceFileAtomic<T>(finalPath: string, produce: (tempPath: string) => Promise<T>): Promise<T> {
  mkdirSync(dirname(finalPath), { recursive: true });
  const temp = tempPathFor(finalPath);
  try {
    const result = await produce(temp);
    renameSync(temp, finalPath);
    return result;
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
