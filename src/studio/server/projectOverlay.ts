import { join, relative, sep } from 'node:path';
import type { Plugin } from 'vite';

/**
 * The files the studio writes, repo-relative: the narration and what
 * `npm run voiceover` makes from it, and the scenes' look files.
 */
export function isStudioWrittenFile(relPath: string): boolean {
  const p = relPath.split(sep).join('/');
  return (
    p === 'captions/timings.json' ||
    /^captions\/narration\.[a-z.]+$/.test(p) ||
    p.startsWith('public/voice/') ||
    /^src\/scenes\/[A-Za-z0-9]+\.look\.json$/.test(p)
  );
}

/**
 * When the studio works on a copy of the project's editable files (tests, or
 * `--project DIR`), imports of those files (captions/timings.json,
 * src/scenes/*.look.json) load the copy, so the page shows what the studio
 * wrote there, with hot updates, while the code still comes from the repo.
 */
export function projectOverlay({ repoRoot, projectDir }: { repoRoot: string; projectDir: string }): Plugin {
  return {
    name: 'ltp-studio-project-overlay',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (projectDir === repoRoot || !importer || !source.endsWith('.json')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved) return null;
      const rel = relative(repoRoot, resolved.id);
      if (rel.startsWith('..') || !isStudioWrittenFile(rel)) return null;
      return join(projectDir, rel);
    },
  };
}
