import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'node-side-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Preload that prints, as the process exits, every React, react-dom or three file it loaded. */
const preload = join(dir, 'report-ui-modules.cjs');
writeFileSync(
  preload,
  `process.on('exit', () => {
  const ui = Object.keys(require.cache).filter((p) => /node_modules\\/(react|react-dom|three)\\//.test(p));
  process.stderr.write('\\nUI-MODULES ' + JSON.stringify(ui) + '\\n');
});
`,
);

/** The UI library files an entry point loads in Node before it prints its --help (all its imports). */
function uiModulesLoadedBy(entry: string): string[] {
  const r = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), ['--require', preload, entry, '--help'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  const line = /UI-MODULES (.*)/.exec(r.stderr)?.[1];
  if (line === undefined) throw new Error(`${entry} --help printed no module report:\n${r.stderr}`);
  return JSON.parse(line) as string[];
}

describe("a render's Node process (issue #19: Node memory)", () => {
  // React, react-dom and three run in the page; loading them in Node as well cost ~27 MiB RSS and 8 MiB
  // of heap in every render (src/engine/capture.ts once re-exported the page's capture driver).
  it.each(['src/render/cli.ts', 'src/render/stillCli.ts', 'src/distributed/workerCli.ts', 'bench/renderBench.ts'])(
    '%s loads no React, react-dom or three',
    (entry) => {
      expect(uiModulesLoadedBy(entry)).toEqual([]);
    },
    60_000,
  );

  it('the report does see them when an entry loads them (the check can fail)', () => {
    const entry = join(dir, 'loadsReact.ts');
    writeFileSync(entry, `import { createElement } from 'react';\nvoid createElement;\n`);
    writeFileSync(join(dir, 'package.json'), '{}');
    // Resolve 'react' from the repo: the entry sits in a temp dir, so point NODE_PATH at node_modules.
    const r = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), ['--require', preload, entry], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
    });
    const loaded = JSON.parse(/UI-MODULES (.*)/.exec(r.stderr)?.[1] ?? 'null') as string[] | null;
    expect(loaded?.some((p) => p.includes('node_modules/react/'))).toBe(true);
  }, 60_000);
});
