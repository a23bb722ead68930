/**
 * The render queue for real: Debian's redis-server on a free 127.0.0.1 port
 * (no persistence), workers as separate processes, real Chromium and ffmpeg.
 * Short lossless renders of the placeholder; every joined result is compared
 * frame by frame with a single-process render of the same range.
 */
import { spawn, type ChildProcess, execFileSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  appendFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { renderVideo } from '../../src/render';
import { enqueueRender } from '../../src/distributed/enqueueRender';
import {
  queueConnection,
  RENDER_QUEUE,
  type ChunkProgress,
  type RenderRequest,
} from '../../src/distributed/queueConfig';
import { joinInStore } from '../../src/distributed/renderJobs';
import { hashSources } from '../../src/render/bundle';

const ROOT = resolve(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'render-queue-test-'));
const TIMEOUT_MS = 400_000;
const RANGE = { first: 60, last: 107 }; // 48 frames: 2 chunks of 24
let reference: string[] = [];

function frameMd5s(file: string): string[] {
  return execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-map', '0:v:0', '-f', 'framemd5', '-'], {
    encoding: 'utf8',
  })
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split(',').pop()!.trim());
}

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
  });
}

const started: ChildProcess[] = [];

function startRedis(port: number): Promise<ChildProcess> {
  const p = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  started.push(p);
  return new Promise((res, rej) => {
    let out = '';
    p.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('Ready to accept connections')) res(p);
    });
    p.once('exit', (code) => rej(new Error(`redis-server exited (${code}): ${out}`)));
  });
}

interface WorkerProcess {
  proc: ChildProcess;
  log: () => string;
  exited: Promise<number | null>;
}

/** RANGE of the placeholder as 2 lossless chunks through the queue, as every case here renders it. */
function enqueuePlaceholder(url: string, store: string, outPath: string, log: (line: string) => void = () => {}) {
  return enqueueRender({
    redisUrl: url,
    storeDir: store,
    compositionId: 'placeholder',
    frameRange: [RANGE.first, RANGE.last],
    chunks: 2,
    crf: 0,
    outPath,
    log,
    onProgress: () => {},
  });
}

function startWorker(name: string, url: string, store: string, cwd = ROOT): WorkerProcess {
  const logFile = join(dir, `${name}.log`);
  writeFileSync(logFile, '');
  const proc = spawn(
    'nice',
    [
      '-n',
      '10',
      process.execPath,
      '--import',
      'tsx',
      join(cwd, 'src', 'distributed', 'workerCli.ts'),
      '--queue',
      url,
      '--store',
      store,
      '--concurrency',
      '1',
      '--lock-seconds',
      '3',
      '--name',
      name,
    ],
    { cwd, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  started.push(proc);
  proc.stderr!.on('data', (d: Buffer) => appendFileSync(logFile, d));
  const exited = new Promise<number | null>((res) => proc.once('exit', (code) => res(code)));
  return { proc, log: () => readFileSync(logFile, 'utf8'), exited };
}

async function waitFor<T>(
  what: string,
  probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  ms = 120_000,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function stopAll() {
  for (const p of started.splice(0)) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
}

beforeAll(async () => {
  const single = join(dir, 'single.mp4');
  await renderVideo({ compositionId: 'placeholder', outPath: single, frameRange: RANGE, crf: 0 });
  reference = frameMd5s(single);
  expect(reference).toHaveLength(48);
  expect(new Set(reference).size).toBe(48);
}, TIMEOUT_MS);
afterEach(stopAll);
afterAll(() => {
  stopAll();
  rmSync(dir, { recursive: true, force: true });
});

describe('render queue (BullMQ on a real redis-server, workers as processes)', () => {
  it(
    'a worker killed with SIGKILL mid-chunk: its chunk is taken again by the other worker, the video is the same',
    async () => {
      const port = await freePort();
      await startRedis(port);
      const url = `redis://127.0.0.1:${port}`;
      const store = join(dir, 'store-kill');
      mkdirSync(store);
      const a = startWorker('a', url, store);
      const b = startWorker('b', url, store);
      await waitFor('workers ready', () => a.log().includes('ready') && b.log().includes('ready'));
      const out = join(dir, 'kill.mp4');
      const render = enqueuePlaceholder(url, store, out);
      render.catch(() => {});
      // Kill worker a once its chunk has captured some frames but not all.
      const queue = new Queue(RENDER_QUEUE, { connection: queueConnection(url, { failFast: true }) });
      const victim = await waitFor('worker a mid-chunk', async () => {
        const m = /chunk (\d)\/2 of render \S+ \(job (\S+), attempt 1\): started/.exec(a.log());
        if (!m) return null;
        const job = await queue.getJob(m[2]!);
        const p = job?.progress as Partial<ChunkProgress> | undefined;
        return p && typeof p.framesDone === 'number' && p.framesDone > 0 && p.framesDone < 24 ? Number(m[1]) : null;
      });
      await queue.close();
      a.proc.kill('SIGKILL');
      const result = await render;
      expect(await a.exited).toBe(null); // killed, never finished
      // b rendered the killed chunk after the lock lapsed (stalled job moved back to wait)
      expect(b.log()).toMatch(
        new RegExp(
          `chunk ${victim}/2 of render \\S+ \\(job \\S+, attempt \\d\\): started[\\s\\S]*chunk ${victim}/2 of render \\S+: done`,
        ),
      );
      expect(frameMd5s(out)).toEqual(reference);
      expect(result.join.rerendered).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    'Redis restarted mid-render (no persistence): the enqueuer enqueues again, finished chunks are reused, the video is the same',
    async () => {
      const port = await freePort();
      const redis = await startRedis(port);
      const url = `redis://127.0.0.1:${port}`;
      const store = join(dir, 'store-restart');
      mkdirSync(store);
      const a = startWorker('r1', url, store);
      await waitFor('worker ready', () => a.log().includes('ready'));
      const lines: string[] = [];
      const out = join(dir, 'restart.mp4');
      const render = enqueuePlaceholder(url, store, out, (l) => lines.push(l));
      render.catch(() => {});
      await waitFor('the first chunk done', () => /chunk \d\/2 of render \S+: done/.test(a.log()));
      redis.kill('SIGKILL');
      await new Promise((r) => setTimeout(r, 1500));
      await startRedis(port);
      const result = await render;
      expect(result.enqueues).toBeGreaterThanOrEqual(2);
      expect(lines.join('\n')).toMatch(/gone from Redis .* enqueuing them again/);
      expect(a.log()).toMatch(/an intact copy is already in the store; reused/);
      expect(frameMd5s(out)).toEqual(reference);
    },
    TIMEOUT_MS,
  );

  it(
    'a chunk corrupted in the store is rendered again, never joined; workers from other sources or without the store refuse and say why',
    async () => {
      const port = await freePort();
      await startRedis(port);
      const url = `redis://127.0.0.1:${port}`;
      const store = join(dir, 'store-refuse');
      mkdirSync(store);
      // A checkout with one source file changed: another source hash.
      const other = join(dir, 'other-checkout');
      for (const part of [
        'src',
        'captions',
        'public',
        'render.html',
        'render.config.ts',
        'vite.config.ts',
        'package.json',
        'package-lock.json',
        'tsconfig.json',
      ])
        cpSync(join(ROOT, part), join(other, part), { recursive: true });
      symlinkSync(join(ROOT, 'node_modules'), join(other, 'node_modules'));
      appendFileSync(join(other, 'src', 'compositions', 'catalog.ts'), '\n// an edit\n');
      const foreign = startWorker('foreign', url, store, other);
      const lost = startWorker('lost', url, join(dir, 'empty-store'));
      // the 'lost' worker's store does not exist at all: it stops at start with a clear error
      expect(await lost.exited).toBe(1);
      expect(lost.log()).toMatch(/--store .*empty-store is not reachable \(ENOENT\): mount the shared store there/);
      mkdirSync(join(dir, 'empty-store'));
      const unmounted = startWorker('unmounted', url, join(dir, 'empty-store'));
      await waitFor(
        'refusing workers ready',
        () => foreign.log().includes('ready') && unmounted.log().includes('ready'),
      );
      const lines: string[] = [];
      const first = enqueuePlaceholder(url, store, join(dir, 'refuse-1.mp4'), (l) => lines.push(l));
      first.catch(() => {});
      await waitFor(
        'both refusals',
        () => foreign.log().includes('refused') && unmounted.log().includes('refused'),
        60_000,
      );
      expect(foreign.log()).toMatch(
        /refused chunk \d\/2 .*this worker was built from other sources \(source hash \w+; the job needs \w+\)/,
      );
      expect(unmounted.log()).toMatch(
        /refused chunk \d\/2 .*is not the store the render uses \(is the shared volume mounted/,
      );
      // Only now a matching worker: the jobs go to it.
      const good = startWorker('good', url, store);
      const r1 = await first;
      expect(lines.join('\n')).toMatch(/foreign.* refused chunk \d\/2: this worker was built from other sources/);
      expect(frameMd5s(r1.outPath)).toEqual(reference);
      expect(good.log()).not.toMatch(/refused/);

      // Corrupt chunk 1 in the store, then ask for the same render again: the chunk job finds the damage and renders it again.
      const chunkFile = join(store, r1.renderId, 'chunks', 'chunk-1-of-2.mp4');
      const bytes = readFileSync(chunkFile);
      bytes[bytes.length - 100] = bytes[bytes.length - 100]! ^ 0xff;
      writeFileSync(chunkFile, bytes);
      const r2 = await enqueuePlaceholder(url, store, join(dir, 'refuse-2.mp4'));
      expect(r2.renderId).toBe(r1.renderId);
      expect(good.log().match(/an intact copy is already in the store; reused/g)?.length).toBe(1); // chunk 2 only
      expect(frameMd5s(r2.outPath)).toEqual(reference);

      // A chunk damaged after the chunk jobs finished, before the join: the join job checks every sha256,
      // renders the damaged chunk again itself, and only then joins.
      const chunk2 = join(store, r1.renderId, 'chunks', 'chunk-2-of-2.mp4');
      const bytes2 = readFileSync(chunk2);
      bytes2[bytes2.length - 100] = bytes2[bytes2.length - 100]! ^ 0xff;
      writeFileSync(chunk2, bytes2);
      const request = JSON.parse(readFileSync(join(store, r1.renderId, 'render.json'), 'utf8')) as RenderRequest;
      const logged: string[] = [];
      const joined = await joinInStore(
        { name: 'test', store, sourceHash: hashSources(), concurrency: 1, log: (l) => logged.push(l) },
        { ...request, kind: 'join' },
      );
      expect(joined.rerendered).toEqual([2]);
      expect(logged.join('\n')).toMatch(
        /corrupted chunk 2\/2: .*chunk-2-of-2\.mp4 has sha256 .*; rendering chunk 2 again here/,
      );
      expect(frameMd5s(join(store, joined.file))).toEqual(reference);
    },
    TIMEOUT_MS,
  );
});
