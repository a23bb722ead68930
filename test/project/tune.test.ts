import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

// Issue #13: a test or render command must not change the machine's kernel settings by default.
// The THP files are pointed at a scratch folder (THP_SYSFS_DIR) so the test never touches the kernel.
describe('transparent huge pages are opt-in', () => {
  let dir: string;
  const files = () => ({ enabled: join(dir, 'enabled'), shmem: join(dir, 'shmem_enabled') });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'thp-'));
    writeFileSync(files().enabled, 'always [madvise] never\n');
    writeFileSync(files().shmem, 'always within_size advise [never] deny force\n');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const bootstrap = (tuneThp: string | undefined) => {
    const env: NodeJS.ProcessEnv = { ...process.env, THP_SYSFS_DIR: dir };
    if (tuneThp === undefined) delete env.RENDER_TUNE_THP;
    else env.RENDER_TUNE_THP = tuneThp;
    return spawnSync(process.execPath, ['scripts/bootstrap.mjs', 'render'], { encoding: 'utf8', env });
  };

  it('set-up for renders leaves the settings alone and names `npm run tune`', () => {
    const r = bootstrap(undefined);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('npm run tune');
    expect(readFileSync(files().enabled, 'utf8')).toBe('always [madvise] never\n');
    expect(readFileSync(files().shmem, 'utf8')).toContain('[never]');
  });

  // Writing the settings needs root; CI and the developers run as root.
  it.skipIf(process.getuid?.() !== 0)('RENDER_TUNE_THP=1 opts in, and the change is printed with its undo', () => {
    const r = bootstrap('1');
    expect(r.status).toBe(0);
    expect(readFileSync(files().enabled, 'utf8')).toBe('always');
    expect(readFileSync(files().shmem, 'utf8')).toBe('always');
    expect(r.stdout).toMatch(/enabled: madvise -> always \(undo: echo madvise > .*enabled\)/);
  });
});
