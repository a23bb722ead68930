import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { StripQueue } from '../../src/render/captureWorkers';
import { OrderedWriter } from '../../src/render/orderedWriter';
import { Tripwire } from '../../src/render/tripwire';

/** A stream that records what it got and takes each write after `delayMs` (a busy encoder). */
function slowSink(delayMs: number, highWaterMark = 1) {
  const got: string[] = [];
  const stream = new Writable({
    highWaterMark,
    write(chunk: Buffer, _enc, done) {
      got.push(chunk.toString());
      setTimeout(done, delayMs);
    },
  });
  return { stream, got };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('OrderedWriter: one encoder fed by several capture workers', () => {
  it('writes images in index order whatever order the workers deliver them in', async () => {
    const { stream, got } = slowSink(1);
    const writer = new OrderedWriter(stream, 8, new Tripwire());
    // Two workers with different speeds taking alternate images, as the StripQueue hands them out.
    const worker = async (indices: number[], delayMs: number) => {
      for (const i of indices) {
        await sleep(delayMs);
        await writer.put(i, Buffer.from(`img${i};`));
      }
    };
    await Promise.all([worker([0, 2, 4, 6, 8], 7), worker([1, 3, 5, 7, 9], 2)]);
    await writer.drained();
    expect(got.join('')).toBe('img0;img1;img2;img3;img4;img5;img6;img7;img8;img9;');
    expect(writer.written).toBe(10);
  });

  it('holds at most maxAhead images: a worker far ahead waits for the earlier image', async () => {
    const { stream } = slowSink(0);
    const writer = new OrderedWriter(stream, 2, new Tripwire());
    await writer.put(1, Buffer.from('b')); // held: 0 is missing
    let thirdDone = false;
    const third = writer.put(2, Buffer.from('c')).then(() => (thirdDone = true));
    await sleep(20);
    expect(thirdDone).toBe(false); // 2 >= next (0) + maxAhead (2): it must wait
    await writer.put(0, Buffer.from('a'));
    await third;
    await writer.drained();
    expect(writer.written).toBe(3);
  });

  it('rejects a repeated index and rejects pending puts when the consumer dies', async () => {
    const { stream } = slowSink(0);
    const encoderGone = new Tripwire();
    const writer = new OrderedWriter(stream, 1, encoderGone);
    await writer.put(0, Buffer.from('a'));
    await writer.drained();
    await expect(writer.put(0, Buffer.from('a'))).rejects.toThrow(/image 0 was already written/);
    const waiting = writer.put(2, Buffer.from('c')); // waits for image 1, which never comes
    encoderGone.trip(new Error('ffmpeg died'));
    await expect(waiting).rejects.toThrow('ffmpeg died');
  });
});

describe('StripQueue', () => {
  it('hands out every filmstrip once, in order, the last one filled with the last frame', () => {
    const queue = new StripQueue({ first: 10, last: 16 }, 3);
    const taken = [];
    for (let s = queue.take(); s; s = queue.take()) taken.push(s);
    expect(taken).toEqual([
      { index: 0, frames: [10, 11, 12] },
      { index: 1, frames: [13, 14, 15] },
      { index: 2, frames: [16, 16, 16] },
    ]);
  });
});

describe('Tripwire', () => {
  it('keeps nothing of a settled race (a long capture loop does not hold its screenshots)', async () => {
    const died = new Tripwire();
    for (let i = 0; i < 200; i++) {
      const image = await died.race(Promise.resolve(Buffer.alloc(1024, i)));
      expect(image[0]).toBe(i % 256);
    }
    await expect(died.race(Promise.reject(new Error('draw failed')))).rejects.toThrow('draw failed');
    expect(died.pendingRaces).toBe(0);
  });

  it('fails the pending races and every later one with the first trip', async () => {
    const died = new Tripwire();
    const pending = died.race(new Promise(() => {}));
    expect(died.pendingRaces).toBe(1);
    died.trip(new Error('Chromium exited'));
    died.trip(new Error('second'));
    await expect(pending).rejects.toThrow('Chromium exited');
    await expect(died.race(Promise.resolve(1))).rejects.toThrow('Chromium exited');
    await expect(died.failed).rejects.toThrow('Chromium exited');
    expect(died.pendingRaces).toBe(0);
  });
});
