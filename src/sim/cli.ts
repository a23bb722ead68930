/**
 * CLI: run one protocol and print its summary.
 *   npm run sim -- --protocol tetanus|lfs|pairing|test-pulse [--trains 3] [--train-interval-min 10] [--mg 1]
 *                  [--apv] [--anisomycin] [--camkii-block] [--clamp -70] [--json] [--plot out/sim.svg]
 */
import { resolve } from 'node:path';
import { writeFileAtomic } from '../publish/atomicWrite';
import { runCli, UsageError, type CliArgs, type CliIo } from '../publish/runCli';
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

/** The sim CLI's options (node:util parseArgs, through src/publish/runCli.ts). */
export const OPTIONS = {
  protocol: { type: 'string', default: 'tetanus' },
  trains: { type: 'string' },
  'train-interval-min': { type: 'string' },
  mg: { type: 'string' },
  clamp: { type: 'string' },
  apv: { type: 'boolean', default: false },
  anisomycin: { type: 'boolean', default: false },
  'camkii-block': { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  plot: { type: 'string' },
} as const;

export const SIM_CLI = { name: 'sim', help: HELP, options: OPTIONS };

export interface CliOptions {
  protocol: CliProtocol;
  /** Tetanus trains (null = not given: 1). */
  trains: number | null;
  /** Tetanus train onset-to-onset interval, minutes (null = not given: 10). */
  trainIntervalMin: number | null;
  conditions: Partial<Conditions>;
  json: boolean;
  plotPath: string | null;
}

function parseNumber(option: string, raw: string, range: { min: number; max: number }, unit: string): number {
  const v = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(v))
    throw new UsageError(`${option} must be a number in ${range.min}..${range.max} ${unit}, got "${raw}"`);
  if (v < range.min || v > range.max)
    throw new UsageError(`${option} must be in ${range.min}..${range.max} ${unit}, got ${v}`);
  return v;
}

/** Checks the parsed options. Throws UsageError (exit 2) naming the option and its valid range. */
export function cliOptions({ values }: Pick<CliArgs<typeof OPTIONS>, 'values'>): CliOptions {
  const protocol = values.protocol as CliProtocol;
  if (!PROTOCOLS.includes(protocol))
    throw new UsageError(`--protocol must be one of ${PROTOCOLS.join(', ')}, got "${values.protocol}"`);
  let trains: number | null = null;
  if (values.trains !== undefined) {
    trains = parseNumber('--trains', values.trains, { min: 1, max: MAX_TRAINS }, 'trains');
    if (!Number.isInteger(trains))
      throw new UsageError(`--trains must be a whole number of trains in 1..${MAX_TRAINS}, got ${trains}`);
  }
  let trainIntervalMin: number | null = null;
  if (values['train-interval-min'] !== undefined) {
    const range = { min: 0, max: MAX_TRAIN_INTERVAL_MS / 60_000 };
    trainIntervalMin = parseNumber('--train-interval-min', values['train-interval-min'], range, 'min');
    if (!(trainIntervalMin * 60_000 > 1000))
      throw new UsageError(
        `--train-interval-min must be longer than one 1-s train (more than 1/60 min), got ${trainIntervalMin}`,
      );
  }
  if (protocol !== 'tetanus' && (trains !== null || trainIntervalMin !== null))
    throw new UsageError(`--trains and --train-interval-min apply to --protocol tetanus only, not ${protocol}`);
  const conditions: Partial<Conditions> = {};
  if (values.mg !== undefined) conditions.mgOutMilliM = parseNumber('--mg', values.mg, MG_RANGE_MILLIM, 'mM');
  if (values.apv) conditions.apv = true;
  if (values.anisomycin) conditions.anisomycin = true;
  if (values['camkii-block']) conditions.camkiiBlocked = true;
  if (values.clamp !== undefined) conditions.clampMv = parseNumber('--clamp', values.clamp, CLAMP_RANGE_MV, 'mV');
  if (values.plot !== undefined && !values.plot.endsWith('.svg'))
    throw new UsageError(`--plot needs an output file ending in .svg, got "${values.plot}"`);
  return { protocol, trains, trainIntervalMin, conditions, json: values.json, plotPath: values.plot ?? null };
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

/** Runs one protocol and prints its summary (stdout) and progress (stderr); see runCli for exit codes. */
export function simMain(args: CliArgs<typeof OPTIONS>, io: CliIo): number {
  const opts = cliOptions(args);
  const protocol = protocolFor(opts.protocol, { trains: opts.trains, intervalMin: opts.trainIntervalMin });
  if (!opts.json)
    io.stderr(
      `sim: simulating ${opts.protocol}${protocol.trains && protocol.trains.count > 1 ? ` (${protocol.trains.count} trains, ${protocol.trains.intervalMs / 60_000} min apart)` : ''} + 8 h ...\n`,
    );
  let trace;
  try {
    trace = simulate(protocol, opts.conditions);
  } catch (e) {
    // The model checks its conditions (ranges, combinations) with RangeError / TypeError: bad input, not a crash.
    if (e instanceof RangeError || e instanceof TypeError) throw new UsageError(e.message);
    throw e;
  }
  const summary = summarizeRun(trace);
  if (opts.plotPath) {
    const path = resolve(opts.plotPath);
    writeFileAtomic(path, plotRunSvg(trace));
    if (!opts.json) io.stderr(`sim: wrote ${path}\n`);
  }
  io.stdout(`${opts.json ? JSON.stringify(summary) : formatTable(summary)}\n`);
  return 0;
}

const isMain = process.argv[1] !== undefined && /cli\.ts$/.test(process.argv[1]) && process.argv[1].includes('sim');
if (isMain) void runCli(SIM_CLI, simMain);
