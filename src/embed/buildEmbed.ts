import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repo root (this file is src/embed/buildEmbed.ts). */
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The embed's sources: index.html (demo article page) and main.tsx. */
export const EMBED_SOURCE_DIR = join(REPO_ROOT, 'src', 'embed');

/** Stable names for the snippet (docs/embed.md): the script and its stylesheet. */
export const EMBED_SCRIPT = 'ltp-embed.js';
export const EMBED_STYLESHEET = 'ltp-embed.css';

export interface BuildEmbedOptions {
  /** Destination directory (e.g. out/embed); replaced as a whole once the build succeeds. */
  outDir: string;
  /** Minify the script (default true; false keeps component names in stack traces). */
  minify?: boolean;
  /** Vite log level (default 'warn'). */
  logLevel?: 'info' | 'warn' | 'error' | 'silent';
}

/**
 * Builds the article-page player with Vite (programmatic, base './', so it
 * works from any static server path): out/embed/index.html (a demo page with
 * the snippet), ltp-embed.js, ltp-embed.css and assets/ (chunks, fonts, the
 * narration audio). Builds into a temp directory beside `outDir` and swaps it
 * in, so a failed build leaves the previous embed in place.
 */
export async function buildEmbed({
  outDir,
  minify = true,
  logLevel = 'warn',
}: BuildEmbedOptions): Promise<{ outDir: string; elapsedMs: number }> {
  const started = performance.now();
  const target = resolve(outDir);
  const temp = join(dirname(target), `.${target.split(/[\\/]/).pop()}.tmp-${process.pid}`);
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(dirname(target), { recursive: true });
  const [{ build }, { default: react }] = await Promise.all([import('vite'), import('@vitejs/plugin-react')]);
  try {
    await build({
      configFile: false,
      root: EMBED_SOURCE_DIR,
      base: './',
      publicDir: false,
      logLevel,
      mode: 'production',
      plugins: [react()],
      build: {
        outDir: temp,
        emptyOutDir: true,
        target: 'es2022',
        minify,
        sourcemap: false,
        reportCompressedSize: false,
        chunkSizeWarningLimit: 10_000,
        // Keep the narration a separate file (never inlined as base64).
        assetsInlineLimit: 0,
        rolldownOptions: {
          input: join(EMBED_SOURCE_DIR, 'index.html'),
          output: {
            entryFileNames: EMBED_SCRIPT,
            chunkFileNames: 'assets/[name]-[hash].js',
            assetFileNames: (asset: { names?: string[] }) =>
              (asset.names ?? []).some((n) => n.endsWith('.css')) ? EMBED_STYLESHEET : 'assets/[name]-[hash][extname]',
          },
        },
      },
    });
  } catch (e) {
    rmSync(temp, { recursive: true, force: true });
    throw new Error(`Could not build the embed (src/embed/index.html, main.tsx): ${(e as Error).message}`);
  }
  if (!existsSync(join(temp, 'index.html'))) {
    rmSync(temp, { recursive: true, force: true });
    throw new Error(`The embed build wrote no index.html into ${temp}.`);
  }
  const old = `${temp}-old`;
  if (existsSync(target)) renameSync(target, old);
  renameSync(temp, target);
  rmSync(old, { recursive: true, force: true });
  return { outDir: target, elapsedMs: performance.now() - started };
}
