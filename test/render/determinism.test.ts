import { describe, expect, it } from 'vitest';
import { captureFrames } from '../../src/render';

/**
 * A frame is a pure function of its number: the same frame captured twice,
 * after other frames, or by another browser (a different worker) has the same
 * pixels. PNG captures, so the hash covers exact pixels, including the
 * three.js knot (a stale 3D draw from the previous frame would change it).
 */
describe('frame determinism (placeholder, real Chromium)', () => {
  it('gives identical pixels for the same frame whatever the order or the worker', async () => {
    const a = await captureFrames({ compositionId: 'placeholder', frames: [37, 380, 37, 381] });
    const b = await captureFrames({ compositionId: 'placeholder', frames: [381, 380, 37] });
    const hashA = (f: number, i = 0) => a.filter((c) => c.frame === f)[i]!.sha256;
    const hashB = (f: number) => b.find((c) => c.frame === f)!.sha256;

    // frames really differ (so equal hashes below mean something), even one frame apart
    expect(hashA(37)).not.toBe(hashA(380));
    expect(hashA(380)).not.toBe(hashA(381));
    // same frame twice in one worker, with another frame drawn in between
    expect(hashA(37, 1)).toBe(hashA(37, 0));
    // another worker (browser), other order
    expect(hashB(37)).toBe(hashA(37));
    expect(hashB(380)).toBe(hashA(380));
    expect(hashB(381)).toBe(hashA(381));
    // a real 1920x1080 PNG
    const png = a[0]!.bytes;
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(1920);
    expect(png.readUInt32BE(20)).toBe(1080);
  });
});
