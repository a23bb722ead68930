/**
 * A project copy: a directory holding its own versions of the files editors
 * change (the narration and what `npm run voiceover` makes from it, and the
 * scenes' look files), over the repo's code. The studio works on one with
 * `--project DIR`, and so do the render commands (`npm run render -- --project
 * DIR`, `npm run still -- --project DIR`): the page is bundled with the copy's
 * files in place of the repo's, the copy's public/ is served and muxed, and the
 * source hash covers the copy's files, so a cached bundle of the repo's files is
 * never reused for it.
 */
import { existsSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Plugin } from 'vite';

/** Repo-relative path of a file a project copy provides in place of the repo's. */
export function isProjectFile(relPath: string): boolean {
  const p = relPath.split(sep).join('/');
  return (
    p === 'captions/timings.json' ||
    /^captions\/narration\.[a-z.]+$/.test(p) ||
    p.startsWith('public/voice/') ||
    /^src\/scenes\/[A-Za-z0-9]+\.look\.json$/.test(p)
  );
}

/** The directories a project copy's files live under (repo-relative). */
export const PROJECT_FILE_DIRS = ['captions', 'public', join('src', 'scenes')] as const;

/** The public/ file `publicPath` of the project copy, or the repo's when the copy has none. */
export function projectPublicDir(repoRoot: string, projectDir: string, publicPath: string): string {
  const own = join(projectDir, 'public');
  return existsSync(join(own, publicPath)) ? own : join(repoRoot, 'public');
}

/** `dir` as an absolute path, after checking it is a directory; the error names the option. */
export function resolveProjectDir(dir: string, option = '--project'): string {
  const abs = resolve(dir);
  if (!existsSync(abs) || !statSync(abs).isDirectory())
    throw new Error(
      `${option} ${dir}: not a directory. Give a copy of the project's editable files (captions/, public/voice/, src/scenes/*.look.json).`,
    );
  return abs;
}

/**
 * Vite plugin: imports of the project files (captions/timings.json,
 * src/scenes/*.look.json) load the copy in `projectDir`, while the code still
 * comes from the repo. Nothing changes when `projectDir` is the repo.
 */
export function projectOverlay({ repoRoot, projectDir }: { repoRoot: string; projectDir: string }): Plugin {
  return {
    name: 'ltp-project-overlay',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (projectDir === repoRoot || !importer || !source.endsWith('.json')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved) return null;
      const rel = relative(repoRoot, resolved.id);
      if (rel.startsWith('..') || !isProjectFile(rel)) return null;
      // A copy made before a scene had a look file has none: the repo's (its defaults) stands in.
      const copy = join(projectDir, rel);
      return existsSync(copy) ? copy : null;
    },
  };
}
