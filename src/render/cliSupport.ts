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

/** Parses `--name '{"a":1}'` as a JSON object, or throws naming the option; undefined when absent. */
export function parseJsonObjectOption(name: string, value: string | undefined): Record<string, unknown> | undefined {
  if (value === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch (e) {
    throw new Error(
      `${name} is not valid JSON (${(e as Error).message}); pass an object such as '{"throwAtFrame":12}'.`,
    );
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new Error(`${name} must be a JSON object, e.g. '{"throwAtFrame":12}'.`);
  return parsed as Record<string, unknown>;
}
