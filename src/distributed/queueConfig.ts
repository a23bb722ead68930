/**
 * What the queue side shares: the queue name, the job data, the Redis URL
 * parser and the BullMQ connection (ioredis).
 */
import { createIORedisClient, RedisConnection, type ConnectionOptions, type RedisOptions } from 'bullmq';
import { Redis } from 'ioredis';
import type { FrameRange } from '../render/frameRange';

/** One BullMQ queue holds both kinds of job: 'chunk' (render chunk K/N) and 'join' (the flow's parent). */
export const RENDER_QUEUE = 'ltp-render';

/** What a render on the queue is: enough for any worker with the same sources to render or join it. */
export interface RenderRequest {
  /** Names the render's directory in the store; the same request gives the same id, so chunks are reused. */
  renderId: string;
  /** bundle.ts hashSources() of the machine that enqueued: a worker with other sources refuses the job. */
  sourceHash: string;
  compositionId: string;
  range: FrameRange;
  chunks: number;
  crf: number;
  framesPerShot?: number;
  inputProps?: Record<string, unknown>;
}

export interface ChunkJobData extends RenderRequest {
  kind: 'chunk';
  index: number;
  /** Set by a worker that refused the job (other sources, no store), so the enqueuer can say why it waits. */
  refusal?: { worker: string; message: string; at: number };
}

export interface JoinJobData extends RenderRequest {
  kind: 'join';
  refusal?: { worker: string; message: string; at: number };
}

export type RenderJobData = ChunkJobData | JoinJobData;

/** Progress a chunk job reports while it renders. */
export interface ChunkProgress {
  framesDone: number;
  totalFrames: number;
  stage: string;
}

/** Parses redis://[user:password@]HOST:PORT[/DB], or throws saying what is valid. */
export function parseRedisUrl(text: string): RedisOptions {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`--queue "${text}" is not a URL; use redis://HOST:PORT, e.g. redis://127.0.0.1:6379.`);
  }
  if (url.protocol !== 'redis:')
    throw new Error(`--queue "${text}": only redis://HOST:PORT is supported (no TLS rediss:// yet).`);
  const db = url.pathname.replace(/^\//, '');
  if (db && !/^\d+$/.test(db)) throw new Error(`--queue "${text}": the path must be a database number, e.g. /0.`);
  return {
    host: url.hostname || '127.0.0.1',
    port: url.port ? Number(url.port) : 6379,
    ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    ...(db ? { db: Number(db) } : {}),
  };
}

let factoryInstalled = false;

/**
 * BullMQ connection options for `redisUrl`. Reconnects every 0.2-2 s (BullMQ's
 * default waits up to 20 s between tries, too slow to notice a restarted Redis).
 * `failFast` (the enqueuer): commands fail while Redis is unreachable instead of waiting.
 */
export function queueConnection(redisUrl: string, { failFast = false } = {}): ConnectionOptions {
  if (!factoryInstalled) {
    // bullmq's ESM build cannot require() ioredis itself ("pass an already-constructed client"), so it
    // gets a factory: BullMQ still creates (and closes) every connection it needs from these options.
    RedisConnection.clientFactory = (opts) => createIORedisClient(new Redis(opts as never));
    factoryInstalled = true;
  }
  return {
    ...parseRedisUrl(redisUrl),
    retryStrategy: (times: number) => Math.min(200 * times, 2000),
    // The enqueuer's commands fail after ~5 s of no Redis so it can say so; a worker's wait forever (BullMQ requires null).
    maxRetriesPerRequest: failFast ? 5 : null,
  } as ConnectionOptions;
}
