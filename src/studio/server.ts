/**
 * `npm run studio [-- --port N] [--host H]`: the editors' studio on a Vite
 * dev server. Prints the address, keeps running until Ctrl-C.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startStudio } from './server/studioServer';

const HELP = `Usage: npm run studio -- [--port N] [--host ADDRESS] [--project DIR]

Starts the studio (live player, timeline, hot reload, render button) and prints
its address. Open it in a browser; a URL like ?composition=explainer&frame=123
opens that composition at that frame.

Options:
  --port N        TCP port (default 3000; 0 = any free port)
  --host ADDRESS  interface to listen on (default 127.0.0.1, this machine only)
  --project DIR   read and write the editable files (captions/, public/voice/,
                  src/scenes/*.look.json) in DIR instead of the repo, e.g. a
                  copy to try edits on (default: the repo); renders queued in
                  the studio draw DIR's files too (render --project DIR)
  --help          this text

Keys in the studio: space play/pause, left/right one frame, shift+left/right
one second, home/end, J/K/L reverse/pause/forward (again = faster), I/O set
the render range in/out, X clear it.`;

function fail(message: string): never {
  process.stderr.write(`studio: ${message}\nRun \`npm run studio -- --help\` for usage.\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  let values: { port?: string; host?: string; project?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        project: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: false,
    }));
  } catch (e) {
    fail((e as Error).message);
  }
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  const port = values.port === undefined ? 3000 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    fail(`--port must be an integer 0-65535, got "${values.port}".`);
  const host = values.host ?? '127.0.0.1';
  const projectDir = values.project === undefined ? undefined : resolve(values.project);
  if (projectDir && !existsSync(resolve(projectDir, 'captions', 'narration.script.md')))
    fail(
      `--project ${values.project} has no captions/narration.script.md; copy the repo's captions/ and public/ there first.`,
    );
  let studio;
  try {
    studio = await startStudio({ port, host, projectDir });
  } catch (e) {
    fail((e as Error).message);
  }
  process.stdout.write(`Studio ready: ${studio.url}\n`);
  let closing = false;
  const shutdown = () => {
    if (closing) return;
    closing = true;
    studio.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

void main();
