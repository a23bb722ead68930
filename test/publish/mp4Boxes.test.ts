import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkFastStart, readTopLevelBoxes } from '../../src/publish/mp4Boxes';
import { makeTempDir, makeTestMp4 } from './mediaFixtures';

const tmp = makeTempDir('mp4boxes');
afterAll(tmp.cleanup);

describe('readTopLevelBoxes / checkFastStart', () => {
  it('finds moov before mdat in a +faststart file and the box sizes add up to the file size', () => {
    const file = makeTestMp4(join(tmp.dir, 'fast.mp4'), { width: 64, height: 64, durationS: 0.5, faststart: true });
    const boxes = readTopLevelBoxes(file);
    expect(boxes[0]?.type).toBe('ftyp');
    const total = boxes.reduce((s, b) => s + b.sizeBytes, 0);
    expect(total).toBe(readFileSync(file).length);
    expect(checkFastStart(boxes).ok).toBe(true);
  });

  it('flags an MP4 written without faststart (ffmpeg puts moov at the end)', () => {
    const file = makeTestMp4(join(tmp.dir, 'slow.mp4'), { width: 64, height: 64, durationS: 0.5, faststart: false });
    const report = checkFastStart(readTopLevelBoxes(file));
    expect(report.ok).toBe(false);
    expect(report.order.indexOf('mdat')).toBeLessThan(report.order.indexOf('moov'));
    expect(report.message).toMatch(/faststart/);
  });

  it('rejects a truncated file, naming the file and the box', () => {
    const good = readFileSync(join(tmp.dir, 'fast.mp4'));
    const cut = join(tmp.dir, 'cut.mp4');
    writeFileSync(cut, good.subarray(0, Math.floor(good.length / 2)));
    expect(() => readTopLevelBoxes(cut)).toThrow(/cut\.mp4: box "(moov|mdat)" at byte \d+ claims/);
  });

  it('reads a 64-bit box size', () => {
    const file = join(tmp.dir, 'large.mp4');
    const ftyp = Buffer.alloc(16);
    ftyp.writeUInt32BE(16, 0);
    ftyp.write('ftypisom', 4, 'latin1');
    const mdat = Buffer.alloc(24);
    mdat.writeUInt32BE(1, 0);
    mdat.write('mdat', 4, 'latin1');
    mdat.writeBigUInt64BE(24n, 8);
    writeFileSync(file, Buffer.concat([ftyp, mdat]));
    expect(readTopLevelBoxes(file)).toEqual([
      { type: 'ftyp', offsetBytes: 0, sizeBytes: 16 },
      { type: 'mdat', offsetBytes: 16, sizeBytes: 24 },
    ]);
    expect(checkFastStart(readTopLevelBoxes(file)).message).toBe('no moov box');
  });
});
