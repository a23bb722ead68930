#!/usr/bin/env node
// Fresh-machine set-up, run in front of every npm script. Uses only Node built-ins,
// because it runs before node_modules exists.
//
//   node scripts/bootstrap.mjs [profile]
//
// profile: "node" (default: npm dependencies only), "render" (+ chromium, ffmpeg),
// "voice" (+ festival with the slt HTS voice, pocketsphinx, sox), "all" (everything).
// "render" and "all" also turn on transparent huge pages when root (see ensureHugePages).
// Idempotent and quick when everything is already there.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const profile = process.argv[2] ?? 'node';

/** Debian's multiarch library directory on this machine (x86_64-linux-gnu, aarch64-linux-gnu). */
const LIB = `/usr/lib/${process.arch === 'arm64' ? 'aarch64' : 'x86_64'}-linux-gnu`;

/** Debian package -> a file that proves it is installed. */
const SYSTEM_PACKAGES = {
  render: [
    ['chromium', '/usr/bin/chromium'],
    ['ffmpeg', '/usr/bin/ffmpeg'],
    // WebGL on Mesa's llvmpipe through ANGLE's EGL path (src/render/chromium.ts, GL_FLAGS): 2x faster 3D
    // than Chromium's bundled SwiftShader here. Chromium does not depend on them, so a fresh machine lacks them.
    ['libegl1', `${LIB}/libEGL.so.1`],
    ['libegl-mesa0', `${LIB}/libEGL_mesa.so.0`],
    ['libgl1-mesa-dri', `${LIB}/dri/swrast_dri.so`],
    // DejaVu Sans: the bench compositions' font (src/compositions/bench).
    ['fonts-dejavu-core', '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'],
  ],
  voice: [
    ['ffmpeg', '/usr/bin/ffmpeg'],
    ['festival', '/usr/bin/festival'],
    ['festvox-us-slt-hts', '/usr/share/festival/voices/us/cmu_us_slt_arctic_hts'],
    ['pocketsphinx', '/usr/bin/pocketsphinx_batch'],
    ['pocketsphinx-en-us', '/usr/share/pocketsphinx/model/en-us/en-us'],
    ['sox', '/usr/bin/sox'],
  ],
};
SYSTEM_PACKAGES.all = [...SYSTEM_PACKAGES.render, ...SYSTEM_PACKAGES.voice];
SYSTEM_PACKAGES.node = [];

function fail(message) {
  process.stderr.write(`setup: ${message}\n`);
  process.exit(1);
}

function ensureNodeModules() {
  const lock = join(root, 'package-lock.json');
  const marker = join(root, 'node_modules', '.package-lock.json');
  const stale = !existsSync(marker) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(marker).mtimeMs + 1000);
  if (!stale) return;
  process.stderr.write('setup: installing npm dependencies (npm ci)...\n');
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) fail('npm ci failed; run `npm ci` by hand to see why.');
}

function ensureSystemPackages(wanted) {
  const missing = [...new Map(wanted.filter(([, file]) => !existsSync(file))).keys()];
  if (missing.length === 0) return;
  const command = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) fail(`missing ${missing.join(', ')}; install with: sudo sh -c '${command}'`);
  process.stderr.write(`setup: installing Debian packages: ${missing.join(' ')}\n`);
  try {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('sh', ['-c', command], { stdio: ['ignore', 'inherit', 'inherit'], env });
  } catch {
    fail(`could not install ${missing.join(', ')}; run: ${command}`);
  }
  const still = wanted.filter(([, file]) => !existsSync(file)).map(([name]) => name);
  if (still.length) fail(`still missing after install: ${still.join(', ')}`);
}

/**
 * Transparent huge pages for anonymous and shared memory. Capturing a 1080p
 * frame makes Chromium map fresh multi-megabyte pixel buffers (compositor
 * read-back, the screenshot bitmap) and fault them in page by page; in this VM
 * a 4 KiB page fault is slow, and it was a third of the GPU process's time.
 * With 2 MiB pages a 1080p screenshot fell from 169 to 99 ms (docs/render.md).
 * Only as root; RENDER_TUNE_THP=0 leaves the kernel settings alone.
 */
const HUGE_PAGE_SETTINGS = [
  ['/sys/kernel/mm/transparent_hugepage/enabled', 'always'],
  ['/sys/kernel/mm/transparent_hugepage/shmem_enabled', 'always'],
];

function ensureHugePages() {
  if (process.env.RENDER_TUNE_THP === '0') return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  for (const [file, wanted] of HUGE_PAGE_SETTINGS) {
    let current;
    try {
      current = /\[([\w+-]+)\]/.exec(readFileSync(file, 'utf8'))?.[1];
    } catch {
      return; // not Linux, or a kernel without THP: nothing to tune
    }
    if (!current || current === wanted) continue;
    const how = `echo ${wanted} > ${file}`;
    if (!isRoot) {
      process.stderr.write(
        `setup: note: ${file} is "${current}"; \`sudo sh -c '${how}'\` makes frame capture ~1.5x faster (docs/render.md).\n`,
      );
      continue;
    }
    try {
      writeFileSync(file, wanted);
      process.stderr.write(
        `setup: ${file}: ${current} -> ${wanted} (fewer page faults per captured frame; undo: echo ${current} > ${file}; skip: RENDER_TUNE_THP=0)\n`,
      );
    } catch (e) {
      process.stderr.write(
        `setup: note: could not set ${file} to ${wanted} (${e.message}); renders work, only slower.\n`,
      );
    }
  }
}

if (!(profile in SYSTEM_PACKAGES))
  fail(`unknown profile "${profile}"; use one of ${Object.keys(SYSTEM_PACKAGES).join(', ')}`);
ensureNodeModules();
ensureSystemPackages(SYSTEM_PACKAGES[profile]);
if (profile === 'render' || profile === 'all') ensureHugePages();
