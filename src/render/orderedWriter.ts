import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Tripwire } from './tripwire';

/**
 * Writes numbered images (0, 1, 2, ...) to one stream in number order,
 * whichever capture worker delivers them first: the workers of a render take
 * the next filmstrip from one queue and all feed a single encoder.
 *
 * Why one encoder: an x264 encoder holds ~170 MiB of frames at 1080p
 * whatever its input rate, so an encoder per worker doubled that for nothing
 * (issue #19; docs/render.md, "One encoder"). Memory stays bounded: a worker
 * whose image is `maxAhead` or more ahead of the stream waits, and the
 * stream is given one image at a time (the next once it took the last).
 */
export class OrderedWriter {
  private nextIndex = 0;
  private readonly held = new Map<number, Buffer>();
  private flushing: Promise<void> = Promise.resolve();
  private spaceWaiters: (() => void)[] = [];

  /**
   * @param out where the images go (an encoder's stdin)
   * @param maxAhead how many images may wait for an earlier one (>= 1)
   * @param consumerDied trips when the consumer dies; every pending `put` then rejects with its reason
   */
  constructor(
    private readonly out: Writable,
    private readonly maxAhead: number,
    private readonly consumerDied: Tripwire,
  ) {
    if (!Number.isInteger(maxAhead) || maxAhead < 1)
      throw new Error(`OrderedWriter: maxAhead ${maxAhead} must be >= 1.`);
  }

  /** Images written so far (the index of the next one the stream takes). */
  get written(): number {
    return this.nextIndex;
  }

  /**
   * Hands over image `index`. Waits only while the image is `maxAhead` or
   * more ahead of the stream (the encoder is behind, or an earlier image is
   * still being drawn); the write itself goes on in the background, so the
   * worker draws its next image meanwhile. Rejects if the consumer died.
   */
  async put(index: number, image: Buffer): Promise<void> {
    if (!Number.isInteger(index) || index < this.nextIndex || this.held.has(index)) {
      throw new Error(`OrderedWriter: image ${index} was already written or is held (next: ${this.nextIndex}).`);
    }
    while (index >= this.nextIndex + this.maxAhead) {
      await this.consumerDied.race(new Promise<void>((resolve) => this.spaceWaiters.push(resolve)));
    }
    this.held.set(index, image);
    this.flushing = this.flushing.then(() => this.flush());
    // The chain rejects only when the consumer died; the tripwire reports that to every put and to the render.
    this.flushing.catch(() => {});
  }

  /** Resolves once every image handed over is in the stream (then end it); rejects if the consumer died. */
  async drained(): Promise<void> {
    await this.consumerDied.race(this.flushing);
    if (this.held.size > 0)
      throw new Error(`OrderedWriter: image ${this.nextIndex} never came; ${this.held.size} held.`);
  }

  /** Writes every held image that is next in order, each once the stream has taken the one before. */
  private async flush(): Promise<void> {
    for (let image = this.held.get(this.nextIndex); image; image = this.held.get(this.nextIndex)) {
      if (this.out.writableNeedDrain) await this.consumerDied.race(once(this.out, 'drain'));
      this.held.delete(this.nextIndex);
      this.nextIndex++;
      this.out.write(image);
      this.wakeAll();
    }
  }

  private wakeAll(): void {
    const waiters = this.spaceWaiters;
    this.spaceWaiters = [];
    for (const wake of waiters) wake();
  }
}
