import { describe, expect, it } from 'vitest';
import { parseIntegerOption, runCli, UsageError, type CliIo } from '../../src/publish/runCli';
import { runTool, runToolSync, ToolError } from '../../src/publish/runTool';

const OPTIONS = { frames: { type: 'string' }, fast: { type: 'boolean' } } as const;
const HELP = 'Usage: demo [--frames A-B] [--fast]\n';

async function run(argv: string[], main: Parameters<typeof runCli<typeof OPTIONS>>[1] = () => {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { argv, stdout: (t) => out.push(t), stderr: (t) => err.push(t) };
  const code = await runCli({ name: 'demo', help: HELP, options: OPTIONS }, main, io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('runCli: one way to start a command-line program', () => {
  it('answers --help and -h with the help on stdout, exit 0, without running main', async () => {
    let ran = false;
    for (const flag of ['--help', '-h']) {
      const r = await run([flag], () => void (ran = true));
      expect(r).toEqual({ code: 0, stdout: HELP, stderr: '' });
    }
    expect(ran).toBe(false);
  });

  it('passes parsed values to main and returns its exit code', async () => {
    const r = await run(['--frames', '0-9', '--fast'], ({ values }) =>
      values.fast && values.frames === '0-9' ? 3 : 4,
    );
    expect(r.code).toBe(3);
  });

  it('usage mistakes: the program name, the message and the help on stderr, exit 2', async () => {
    const unknown = await run(['--frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^demo: Unknown option '--frobnicate'[\s\S]*Usage: demo/);
    const missing = await run(['--frames']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^demo: Option '--frames <value>' argument missing/);
    const usage = await run([], () => {
      throw new UsageError('--frames and --fast cannot go together');
    });
    expect(usage).toMatchObject({ code: 2, stderr: expect.stringContaining('Usage: demo') });
  });

  it('a failure in main: one line naming the program, exit 1', async () => {
    const r = await run(['--frames', 'x'], ({ values }) => {
      parseIntegerOption('--frames', values.frames);
    });
    expect(r).toEqual({ code: 1, stdout: '', stderr: 'demo: --frames "x" is not a whole number.\n' });
  });
});

describe('runTool: one way to run an external program', () => {
  it('collects stdout and stderr (async and sync alike)', async () => {
    const script = "process.stdout.write('out'); process.stderr.write('err')";
    expect(await runTool(process.execPath, ['-e', script])).toEqual({ code: 0, stdout: 'out', stderr: 'err' });
    expect(runToolSync(process.execPath, ['-e', script])).toEqual({ code: 0, stdout: 'out', stderr: 'err' });
  });

  it('a non-zero exit throws ToolError with the label, the exit code and the last stderr lines', async () => {
    const script = "for (let i = 1; i <= 30; i++) console.error('line ' + i); process.exit(3)";
    const e = await runTool(process.execPath, ['-e', script], { label: 'while testing' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ToolError);
    const message = (e as ToolError).message;
    expect(message).toMatch(/failed while testing \(exit code 3\):\nline 11\n[\s\S]*line 30$/);
    expect(message).not.toContain('line 10\n');
    expect(() => runToolSync(process.execPath, ['-e', script], { stderrLines: 1 })).toThrow(
      /\(exit code 3\):\nline 30$/,
    );
    expect((await runTool(process.execPath, ['-e', script], { allowFailure: true })).code).toBe(3);
  });

  it('a missing program is named with the package that provides it', async () => {
    await expect(runTool('/nonexistent/ffprobe', [])).rejects.toThrow(
      /Could not run \/nonexistent\/ffprobe: .*ENOENT.*not installed: apt-get install ffmpeg/,
    );
    expect(() => runToolSync('/nonexistent/text2wave', [])).toThrow(/not installed: apt-get install festival/);
  });
});
