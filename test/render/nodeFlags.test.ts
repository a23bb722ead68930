import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RENDER_NODE_FLAGS } from '../../src/render/nodeFlags';
import { renderCliArgs } from '../../src/studio/shared/renderCommand';

const ROOT = join(__dirname, '..', '..');
const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
  .scripts;

/** The entry points that launch Chromium and ffmpeg for a render. */
const RENDERING_ENTRIES = [
  'src/render/cli.ts',
  'src/render/stillCli.ts',
  'src/distributed/workerCli.ts',
  'src/publish/renderAll.ts',
  'bench/renderBench.ts',
];

describe('Node flags of the processes that render (issue #19: Node memory)', () => {
  it('every npm script that starts a rendering entry point passes them to tsx, before the entry', () => {
    const rendering = Object.entries(scripts).filter(([, cmd]) => RENDERING_ENTRIES.some((e) => cmd.includes(e)));
    expect(rendering.map(([name]) => name).sort()).toEqual(['bench', 'render', 'render:all', 'render:worker', 'still']);
    for (const [name, cmd] of rendering) {
      const entry = RENDERING_ENTRIES.find((e) => cmd.includes(e)) as string;
      expect(cmd, `package.json script "${name}"`).toContain(`tsx ${RENDER_NODE_FLAGS.join(' ')} ${entry}`);
    }
  });

  it('the studio starts its render jobs with them', () => {
    const { args } = renderCliArgs({ compositionId: 'explainer', range: null });
    expect(args.slice(0, RENDER_NODE_FLAGS.length + 1)).toEqual([...RENDER_NODE_FLAGS, 'src/render/cli.ts']);
  });

  it('tsx hands them to Node: the young generation of a process started so is capped at 1 MiB a semi-space', () => {
    const probe =
      "const s=require('node:v8').getHeapSpaceStatistics().find(x=>x.space_name==='new_space');console.log(s.space_size)";
    const run = (flags: readonly string[]) =>
      spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), [...flags, '-e', probe], { encoding: 'utf8' });
    const capped = Number(run(RENDER_NODE_FLAGS).stdout.trim());
    const uncapped = Number(run([]).stdout.trim());
    // new space = two semi-spaces: at most 2 MiB with the flag.
    expect(capped).toBeGreaterThan(0);
    expect(capped).toBeLessThanOrEqual(2 * 2 ** 20);
    expect(uncapped).toBeGreaterThan(capped);
  });
});
