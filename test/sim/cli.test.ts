import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HELP, parseCliArgs, runCli } from '../../src/sim/cli';

function capture(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(
    argv,
    (s) => out.push(s),
    (s) => err.push(s),
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('sim CLI', () => {
  it('--help prints usage and exits 0', () => {
    const r = capture(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toBe(HELP);
    expect(r.out).toMatch(/--protocol/);
  });

  it.each([
    [['--protocol', 'theta-burst'], /--protocol must be one of tetanus, lfs, pairing, test-pulse/],
    [['--frobnicate'], /unknown option "--frobnicate"/],
    [['--mg', '-1'], /--mg must be in 0\.\.20 mM/],
    [['--mg', 'NaN'], /--mg must be a number in 0\.\.20 mM/],
    [['--mg'], /--mg needs a value/],
    [['--clamp', '-130'], /--clamp must be in -120\.\.60 mV/],
    [['--clamp', '61'], /--clamp must be in -120\.\.60 mV/],
    [['--clamp', 'abc'], /--clamp must be a number/],
    [['--plot', 'out/x.png'], /--plot needs an output file ending in \.svg/],
    [['--trains', '0'], /--trains must be in 1\.\.20 trains, got 0/],
    [['--trains', '2.5'], /--trains must be a whole number/],
    [['--trains'], /--trains needs a value/],
    [['--train-interval-min', '0'], /--train-interval-min must be longer than one 1-s train/],
    [['--train-interval-min', '121'], /--train-interval-min must be in 0\.\.120 min/],
    [['--protocol', 'lfs', '--trains', '3'], /apply to --protocol tetanus only, not lfs/],
  ])('bad input %j -> exit 2 with a message naming the option and range', (argv, msg) => {
    const r = capture(argv as string[]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(msg);
    expect(r.out).toBe('');
  });

  it('parses all conditions', () => {
    const o = parseCliArgs([
      '--protocol',
      'lfs',
      '--mg',
      '2',
      '--apv',
      '--anisomycin',
      '--camkii-block',
      '--clamp=-70',
      '--json',
    ]);
    expect(o.protocol).toBe('lfs');
    expect(o.conditions).toEqual({ mgOutMilliM: 2, apv: true, anisomycin: true, camkiiBlocked: true, clampMv: -70 });
    expect(o.json).toBe(true);
    const t = parseCliArgs(['--trains', '3', '--train-interval-min=15']);
    expect(t.trains).toBe(3);
    expect(t.trainIntervalMin).toBe(15);
    expect(parseCliArgs([]).trains).toBeNull();
    expect(HELP).toMatch(/--trains <n>/);
    expect(HELP).toMatch(/--train-interval-min <min>/);
  });

  it('a real process: --trains 3 --json prints exactly one JSON object with the required shape; --plot writes an SVG', () => {
    const dir = mkdtempSync(join(tmpdir(), 'simcli-'));
    const svg = join(dir, 'sim.svg');
    const stdout = execFileSync(
      'npx',
      [
        'tsx',
        'src/sim/cli.ts',
        '--protocol',
        'tetanus',
        '--trains',
        '3',
        '--train-interval-min',
        '10',
        '--json',
        '--plot',
        svg,
      ],
      { encoding: 'utf8' },
    );
    const lines = stdout.trim().split('\n');
    expect(lines.length).toBe(1);
    const j = JSON.parse(lines[0]!);
    expect(j.protocol).toBe('tetanus');
    for (const k of ['restCaNanoM', 'peakCaMicroM', 'peakMgUnblockedFraction']) expect(typeof j[k]).toBe('number');
    expect(Object.keys(j.camkiiPT286)).toEqual(['1s', '10s', '60s']);
    expect(Object.keys(j.ampaCount)).toEqual(['before', '60min']);
    expect(Object.keys(j.spineVolumePercent)).toEqual(['2min', '60min']);
    expect(Object.keys(j.fepspPercent)).toEqual(['30min', '60min', '4h', '8h']);
    expect(j.restCaNanoM).toBeCloseTo(65, 0);
    // Three trains, times from the end of the LAST train: late LTP (Huang & Kandel 1994).
    expect(j.fepspPercent['60min']).toBeGreaterThan(130);
    expect(j.fepspPercent['8h']).toBeGreaterThanOrEqual(130);
    expect(j.peakMgUnblockedFraction).toBeGreaterThanOrEqual(0.5);
    expect(existsSync(svg)).toBe(true);
    const text = readFileSync(svg, 'utf8');
    expect(text.startsWith('<svg')).toBe(true);
    expect(text).toMatch(/Field EPSP slope/);
    expect((text.match(/<path /g) ?? []).length).toBeGreaterThanOrEqual(6);
  }, 60_000);

  it('a real process exits non-zero on bad input and prints nothing on stdout', () => {
    const r = spawnSync('npx', ['tsx', 'src/sim/cli.ts', '--clamp', '-200', '--json'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/--clamp must be in -120\.\.60 mV, got -200/);
  }, 60_000);
});
