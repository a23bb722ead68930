import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const dir = mkdtempSync(join(tmpdir(), 'render-cli-test-'));
/** CLI runs start tsx, Chromium and ffmpeg on a shared 2-core machine: generous time. */
const CLI_TIMEOUT_MS = 300_000;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runCli(script: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(TSX, [join(ROOT, script), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Pids of every live descendant of `pid` (from /proc), e.g. Chromium and ffmpeg under a render. */
function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // exited while we looked
    }
  }
  const out: number[] = [];
  const walk = (p: number) => {
    for (const c of children.get(p) ?? []) {
      out.push(c);
      walk(c);
    }
  };
  walk(pid);
  return out;
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return '';
  }
}

function isAlive(pid: number): boolean {
  try {
    const state = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0];
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

/** Starts a render, waits until its workers are capturing, then calls `interrupt(renderPid)`. */
async function interruptedRender(out: string, interrupt: (cliPid: number, workers: number[]) => void) {
  const child = spawn(
    TSX,
    [join(ROOT, 'src/render/cli.ts'), '--composition', 'placeholder', '--frames', '0-899', '--out', out],
    { cwd: ROOT },
  );
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((r) => child.once('close', (code) => r(code)));
  const deadline = Date.now() + 120_000;
  while (
    !/capture\s+[1-9]\d*\//.test(stderr) &&
    !/capture/.test(stderr.split('\n').slice(-2).join('')) &&
    Date.now() < deadline
  )
    await new Promise((r) => setTimeout(r, 200));
  await new Promise((r) => setTimeout(r, 1500));
  const workers = descendants(child.pid!);
  interrupt(child.pid!, workers);
  const code = await exited;
  await new Promise((r) => setTimeout(r, 500));
  return { code, stderr, workers };
}

describe('render CLI', () => {
  it(
    'prints --help with the options and compositions',
    () => {
      const r = runCli('src/render/cli.ts', ['--help']);
      expect(r.code).toBe(0);
      for (const opt of ['--composition', '--frames', '--concurrency', '--crf', '--out'])
        expect(r.stdout).toContain(opt);
      expect(r.stdout).toMatch(/placeholder\s+1920x1080, 30 fps, 1800 frames/);
    },
    CLI_TIMEOUT_MS,
  );

  it(
    'names a missing program and the exact install command, in one line',
    () => {
      const r = runCli('src/render/cli.ts', ['--composition', 'placeholder', '--frames', '0-1'], {
        RENDER_FFMPEG: '/nonexistent/ffmpeg',
      });
      expect(r.code).toBe(1);
      const lines = r.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        /missing ffmpeg \(\/nonexistent\/ffmpeg\); install with: .*apt-get update && apt-get install -y --no-install-recommends ffmpeg/,
      );
      const c = runCli('src/render/cli.ts', ['--composition', 'placeholder'], {
        RENDER_CHROMIUM: '/nonexistent/chromium',
      });
      expect(c.code).toBe(1);
      expect(c.stderr).toMatch(/missing chromium .*apt-get install -y --no-install-recommends chromium/);
    },
    CLI_TIMEOUT_MS,
  );

  it(
    'rejects bad options listing what is valid, exit non-zero, no output',
    () => {
      const out = join(dir, 'bad.mp4');
      const cases: Array<[string[], RegExp]> = [
        [['--composition', 'nope'], /Unknown composition "nope". Valid compositions:[\s\S]*placeholder/],
        [
          ['--composition', 'placeholder', '--frames', '30-20'],
          /first frame 30 is after last frame 20; valid: 0 <= first <= last <= 1799/,
        ],
        [['--composition', 'placeholder', '--concurrency', '0'], /--concurrency 0 is not valid/],
        [['--composition', 'placeholder', '--concurrency', 'two'], /--concurrency "two" is not a whole number/],
        [['--composition', 'placeholder', '--props', '{oops'], /--props is not valid JSON/],
        [['--frobnicate'], /Unknown option '--frobnicate'[\s\S]*Usage: npm run render/],
      ];
      for (const [args, message] of cases) {
        const r = runCli('src/render/cli.ts', [...args, '--out', out]);
        expect(r.code, args.join(' ')).not.toBe(0);
        expect(r.stderr, args.join(' ')).toMatch(message);
      }
      expect(existsSync(out)).toBe(false);
    },
    CLI_TIMEOUT_MS,
  );

  it(
    'still: writes a 1920x1080 PNG of the requested frame and rejects a frame outside the composition',
    () => {
      const png = join(dir, 'still.png');
      const r = runCli('src/render/stillCli.ts', ['--composition', 'placeholder', '--frame', '450', '--out', png]);
      expect(r.stderr).toMatch(/wrote .*still\.png \(frame 450, 1920x1080 png\)/);
      expect(r.code).toBe(0);
      const bytes = readFileSync(png);
      expect(bytes.subarray(1, 4).toString()).toBe('PNG');
      expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([1920, 1080]);
      const bad = runCli('src/render/stillCli.ts', ['--composition', 'placeholder', '--frame', '1800', '--out', png]);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toMatch(/outside the composition; valid: 0 <= first <= last <= 1799/);
    },
    CLI_TIMEOUT_MS,
  );

  it(
    'Ctrl-C stops browsers and ffmpeg, removes temporary files, keeps the existing output',
    async () => {
      const out = join(dir, 'interrupted.mp4');
      writeFileSync(out, 'previous good render');
      const { code, stderr, workers } = await interruptedRender(out, (pid, kids) => {
        // a terminal's Ctrl-C reaches the whole foreground group; send it to the render process itself
        const node = kids.find((k) => /cli\.ts/.test(commandOf(k))) ?? pid;
        process.kill(node, 'SIGINT');
      });
      expect(stderr).toMatch(/interrupted \(Ctrl-C\)/);
      expect(code).not.toBe(0);
      expect(workers.filter(isAlive)).toEqual([]);
      expect(readFileSync(out, 'utf8')).toBe('previous good render');
      expect(readdirSync(dir).filter((f) => f.includes('.render-'))).toEqual([]);
    },
    CLI_TIMEOUT_MS,
  );

  it(
    'a killed browser worker fails the render cleanly: message, other children gone, no output',
    async () => {
      const out = join(dir, 'killed.mp4');
      const { code, stderr, workers } = await interruptedRender(out, (_pid, kids) => {
        const browser = kids.find(
          (k) => commandOf(k).startsWith('/usr/lib/chromium/chromium') && !commandOf(k).includes('--type='),
        );
        expect(browser, 'a running chromium').toBeDefined();
        process.kill(browser!, 'SIGKILL');
      });
      expect(code).toBe(1);
      expect(stderr).toMatch(/Chromium \(capture worker \d, frames \d+-\d+\) exited unexpectedly/);
      expect(workers.filter(isAlive)).toEqual([]);
      expect(existsSync(out)).toBe(false);
      expect(readdirSync(dir).filter((f) => f.includes('.render-'))).toEqual([]);
    },
    CLI_TIMEOUT_MS,
  );
});
