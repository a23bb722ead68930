/**
 * `npm run bench:queue`: the render queue against a plain render on this
 * machine, alternating, and the cost of a chunk and of the join.
 *
 * Starts Debian's redis-server on a free 127.0.0.1 port (no persistence) and
 * W worker processes (`--concurrency 1` each, so W=2 uses the same two
 * capture pages as a plain render), then alternates: a plain `renderVideo`
 * of the range, the same range through the queue in N chunks. Prints each
 * run's wall time and fps, every chunk's stages (launch, first frame,
 * capture, encode tail, store), the join, and a summary.
 *
 *   npm run bench:queue -- [--composition ID] [--frames A-B] [--chunks N] [--workers W] [--repeat R]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { enqueueRender } from '../src/distributed/enqueueRender';
import { bundleRenderPage, renderVideo } from '../src/render';
import { RENDER_NODE_FLAGS } from '../src/render/nodeFlags';
import { REPO_ROOT } from '../src/render/bundle';
import { parseIntegerOption, runCli } from '../src/publish/runCli';

const HELP = `Usage: npm run bench:queue -- [options]

Alternates a plain render and the same range through the BullMQ queue
(local redis-server, worker processes), and prints wall times, the cost of
each chunk (launch, first frame, capture, encode tail) and of the join.

Options:
  --composition ID   default: explainer
  --frames A-B       default: 0-599
  --chunks N         chunks per queued render (default: 2)
  --workers W        worker processes, --concurrency 1 each (default: 2)
  --repeat R         plain/queue pairs (default: 2)
  -h, --help         show this help
`;

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

const s = (ms: number | undefined) => ((ms ?? 0) / 1000).toFixed(1);

const OPTIONS = {
  composition: { type: 'string' },
  frames: { type: 'string' },
  chunks: { type: 'string' },
  workers: { type: 'string' },
  repeat: { type: 'string' },
} as const;

void runCli({ name: 'bench:queue', help: HELP, options: OPTIONS }, async ({ values }) => {
  const compositionId = values.composition ?? 'explainer';
  const frames = values.frames ?? '0-599';
  const chunks = parseIntegerOption('--chunks', values.chunks) ?? 2;
  const workers = parseIntegerOption('--workers', values.workers) ?? 2;
  const repeat = parseIntegerOption('--repeat', values.repeat) ?? 2;
  const dir = mkdtempSync(join(tmpdir(), 'queue-bench-'));
  const children: ChildProcess[] = [];
  const stop = () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  };
  process.once('exit', stop);
  try {
    const port = await freePort();
    const redis = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    children.push(redis);
    await new Promise<void>((res) => redis.stdout!.on('data', (d: Buffer) => d.toString().includes('Ready') && res()));
    const url = `redis://127.0.0.1:${port}`;
    const store = join(dir, 'store');
    mkdirSync(store, { recursive: true });
    const logs: string[] = [];
    for (let w = 0; w < workers; w++) {
      const log = join(dir, `worker-${w}.log`);
      writeFileSync(log, '');
      logs.push(log);
      const p = spawn(
        process.execPath,
        [
          ...RENDER_NODE_FLAGS,
          '--import',
          'tsx',
          join(REPO_ROOT, 'src/distributed/workerCli.ts'),
          '--queue',
          url,
          '--store',
          store,
          '--concurrency',
          '1',
          '--name',
          `bench-${w}`,
        ],
        { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
      );
      p.stderr!.on('data', (d: Buffer) => appendFileSync(log, d));
      children.push(p);
    }
    for (;;) {
      if (logs.every((l) => readFileSync(l, 'utf8').includes('ready'))) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    // Build (or find) the render page first, so neither side's first run pays for it.
    await bundleRenderPage();
    const walls: { plain: number[]; queue: number[] } = { plain: [], queue: [] };
    let frameTotal = 0;
    for (let r = 0; r < repeat; r++) {
      const t0 = performance.now();
      const plain = await renderVideo({ compositionId, frameRange: frames, outPath: join(dir, 'plain.mp4') });
      const plainMs = performance.now() - t0;
      frameTotal = plain.frames;
      walls.plain.push(plainMs);
      console.log(
        `run ${r + 1} plain: ${s(plainMs)} s, ${(plain.frames / (plainMs / 1000)).toFixed(2)} fps [launch ${s(plain.stages.launchMs)}, capture ${s(plain.stages.captureMs)}, encode tail ${s(plain.stages.encodeTailMs)}, mux ${s(plain.stages.muxMs)}]`,
      );
      // Remove the previous queued render's chunks so every queued run renders all of them.
      rmSync(store, { recursive: true, force: true });
      mkdirSync(store, { recursive: true });
      const t1 = performance.now();
      const q = await enqueueRender({
        redisUrl: url,
        storeDir: store,
        compositionId,
        frameRange: frames,
        chunks,
        outPath: join(dir, 'queue.mp4'),
        log: (line) => console.log(`  ${line}`),
        onProgress: () => {},
      });
      const queueMs = performance.now() - t1;
      walls.queue.push(queueMs);
      console.log(
        `run ${r + 1} queue (${workers} workers, ${chunks} chunks): ${s(queueMs)} s, ${(frameTotal / (queueMs / 1000)).toFixed(2)} fps; join ${s(q.join.joinMs)} s`,
      );
      for (const c of q.chunks) {
        const st = c.stages ?? {};
        console.log(
          `  chunk ${c.index}/${chunks}: total ${s(st.totalMs)} s = bundle ${s(st.bundleMs)} + launch ${s(st.launchMs)} + capture ${s(st.captureMs)} (first frame ${s(st.firstFrameMs)}) + encode tail ${s(st.encodeTailMs)} + mux ${s(st.muxMs)}${c.reused ? ' (reused)' : ''}`,
        );
      }
    }
    const range = (xs: number[]) => `${s(Math.min(...xs))}-${s(Math.max(...xs))} s`;
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    console.log(
      `plain ${range(walls.plain)}, queue ${range(walls.queue)}; queue/plain (means) ${(mean(walls.queue) / mean(walls.plain)).toFixed(3)}`,
    );
  } finally {
    stop();
    await new Promise((r) => setTimeout(r, 500));
    rmSync(dir, { recursive: true, force: true });
  }
});
