/**
 * `npm run still -- --scale 2` and `npm run check:edges`, run as the CLIs
 * they are (tsx, Chromium, ffmpeg).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { explainerMetas } from '../../src/compositions/explainerMeta';

const ROOT = resolve(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const dir = mkdtempSync(join(tmpdir(), 'edges-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(script: string, args: string[]) {
  const r = spawnSync(TSX, [join(ROOT, script), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 240_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect(b.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(b.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

describe('still --scale 2', () => {
  it('writes the main cut at 3840x2160 and refuses a scale it does not draw', () => {
    const out = join(dir, 'poster@2x.png');
    const r = run('src/render/stillCli.ts', ['--scale', '2', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(pngSize(out)).toEqual({ width: 3840, height: 2160 });
    const bad = run('src/render/stillCli.ts', ['--scale', '3', '--out', join(dir, 'x.png')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--scale 3: a still is drawn at scale 1 or 2/);
  }, 300_000);
});

describe('check:edges', () => {
  it('prints the PSNR per frame and the worst last; the poster frame clears 48 dB; an unreachable mark fails', () => {
    const poster = explainerMetas[0]!.posterFrame;
    const r = run('src/render/checkEdges.ts', ['--frames', String(poster), '--min-db', '99']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`frame\\s+${poster}\\s+[\\d.]+ dB`));
    const last = r.stdout.trim().split('\n').at(-1)!;
    const m = /^edges: worst PSNR ([\d.]+) dB over 1 frames$/.exec(last);
    expect(m, r.stdout).not.toBeNull();
    expect(Number(m![1])).toBeGreaterThanOrEqual(48);
    expect(Number(m![1])).toBeLessThan(99);
    expect(r.stderr).toMatch(/below 99 dB/);
  }, 300_000);
});
