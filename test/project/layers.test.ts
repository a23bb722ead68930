import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cruise, type ICruiseOptions, type IReporterOutput } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';

/** The layer order and its rules: .dependency-cruiser.cjs (one file, a comment per rule). */
const config = createRequire(import.meta.url)('../../.dependency-cruiser.cjs') as {
  LAYERS: string[];
  PLUMBING: string[];
  forbidden: NonNullable<ICruiseOptions['ruleSet']>['forbidden'];
  options: ICruiseOptions;
};

/** Every import that breaks a rule, as "rule: from -> to". */
async function violations(files: string[], options: ICruiseOptions): Promise<string[]> {
  const result: IReporterOutput = await cruise(files, {
    ...options,
    validate: true,
    ruleSet: { forbidden: config.forbidden },
  });
  if (typeof result.output === 'string') throw new Error('dependency-cruiser returned text, not a result');
  return result.output.summary.violations.map((v) =>
    v.cycle?.length
      ? `${v.rule.name}: ${[v.from, ...v.cycle.map((c) => c.name)].join(' -> ')}`
      : `${v.rule.name}: ${v.from} -> ${v.to}`,
  );
}

describe('layers (.dependency-cruiser.cjs)', () => {
  it('every import in src/ runs down the layer order, plumbing stands alone, and no module cycle exists', async () => {
    const found = await violations(['src'], config.options);
    expect(found, found.join('\n')).toEqual([]);
  }, 120_000);

  it('every folder of src/ is a layer, placed in the order', () => {
    const folders = readdirSync('src').filter((f) => statSync(join('src', f)).isDirectory());
    expect(folders.filter((f) => !config.LAYERS.includes(f))).toEqual([]);
    for (const p of config.PLUMBING) expect(statSync(p).isFile(), p).toBe(true);
  });

  it('fails an import against the order, a plumbing module that imports a layer, a cycle, and an import of an entry point', async () => {
    const root = mkdtempSync(join(tmpdir(), 'layers-'));
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    };
    try {
      write('src/engine/frame.ts', "import { title } from '../story/titles';\nexport const frame = title.length;\n");
      write('src/story/titles.ts', "export const title = 'LTP';\n");
      write('src/scenes/intro.ts', "import { frame } from '../engine/frame';\nexport const intro = frame;\n");
      write('src/render/encode.ts', "import { write } from '../publish/atomicWrite';\nexport const encode = write;\n");
      write(
        'src/publish/atomicWrite.ts',
        "import { encode } from '../render/encode';\nexport const write = () => encode;\n",
      );
      // The render CLI is an entry point: it may import a later layer (the queue), and nothing may import it.
      write('src/distributed/queue.ts', 'export const queue = 1;\n');
      write('src/render/cli.ts', "import { queue } from '../distributed/queue';\nexport const cli = queue;\n");
      write('src/story/usesCli.ts', "import { cli } from '../render/cli';\nexport const x = cli;\n");
      const found = await violations(['src'], { ...config.options, baseDir: root, tsConfig: undefined });
      expect(found.sort()).toEqual(
        [
          'layer-engine: src/engine/frame.ts -> src/story/titles.ts',
          'plumbing-stands-alone: src/publish/atomicWrite.ts -> src/render/encode.ts',
          'no-circular: src/publish/atomicWrite.ts -> src/render/encode.ts -> src/publish/atomicWrite.ts',
          'layer-story: src/story/usesCli.ts -> src/render/cli.ts',
          'entry-points-stand-on-top: src/story/usesCli.ts -> src/render/cli.ts',
        ].sort(),
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 120_000);
});
