/**
 * `npm run render:worker`: a worker for the render queue. Takes chunk and
 * join jobs (one at a time) from BullMQ on Redis, renders through the store.
 * Run with --help for options.
 */
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { Worker } from 'bullmq';
import { renderConfig } from '../../render.config';
import { hashSources } from '../render/bundle';
import { parseIntegerOption, runCli } from '../publish/runCli';
import { queueConnection, RENDER_QUEUE, type RenderJobData } from './queueConfig';
import { processRenderJob, type WorkerContext } from './renderJobs';
import { checkStoreReachable } from './store';

const DEFAULT_LOCK_SECONDS = 30;

const HELP = `Usage: npm run render:worker -- --queue redis://HOST:PORT --store DIR [options]

A worker for renders enqueued with \`npm run render -- --queue URL --chunks N --store DIR\`:
takes one job at a time, 'chunk' (renders chunk K/N with headless Chromium and
ffmpeg and puts it in the store) or 'join' (joins the chunks from the store,
muxes the narration, puts the video in the store). Run one per machine (or two
on one machine with --concurrency 1 each); any number may join or leave.

A job carries the source hash of the checkout that enqueued it; a worker built
from other sources refuses it (the job goes back to the queue for a matching
worker), and so does a worker whose store lacks the render. A worker that dies
mid-chunk (killed, machine lost) stops renewing its lock; after --lock-seconds
another worker takes the chunk again.

Options:
  --queue URL          Redis holding the queue, redis://[user:password@]HOST:PORT[/DB] (required)
  --store DIR          the shared store: directory or mounted volume every worker and the
                       enqueuer reach (required)
  --concurrency N      capture pages per chunk (default: ${renderConfig.capture.defaultConcurrency}; 1 when two workers share a 2-core machine)
  --lock-seconds S     how long a job's lock lasts without renewal: a dead worker's chunk is
                       taken again after about 2 S (default ${DEFAULT_LOCK_SECONDS})
  --name NAME          worker name in logs and refusals (default: host:pid)
  -h, --help           show this help
`;

const OPTIONS = {
  queue: { type: 'string' },
  store: { type: 'string' },
  concurrency: { type: 'string' },
  'lock-seconds': { type: 'string' },
  name: { type: 'string' },
} as const;

void runCli({ name: 'render:worker', help: HELP, options: OPTIONS }, async ({ values }) => {
  if (!values.queue) throw new Error('--queue redis://HOST:PORT is required (the Redis that holds the render queue).');
  if (!values.store) throw new Error('--store DIR is required (the shared directory or volume that holds the chunks).');
  const store = resolve(values.store);
  checkStoreReachable(store);
  const lockSeconds = parseIntegerOption('--lock-seconds', values['lock-seconds']) ?? DEFAULT_LOCK_SECONDS;
  if (lockSeconds < 2)
    throw new Error(`--lock-seconds ${lockSeconds} is too short; use 2 or more (default ${DEFAULT_LOCK_SECONDS}).`);
  const name = values.name ?? `${hostname()}:${process.pid}`;
  const log = (line: string) => process.stderr.write(`render:worker ${name}: ${line}\n`);
  const ctx: WorkerContext = {
    name,
    store,
    sourceHash: hashSources(),
    concurrency: parseIntegerOption('--concurrency', values.concurrency),
    log,
  };
  const worker = new Worker<RenderJobData>(RENDER_QUEUE, (job, token) => processRenderJob(ctx, job, token), {
    connection: queueConnection(values.queue),
    concurrency: 1,
    lockDuration: lockSeconds * 1000,
    stalledInterval: lockSeconds * 1000,
    // A chunk may stall once because its worker died and once more by bad luck; a third time is a real problem.
    maxStalledCount: 2,
    // After a lost connection BullMQ waits this long before it asks Redis again (default 15 s): a restarted Redis is
    // back in a second or two, and its re-enqueued jobs should not wait.
    runRetryDelay: 1000,
  });
  worker.on('error', (e) => log(`queue connection: ${e.message}`));
  worker.on('failed', (job, e) => {
    if (job) log(`job ${job.id} failed (attempt ${job.attemptsMade}): ${e.message}`);
  });
  await worker.waitUntilReady();
  log(`ready: sources ${ctx.sourceHash}, store ${store}, queue ${values.queue}, lock ${lockSeconds} s`);
  await new Promise<void>((resolvePromise) => {
    const stop = (signal: string) => {
      // While a chunk renders, the renderer's own handler stops Chromium and ffmpeg and exits at once;
      // the chunk's lock then lapses and another worker renders it again.
      log(`${signal}: closing the queue connection, then exiting (again to exit now)`);
      process.once('SIGINT', () => process.exit(130));
      process.once('SIGTERM', () => process.exit(143));
      void worker.close().then(resolvePromise);
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
});
