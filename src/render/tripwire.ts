/**
 * One failure that many waits race against: a browser that dies, an encoder
 * that exits early. Each `race` removes its listener when its task settles.
 *
 * Why not `Promise.race([task, failure])` on a long-lived `failure`: every
 * such race adds a reaction to `failure` that lives as long as it does, and
 * that reaction holds the race's promise and so its result. In the capture
 * loop the result is a screenshot: the render kept every filmstrip image it
 * ever took (bench-2d, 1800 frames: ~300 MiB of Node memory; docs/render.md).
 */
export class Tripwire {
  private tripped = false;
  private error: unknown = null;
  private readonly listeners = new Set<(error: unknown) => void>();
  /** Rejects with the first trip's error (for the code that reports it). */
  readonly failed: Promise<never>;
  private rejectFailed: (error: unknown) => void = () => {};

  constructor() {
    this.failed = new Promise<never>((_, reject) => (this.rejectFailed = reject));
    this.failed.catch(() => {});
  }

  /** Races still waiting (each one is gone as soon as its task settles). */
  get pendingRaces(): number {
    return this.listeners.size;
  }

  /** Fails every pending and future race with `error` (the first trip wins). */
  trip(error: unknown): void {
    if (this.tripped) return;
    this.tripped = true;
    this.error = error;
    this.rejectFailed(error);
    for (const listener of [...this.listeners]) listener(error);
    this.listeners.clear();
  }

  /** `task`'s outcome, or the trip's error if it trips first. */
  race<T>(task: Promise<T>): Promise<T> {
    if (this.tripped) {
      task.catch(() => {});
      return Promise.reject(this.error);
    }
    return new Promise<T>((resolve, reject) => {
      this.listeners.add(reject);
      task.then(
        (value) => {
          this.listeners.delete(reject);
          resolve(value);
        },
        (error: unknown) => {
          this.listeners.delete(reject);
          reject(error);
        },
      );
    });
  }
}
