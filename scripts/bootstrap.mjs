#!/usr/bin/env node
// Fresh-machine set-up, run in front of every npm script. Uses only Node built-ins,
// because it runs before node_modules exists.
//
//   node scripts/bootstrap.mjs [profile]
//
// profile: "node" (default: npm dependencies only), "render" (+ chromium, ffmpeg),
// "voice" (+ festival with the slt HTS voice, pocketsphinx, sox), "all" (everything).
// "render" and "all" mention `npm run tune` when transparent huge pages are off; they never change kernel settings
// unless RENDER_TUNE_THP=1 asks for it.
// Idempotent and quick when everything is already there.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { hugePageSettingsOff } from './tune.mjs';
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
 * Transparent huge pages make frame capture about 1.5x faster on this kind of VM
 * (docs/render.md), but they are a machine-wide kernel setting, so set-up never
 * changes them by itself: it says once how to opt in (`npm run tune`, or
 * RENDER_TUNE_THP=1 for this run), and does it only when asked.
 */
function noteHugePages() {
  if (process.env.RENDER_TUNE_THP === '1') {
    const r = spawnSync(process.execPath, [join(root, 'scripts', 'tune.mjs')], { stdio: 'inherit' });
    if (r.status !== 0) fail('scripts/tune.mjs failed (see above); unset RENDER_TUNE_THP to render untuned.');
    return;
  }
  if (process.env.RENDER_TUNE_THP === '0') return;
  const off = hugePageSettingsOff();
  if (off.length > 0)
    process.stderr.write(
      `setup: note: transparent huge pages are off (${off.join(', ')}); \`npm run tune\` makes capture ~1.5x faster (machine-wide; it prints how to undo). RENDER_TUNE_THP=0 hides this note.\n`,
    );
}

if (!(profile in SYSTEM_PACKAGES))
  fail(`unknown profile "${profile}"; use one of ${Object.keys(SYSTEM_PACKAGES).join(', ')}`);
ensureNodeModules();
ensureSystemPackages(SYSTEM_PACKAGES[profile]);
if (profile === 'render' || profile === 'all') noteHugePages();
