/**
 * CLI: run one protocol and print its summary.
 *   npm run sim -- --protocol tetanus|lfs|pairing|test-pulse [--trains 3] [--train-interval-min 10] [--mg 1]
 *                  [--apv] [--anisomycin] [--camkii-block] [--clamp -70] [--json] [--plot out/sim.svg]
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { simulate } from './simulate';
import { MAX_TRAINS, MAX_TRAIN_INTERVAL_MS, lowFrequencyStimulation, pairing, tetanus, testPulse } from './protocols';
import { CLAMP_RANGE_MV, MG_RANGE_MILLIM } from './conditions';
import { summarizeRun, type RunSummary } from './summary';
import { plotRunSvg } from './plot';
import type { Conditions, Protocol } from './types';

export const PROTOCOLS = ['tetanus', 'lfs', 'pairing', 'test-pulse'] as const;
type CliProtocol = (typeof PROTOCOLS)[number];

export const HELP = `Simulate one CA1 dendritic spine (LTP/LTD) and print what happened.

Usage: npm run sim -- [options]

Options:
  --protocol <name>   tetanus (100 Hz x 1 s trains, default) | lfs (1 Hz x 900) | pairing (2 Hz x 100 at 0 mV) | test-pulse
  --trains <n>        tetanus only: number of 100 Hz x 1 s trains, integer 1..${MAX_TRAINS} (default 1)
  --train-interval-min <min>
                      tetanus only: train onset to onset, minutes, > 1 s and <= ${MAX_TRAIN_INTERVAL_MS / 60_000} (default 10)
  --mg <mM>           extracellular [Mg2+], ${MG_RANGE_MILLIM.min}..${MG_RANGE_MILLIM.max} mM (default 1)
  --apv               NMDA receptor antagonist present
  --anisomycin        protein-synthesis inhibitor present
  --camkii-block      CaMKII inhibited
  --clamp <mV>        somatic voltage clamp at this holding potential, ${CLAMP_RANGE_MV.min}..+${CLAMP_RANGE_MV.max} mV (default: current clamp)
  --json              print exactly one JSON object on stdout
  --plot <file.svg>   also write a multi-panel SVG plot of the run
  -h, --help          show this help

Times in the summary are counted from the end of the protocol (for trains: the end of the LAST train).
Simulated time: protocol + 8 h.
Examples: npm run sim -- --protocol tetanus --anisomycin --json
          npm run sim -- --protocol tetanus --trains 3 --train-interval-min 10 --json`;

export class CliError extends Error {}

export interface CliOptions {
  protocol: CliProtocol;
  /** Tetanus trains (null = not given: 1). */
  trains: number | null;
  /** Tetanus train onset-to-onset interval, minutes (null = not given: 10). */
  trainIntervalMin: number | null;
  conditions: Partial<Conditions>;
  json: boolean;
  plotPath: string | null;
  help: boolean;
}

function parseNumber(
  option: string,
  raw: string | undefined,
  range: { min: number; max: number },
  unit: string,
): number {
  if (raw === undefined || raw.startsWith('--'))
    throw new CliError(`${option} needs a value in ${range.min}..${range.max} ${unit}`);
  const v = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(v))
    throw new CliError(`${option} must be a number in ${range.min}..${range.max} ${unit}, got "${raw}"`);
  if (v < range.min || v > range.max)
    throw new CliError(`${option} must be in ${range.min}..${range.max} ${unit}, got ${v}`);
  return v;
}

/** Parse argv (without node and script). Throws CliError with a message naming the option and its valid range. */
export function parseCliArgs(argv: readonly string[]): CliOptions {
  const o: CliOptions = {
    protocol: 'tetanus',
    trains: null,
    trainIntervalMin: null,
    conditions: {},
    json: false,
    plotPath: null,
    help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i] as string;
    const eq = raw.indexOf('=');
    const flag = raw.startsWith('--') && eq > 0 ? raw.slice(0, eq) : raw;
    const inline = raw.startsWith('--') && eq > 0 ? raw.slice(eq + 1) : undefined;
    const value = () => (inline !== undefined ? inline : argv[++i]);
    switch (flag) {
      case '-h':
      case '--help':
        o.help = true;
        break;
      case '--protocol': {
        const v = value();
        if (!PROTOCOLS.includes(v as CliProtocol))
          throw new CliError(`--protocol must be one of ${PROTOCOLS.join(', ')}, got "${v ?? ''}"`);
        o.protocol = v as CliProtocol;
        break;
      }
      case '--trains': {
        const v = parseNumber('--trains', value(), { min: 1, max: MAX_TRAINS }, 'trains');
        if (!Number.isInteger(v))
          throw new CliError(`--trains must be a whole number of trains in 1..${MAX_TRAINS}, got ${v}`);
        o.trains = v;
        break;
      }
      case '--train-interval-min': {
        const range = { min: 0, max: MAX_TRAIN_INTERVAL_MS / 60_000 };
        const v = parseNumber('--train-interval-min', value(), range, 'min');
        if (!(v * 60_000 > 1000))
          throw new CliError(`--train-interval-min must be longer than one 1-s train (more than 1/60 min), got ${v}`);
        o.trainIntervalMin = v;
        break;
      }
      case '--mg':
        o.conditions.mgOutMilliM = parseNumber('--mg', value(), MG_RANGE_MILLIM, 'mM');
        break;
      case '--clamp':
        o.conditions.clampMv = parseNumber('--clamp', value(), CLAMP_RANGE_MV, 'mV');
        break;
      case '--apv':
        o.conditions.apv = true;
        break;
      case '--anisomycin':
        o.conditions.anisomycin = true;
        break;
      case '--camkii-block':
        o.conditions.camkiiBlocked = true;
        break;
      case '--json':
        o.json = true;
        break;
      case '--plot': {
        const v = value();
        if (!v || v.startsWith('--') || !v.endsWith('.svg'))
          throw new CliError(`--plot needs an output file ending in .svg, got "${v ?? ''}"`);
        o.plotPath = v;
        break;
      }
      default:
        throw new CliError(
          `unknown option "${raw}". Valid: --protocol, --trains, --train-interval-min, --mg, --apv, --anisomycin, --camkii-block, --clamp, --json, --plot, --help`,
        );
    }
  }
  if (o.protocol !== 'tetanus' && (o.trains !== null || o.trainIntervalMin !== null))
    throw new CliError(`--trains and --train-interval-min apply to --protocol tetanus only, not ${o.protocol}`);
  return o;
}

/** The protocol a CLI invocation runs (trains only for tetanus). */
export function protocolFor(
  name: CliProtocol,
  trains: { trains?: number | null; intervalMin?: number | null } = {},
): Protocol {
  switch (name) {
    case 'tetanus':
      return tetanus({
        trains: trains.trains ?? 1,
        ...(trains.intervalMin != null ? { trainIntervalMs: trains.intervalMin * 60_000 } : {}),
      });
    case 'lfs':
      return lowFrequencyStimulation();
    case 'pairing':
      return pairing();
    case 'test-pulse':
      return testPulse();
  }
}

/** Human-readable table of a summary. */
export function formatTable(s: RunSummary): string {
  const c = s.conditions;
  const rows: [string, string][] = [
    ['protocol', s.protocol],
    ['times below counted from', 'the end of the (last) induction train'],
    [
      'conditions',
      `Mg ${c.mgOutMilliM} mM${c.apv ? ', APV' : ''}${c.anisomycin ? ', anisomycin' : ''}${c.camkiiBlocked ? ', CaMKII block' : ''}${c.clampMv !== null ? `, clamp ${c.clampMv} mV` : ', current clamp'}`,
    ],
    ['resting spine Ca2+', `${s.restCaNanoM.toFixed(0)} nM`],
    ['peak spine Ca2+', `${s.peakCaMicroM.toFixed(2)} µM`],
    ['peak spine Vm', `${s.peakVmMv.toFixed(1)} mV`],
    ['peak NMDAR unblocked (Mg2+ out)', `${(100 * s.peakMgUnblockedFraction).toFixed(1)} %`],
    [
      'CaMKII pT286 at +1 s / +10 s / +60 s',
      `${(100 * s.camkiiPT286['1s']).toFixed(1)} / ${(100 * s.camkiiPT286['10s']).toFixed(1)} / ${(100 * s.camkiiPT286['60s']).toFixed(2)} %`,
    ],
    ['AMPA receptors before / +60 min', `${s.ampaCount.before.toFixed(1)} / ${s.ampaCount['60min'].toFixed(1)}`],
    [
      'spine volume +2 min / +60 min',
      `${s.spineVolumePercent['2min'].toFixed(0)} / ${s.spineVolumePercent['60min'].toFixed(0)} % of baseline`,
    ],
    [
      'fEPSP +30 min / +60 min / +4 h / +8 h',
      `${s.fepspPercent['30min'].toFixed(0)} / ${s.fepspPercent['60min'].toFixed(0)} / ${s.fepspPercent['4h'].toFixed(0)} / ${s.fepspPercent['8h'].toFixed(0)} % of baseline`,
    ],
  ];
  const w = Math.max(...rows.map((r) => r[0].length));
  return rows.map(([k, v]) => `${k.padEnd(w)}  ${v}`).join('\n');
}

/** Run the CLI; returns the exit code. Output goes through the given writers (testable). */
export function runCli(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): number {
  let opts: CliOptions;
  try {
    opts = parseCliArgs(argv);
  } catch (e) {
    if (e instanceof CliError) {
      err(`sim: ${e.message}\nRun with --help for usage.`);
      return 2;
    }
    throw e;
  }
  if (opts.help) {
    out(HELP);
    return 0;
  }
  try {
    const protocol = protocolFor(opts.protocol, { trains: opts.trains, intervalMin: opts.trainIntervalMin });
    if (!opts.json)
      err(
        `sim: simulating ${opts.protocol}${protocol.trains && protocol.trains.count > 1 ? ` (${protocol.trains.count} trains, ${protocol.trains.intervalMs / 60_000} min apart)` : ''} + 8 h ...`,
      );
    const trace = simulate(protocol, opts.conditions);
    const summary = summarizeRun(trace);
    if (opts.plotPath) {
      const path = resolve(opts.plotPath);
      mkdirSync(dirname(path), { recursive: true });
      const tmp = `${path}.tmp-${process.pid}`;
      writeFileSync(tmp, plotRunSvg(trace));
      renameSync(tmp, path);
      if (!opts.json) err(`sim: wrote ${path}`);
    }
    out(opts.json ? JSON.stringify(summary) : formatTable(summary));
    return 0;
  } catch (e) {
    if (e instanceof RangeError || e instanceof TypeError) {
      err(`sim: ${e.message}`);
      return 2;
    }
    err(`sim: failed: ${(e as Error).message}`);
    return 1;
  }
}

const isMain = process.argv[1] !== undefined && /cli\.ts$/.test(process.argv[1]) && process.argv[1].includes('sim');
if (isMain) {
  process.exitCode = runCli(
    process.argv.slice(2),
    (s) => process.stdout.write(`${s}\n`),
    (s) => process.stderr.write(`${s}\n`),
  );
}
