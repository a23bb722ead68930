import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { license?: string; dev?: boolean }>;
};

/** OSI-approved licence identifiers we accept (SPDX). OFL-1.1 (SIL Open Font License) covers the shipped fonts and is OSI-approved. */
const OSI = new Set([
  'MIT',
  'ISC',
  'BSD-2-Clause',
  'BSD-3-Clause',
  'Apache-2.0',
  '0BSD',
  'MPL-2.0',
  'BlueOak-1.0.0',
  'Python-2.0',
  'Zlib',
  'Unlicense',
  'CC0-1.0',
  'OFL-1.1',
]);

/** Remotion's runtime is under a non-open licence (DESIGN.md, licence rule); only @remotion/captions (MIT) is allowed. */
const FORBIDDEN = [
  'remotion',
  '@remotion/cli',
  '@remotion/renderer',
  '@remotion/player',
  '@remotion/bundler',
  '@remotion/three',
  '@remotion/media-utils',
];

function licenceOk(expr: string): boolean {
  // "(MIT OR Apache-2.0)" style expressions: one OSI option is enough.
  return expr
    .replace(/[()]/g, '')
    .split(/\s+OR\s+/)
    .some((id) => OSI.has(id.trim()));
}

describe('dependency licences', () => {
  it('every installed runtime package is under an OSI-approved licence', () => {
    const bad: string[] = [];
    for (const [path, meta] of Object.entries(lock.packages)) {
      if (!path || meta.dev) continue;
      if (!meta.license || !licenceOk(meta.license))
        bad.push(`${path.replace(/^node_modules\//, '')}: ${meta.license ?? 'no licence'}`);
    }
    expect(bad).toEqual([]);
  });

  it('no Remotion runtime package is anywhere in the tree', () => {
    const names = Object.keys(lock.packages).map((p) => p.replace(/^.*node_modules\//, ''));
    expect(names.filter((n) => FORBIDDEN.includes(n))).toEqual([]);
    expect(Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).filter((n) => FORBIDDEN.includes(n))).toEqual(
      [],
    );
  });
});
