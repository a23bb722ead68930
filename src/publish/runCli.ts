/**
 * The one way a command-line program starts: options parsed strictly by
 * node:util parseArgs, `-h`/`--help` added to every program, and one error
 * style. A usage mistake (an unknown option, a missing value) prints the
 * message and the help and exits 2; a failure (bad input, a tool that failed)
 * prints one line naming the program and exits 1; success exits 0.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

const HELP_OPTION = { help: { type: 'boolean', short: 'h' } } as const;

export interface CliSpec<O extends OptionsConfig> {
  /** Program name that starts every message ("render", "voiceover"). */
  name: string;
  /** The --help text (usage, options, examples). */
  help: string;
  /** parseArgs options; `help` is added. */
  options: O;
  /** Whether positional arguments are accepted (default false). */
  allowPositionals?: boolean;
}

/** What main receives: the parsed option values and positionals. */
export type CliArgs<O extends OptionsConfig> = ReturnType<
  typeof parseArgs<{ options: O & typeof HELP_OPTION; strict: true; allowPositionals: true }>
>;

/** Where a run reads its arguments and writes its output (tests pass their own; default the process's). */
export interface CliIo {
  argv: readonly string[];
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** An option value that is wrong in a way parseArgs cannot see; reported like a parse error (exit 2, with help). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * Runs `main` with the parsed arguments and returns the exit code. Without
 * `io` it reads process.argv, writes to the process's streams and exits the
 * process with that code (so a lingering handle never keeps a CLI alive).
 */
export async function runCli<O extends OptionsConfig>(
  spec: CliSpec<O>,
  main: (args: CliArgs<O>, io: CliIo) => Promise<number | void> | number | void,
  io?: CliIo,
): Promise<number> {
  const own = io === undefined;
  const streams: CliIo = io ?? {
    argv: process.argv.slice(2),
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
  };
  const code = await runMain(spec, main, streams);
  if (own) process.exit(code);
  return code;
}

async function runMain<O extends OptionsConfig>(
  spec: CliSpec<O>,
  main: (args: CliArgs<O>, io: CliIo) => Promise<number | void> | number | void,
  io: CliIo,
): Promise<number> {
  const help = spec.help.endsWith('\n') ? spec.help : `${spec.help}\n`;
  try {
    const args = parseArgs({
      args: [...io.argv],
      options: { ...spec.options, ...HELP_OPTION },
      strict: true,
      allowPositionals: spec.allowPositionals ?? false,
    }) as CliArgs<O>;
    if ((args.values as { help?: boolean }).help) {
      io.stdout(help);
      return 0;
    }
    return (await main(args, io)) ?? 0;
  } catch (e) {
    const err = e as Error & { code?: string };
    const message = err?.message ?? String(e);
    if (e instanceof UsageError || err?.code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`${spec.name}: ${message}\n\n${help}`);
      return 2;
    }
    io.stderr(`${spec.name}: ${message}\n`);
    return 1;
  }
}

/** Parses `--name value` as a whole number, or throws naming the option; undefined when absent. */
export function parseIntegerOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value.trim())) throw new Error(`${name} "${value}" is not a whole number.`);
  return Number(value);
}

/** Parses `--name value` as a finite number, or throws naming the option; undefined when absent. */
export function parseNumberOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new Error(`${name} "${value}" is not a number.`);
  return n;
}

/** Parses `--name '{"a":1}'` as a JSON object, or throws naming the option; undefined when absent. */
export function parseJsonObjectOption(name: string, value: string | undefined): Record<string, unknown> | undefined {
  if (value === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch (e) {
    throw new Error(
      `${name} is not valid JSON (${(e as Error).message}); pass an object such as '{"throwAtFrame":12}'.`,
      { cause: e },
    );
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new Error(`${name} must be a JSON object, e.g. '{"throwAtFrame":12}'.`);
  return parsed as Record<string, unknown>;
}
