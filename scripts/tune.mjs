#!/usr/bin/env node
// `npm run tune`: opt-in machine tuning for faster renders. Uses only Node built-ins.
//
// Transparent huge pages for anonymous and shared memory. Capturing a 1080p frame makes
// Chromium map fresh multi-megabyte pixel buffers (compositor read-back, the screenshot
// bitmap) and fault them in page by page; in this kind of VM a 4 KiB page fault is slow,
// and it was a third of the GPU process's time. With 2 MiB pages a bare 1080p screenshot
// fell from 169 to 99 ms (docs/render.md, "Where the time goes").
//
// This changes a machine-wide kernel setting, so nothing runs it by default: a person runs
// `npm run tune`, or a run sets RENDER_TUNE_THP=1. It prints every change and how to undo it.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// THP_SYSFS_DIR points the tests at a scratch copy of these files.
const sysfsDir = process.env.THP_SYSFS_DIR ?? '/sys/kernel/mm/transparent_hugepage';
const HUGE_PAGE_SETTINGS = [
  [`${sysfsDir}/enabled`, 'always'],
  [`${sysfsDir}/shmem_enabled`, 'always'],
];

/** The current mode of a THP setting ("always", "madvise", ...), or null when the kernel has none. */
function currentMode(file) {
  try {
    return /\[([\w+-]+)\]/.exec(readFileSync(file, 'utf8'))?.[1] ?? null;
  } catch {
    return null; // not Linux, or a kernel without THP
  }
}

/** Settings that are not yet what `tune` would set, as "file=mode" strings. */
export function hugePageSettingsOff() {
  return HUGE_PAGE_SETTINGS.flatMap(([file, wanted]) => {
    const mode = currentMode(file);
    return mode && mode !== wanted ? [`${file.split('/').pop()}=${mode}`] : [];
  });
}

function tune() {
  if (process.argv.includes('--help')) {
    console.log(
      'Usage: npm run tune\n\nTurns on transparent huge pages (anonymous and shmem) for faster frame capture.\nMachine-wide; needs root; prints each change and the command that undoes it.',
    );
    return 0;
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  let status = 0;
  for (const [file, wanted] of HUGE_PAGE_SETTINGS) {
    const current = currentMode(file);
    if (current === null) {
      console.log(`tune: ${file} not present; nothing to tune`);
      continue;
    }
    if (current === wanted) {
      console.log(`tune: ${file} is already ${wanted}`);
      continue;
    }
    if (!isRoot) {
      console.error(`tune: not root; run: sudo sh -c 'echo ${wanted} > ${file}'`);
      status = 1;
      continue;
    }
    try {
      writeFileSync(file, wanted);
      console.log(`tune: ${file}: ${current} -> ${wanted} (undo: echo ${current} > ${file})`);
    } catch (e) {
      console.error(`tune: could not set ${file} to ${wanted} (${e.message}); renders work, only slower`);
      status = 1;
    }
  }
  return status;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = tune();
