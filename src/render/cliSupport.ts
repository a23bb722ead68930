/**
 * Shared CLI plumbing: turns any thrown error into one clear message on
 * stderr and a non-zero exit, and reads integer options strictly.
 */
export function runCli(help: string, main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (e: unknown) => {
      const err = e as Error & { code?: string };
      const message = err?.message ?? String(e);
      if (err?.code?.startsWith('ERR_PARSE_ARGS')) {
        process.stderr.write(`render: ${message}\n\n${help}`);
        process.exit(2);
      }
      process.stderr.write(`render: ${message}\n`);
      process.exit(1);
    },
  );
}

/** Parses `--name value` as a whole number, or throws naming the option; undefined when absent. */
export function parseIntegerOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value.trim())) throw new Error(`${name} "${value}" is not a whole number.`);
  return Number(value);
}
