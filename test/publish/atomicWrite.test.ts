import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  copyFileAtomic,
  produceFileAtomic,
  produceFileAtomicSync,
  writeFileAtomic,
} from '../../src/publish/atomicWrite';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'atomic-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('atomic writes', () => {
  it('writes and replaces a file, creating its folder, leaving nothing else behind', () => {
    const target = join(dir, 'sub', 'out.json');
    writeFileAtomic(target, '{"v":1}\n');
    writeFileAtomic(target, new Uint8Array([0x7b, 0x7d]));
    expect(readFileSync(target, 'utf8')).toBe('{}');
    expect(readdirSync(join(dir, 'sub'))).toEqual(['out.json']);
  });

  it('copies through a temp file', () => {
    writeFileSync(join(dir, 'a.wav'), 'RIFF....');
    copyFileAtomic(join(dir, 'a.wav'), join(dir, 'b.wav'));
    expect(readFileSync(join(dir, 'b.wav'), 'utf8')).toBe('RIFF....');
    expect(readdirSync(dir).sort()).toEqual(['a.wav', 'b.wav']);
  });

  it('a producer that fails half-way leaves the old file intact and no temp file (sync and async)', async () => {
    const target = join(dir, 'narration.wav');
    writeFileSync(target, 'good');
    expect(() =>
      produceFileAtomicSync(target, (temp) => {
        writeFileSync(temp, 'half-writ');
        throw new Error('encoder died');
      }),
    ).toThrow('encoder died');
    await expect(
      produceFileAtomic(target, async (temp) => {
        writeFileSync(temp, 'half-writ');
        throw new Error('ffmpeg exit 1');
      }),
    ).rejects.toThrow('ffmpeg exit 1');
    expect(readFileSync(target, 'utf8')).toBe('good');
    expect(readdirSync(dir)).toEqual(['narration.wav']);
  });

  it('a failed rename (target is a folder) removes the temp file and leaves the target as it was', () => {
    const target = join(dir, 'out');
    mkdirSync(join(target, 'keep'), { recursive: true });
    expect(() => writeFileAtomic(target, 'data')).toThrow();
    expect(readdirSync(dir)).toEqual(['out']);
    expect(readdirSync(target)).toEqual(['keep']);
  });

  it('a copy from a missing file fails and leaves the old file intact', () => {
    const target = join(dir, 'scene.wav');
    writeFileSync(target, 'old');
    expect(() => copyFileAtomic(join(dir, 'missing.wav'), target)).toThrow(/ENOENT/);
    expect(readFileSync(target, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['scene.wav']);
  });
});
