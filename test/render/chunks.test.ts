import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderVideo } from '../../src/render';
import { chunkRange, parseChunkSpec } from '../../src/render/chunks';

const ROOT = resolve(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const dir = mkdtempSync(join(tmpdir(), 'render-chunks-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const TIMEOUT_MS = 400_000;

function cli(script: string, args: string[]) {
  const r = spawnSync('nice', ['-n', '10', TSX, join(ROOT, script), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 200_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** One md5 per decoded frame (raw pixels). */
function frameMd5s(file: string): string[] {
  return execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-map', '0:v:0', '-f', 'framemd5', '-'], {
    encoding: 'utf8',
  })
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split(',').pop()!.trim());
}

describe('chunk ranges', () => {
  it('splits a range into N equal chunks, only the last shorter, covering every frame once', () => {
    const range = { first: 100, last: 199 };
    const chunks = [1, 2, 3, 4, 5, 6, 7].map((index) => chunkRange(range, { index, count: 7 }));
    expect(chunks.map((c) => c.last - c.first + 1)).toEqual([15, 15, 15, 15, 15, 15, 10]);
    expect(chunks[0]!.first).toBe(100);
    expect(chunks[6]!.last).toBe(199);
    for (let i = 1; i < chunks.length; i++) expect(chunks[i]!.first).toBe(chunks[i - 1]!.last + 1);
  });
  it('refuses a chunk spec that is not K/N with 1 <= K <= N, and more chunks than frames allow', () => {
    expect(parseChunkSpec('3/8')).toEqual({ index: 3, count: 8 });
    expect(() => parseChunkSpec('0/8')).toThrow(/1 <= K <= N/);
    expect(() => parseChunkSpec('9/8')).toThrow(/1 <= K <= N/);
    expect(() => parseChunkSpec('2')).toThrow(/K\/N/);
    // 10 frames in 6 chunks: chunks of 2 make only 5
    expect(() => chunkRange({ first: 0, last: 9 }, { index: 6, count: 6 })).toThrow(/at most 5 chunks/);
  });
});

describe('render --chunk and render:join (placeholder, real Chromium + ffmpeg, lossless)', () => {
  const chunksDir = join(dir, 'chunks');
  const common = ['--composition', 'placeholder', '--frames', '30-53', '--crf', '0', '--concurrency', '1'];

  it(
    'renders the same chunk twice to byte-identical files, and the joined chunks decode to the frames of a single render',
    async () => {
      for (const k of [1, 2, 3]) {
        const out = join(chunksDir, `chunk-${k}-of-3.mp4`);
        const r = cli('src/render/cli.ts', [...common, '--chunk', `${k}/3`, '--out', out]);
        expect(r.code, r.stderr).toBe(0);
        expect(resolve(ROOT, r.stdout.trim())).toBe(out); // prints its path
        const manifest = JSON.parse(readFileSync(join(chunksDir, `chunk-${k}-of-3.json`), 'utf8'));
        expect(manifest.frames).toEqual({ first: 30 + (k - 1) * 8, last: 37 + (k - 1) * 8 });
        expect(manifest.encoder.crf).toBe(0);
        // video only: the narration is muxed once, by the join
        const streams = execFileSync(
          'ffprobe',
          ['-v', 'error', '-show_entries', 'stream=codec_type', '-of', 'csv=p=0', out],
          {
            encoding: 'utf8',
          },
        );
        expect(streams.trim()).toBe('video');
      }
      const again = join(dir, 'again', 'chunk-2-of-3.mp4');
      expect(cli('src/render/cli.ts', [...common, '--chunk', '2/3', '--out', again]).code).toBe(0);
      expect(readFileSync(again).equals(readFileSync(join(chunksDir, 'chunk-2-of-3.mp4')))).toBe(true);

      const joined = join(dir, 'joined.mp4');
      const j = cli('src/render/joinCli.ts', ['--composition', 'placeholder', '--chunks', chunksDir, '--out', joined]);
      expect(j.code, j.stderr).toBe(0);
      const single = join(dir, 'single.mp4');
      await renderVideo({ compositionId: 'placeholder', outPath: single, frameRange: [30, 53], crf: 0 });
      const reference = frameMd5s(single);
      expect(reference).toHaveLength(24);
      expect(new Set(reference).size).toBe(24);
      expect(frameMd5s(joined)).toEqual(reference);
      // the narration (the placeholder's tone) is there once, over the whole length; faststart: moov before mdat
      const probe = JSON.parse(
        execFileSync('ffprobe', ['-v', 'error', '-show_streams', '-show_format', '-of', 'json', joined], {
          encoding: 'utf8',
        }),
      );
      expect(probe.streams.map((s: { codec_type: string }) => s.codec_type)).toEqual(['video', 'audio']);
      expect(Number(probe.format.duration)).toBeCloseTo(24 / 30, 1);
      const head = readFileSync(joined).subarray(0, 200_000).toString('latin1');
      expect(head.indexOf('moov')).toBeGreaterThan(0);
      expect(head.indexOf('moov')).toBeLessThan(head.indexOf('mdat'));
    },
    TIMEOUT_MS,
  );

  it(
    'refuses a missing, a duplicated and a foreign chunk, naming each, and leaves the output alone',
    () => {
      const out = join(dir, 'refused.mp4');
      writeFileSync(out, 'previous');
      const join1 = (d: string) =>
        cli('src/render/joinCli.ts', ['--composition', 'placeholder', '--chunks', d, '--out', out]);

      const missing = join(dir, 'missing');
      mkdirSync(missing);
      for (const k of [1, 3])
        for (const ext of ['mp4', 'json'])
          copyFileSync(join(chunksDir, `chunk-${k}-of-3.${ext}`), join(missing, `chunk-${k}-of-3.${ext}`));
      let r = join1(missing);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/missing chunk 2\/3 \(frames 38-45\)/);

      const duplicated = join(dir, 'duplicated');
      mkdirSync(duplicated);
      for (const k of [1, 2, 3])
        for (const ext of ['mp4', 'json'])
          copyFileSync(join(chunksDir, `chunk-${k}-of-3.${ext}`), join(duplicated, `chunk-${k}-of-3.${ext}`));
      copyFileSync(join(chunksDir, 'chunk-3-of-3.mp4'), join(duplicated, 'copy.mp4'));
      writeFileSync(
        join(duplicated, 'copy.json'),
        JSON.stringify({ ...JSON.parse(readFileSync(join(chunksDir, 'chunk-3-of-3.json'), 'utf8')), file: 'copy.mp4' }),
      );
      r = join1(duplicated);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/duplicated chunk 3\/3: both .*chunk-3-of-3\.json and .*copy\.json/);

      // foreign: rendered with other encoder settings (crf 18 among crf 0) and from other sources
      const foreign = join(dir, 'foreign');
      mkdirSync(foreign);
      for (const k of [1, 3])
        for (const ext of ['mp4', 'json'])
          copyFileSync(join(chunksDir, `chunk-${k}-of-3.${ext}`), join(foreign, `chunk-${k}-of-3.${ext}`));
      const m2 = JSON.parse(readFileSync(join(chunksDir, 'chunk-2-of-3.json'), 'utf8'));
      copyFileSync(join(chunksDir, 'chunk-2-of-3.mp4'), join(foreign, 'chunk-2-of-3.mp4'));
      writeFileSync(join(foreign, 'chunk-2-of-3.json'), JSON.stringify({ ...m2, sourceHash: '0123456789abcdef' }));
      r = join1(foreign);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(
        /foreign chunk 2\/3 \(.*chunk-2-of-3\.json\): it was rendered from sources 0123456789abcdef/,
      );

      // corrupted: one byte changed in a chunk
      const corrupt = join(dir, 'corrupt');
      mkdirSync(corrupt);
      for (const k of [1, 2, 3])
        for (const ext of ['mp4', 'json'])
          copyFileSync(join(chunksDir, `chunk-${k}-of-3.${ext}`), join(corrupt, `chunk-${k}-of-3.${ext}`));
      const bytes = readFileSync(join(corrupt, 'chunk-1-of-3.mp4'));
      bytes[bytes.length - 100] = bytes[bytes.length - 100]! ^ 0xff;
      writeFileSync(join(corrupt, 'chunk-1-of-3.mp4'), bytes);
      r = join1(corrupt);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/corrupted chunk 1\/3: .*chunk-1-of-3\.mp4 has sha256/);

      expect(readFileSync(out, 'utf8')).toBe('previous');
    },
    TIMEOUT_MS,
  );
});
