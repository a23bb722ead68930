import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contactSheetFilter, gridShape } from '../../src/render/contactSheet';

const dir = mkdtempSync(join(tmpdir(), 'contact-sheet-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect(b.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

describe('contact sheet', () => {
  it('grid shape: one thumbnail every N seconds, rows to fit', () => {
    expect(gridShape(56, 2, 5)).toEqual({ count: 28, rows: 6 });
    expect(gridShape(10, 2, 5)).toEqual({ count: 5, rows: 1 });
    expect(gridShape(10.5, 2, 5)).toEqual({ count: 6, rows: 2 });
  });

  it('filter samples, scales, stamps and tiles', () => {
    const f = contactSheetFilter(2, 320, 4, 3, '/font.ttf');
    expect(f).toMatch(/^select='isnan\(prev_selected_t\)/);
    expect(f).toContain('1.999');
    expect(f).toContain('scale=320:-2');
    expect(f).toContain('drawtext=fontfile=/font.ttf');
    expect(f).toContain('tile=4x3');
  });

  it('writes a PNG grid from a real video, and fails clearly on a missing one', () => {
    const video = join(dir, 'clip.mp4');
    execFileSync('ffmpeg', [
      '-v',
      'error',
      '-y',
      '-f',
      'lavfi',
      '-i',
      'testsrc=size=320x180:rate=30:duration=6',
      '-pix_fmt',
      'yuv420p',
      video,
    ]);
    const out = join(dir, 'sheet.png');
    const ok = spawnSync(
      'npx',
      [
        'tsx',
        'src/render/contactSheet.ts',
        '--in',
        video,
        '--out',
        out,
        '--every',
        '2',
        '--columns',
        '2',
        '--width',
        '160',
      ],
      { encoding: 'utf8' },
    );
    expect(ok.status, ok.stderr).toBe(0);
    // 3 thumbnails (0, 2, 4 s) in a 2x2 grid of 160x90 with 6 px margin and padding.
    expect(pngSize(out)).toEqual({ width: 2 * 160 + 6 + 2 * 6, height: 2 * 90 + 6 + 2 * 6 });
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);

    const bad = spawnSync('npx', ['tsx', 'src/render/contactSheet.ts', '--in', join(dir, 'missing.mp4')], {
      encoding: 'utf8',
    });
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/no such video/);
    expect(existsSync(join(dir, 'missing-contact.png'))).toBe(false);
  });
});
