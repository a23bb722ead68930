import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/studio/server/studioServer';

/** `npm run studio` runs this file with tsx. */
function studioCli(args: string[]) {
  return spawnSync(
    join(REPO_ROOT, 'node_modules', '.bin', 'tsx'),
    [join(REPO_ROOT, 'src', 'studio', 'server.ts'), ...args],
    {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
}

describe('npm run studio (CLI)', () => {
  it('prints usage with --help and exits 0', () => {
    const r = studioCli(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage: npm run studio -- [--port N] [--host ADDRESS]');
    expect(r.stdout).toContain('--port N');
  });

  it('rejects a bad port or an unknown option with a message naming it, exit 2', () => {
    const bad = studioCli(['--port', '70000']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--port must be an integer 0-65535, got "70000"');
    const unknown = studioCli(['--bogus']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown option '--bogus'/);
  });
});
