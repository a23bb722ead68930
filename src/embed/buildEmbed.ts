import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCaptionSidecars } from '../captions/sidecars';
import { findCompositionMeta } from '../compositions/catalog';
import { loudnessProblems, measureLoudness } from '../voiceover/loudness';
import { cutFiles } from '../publish/outputLayout';
import { explainerTimeline, sceneTitles } from '../story/narration';
import { embedDataFor } from './embedData';
import { decodeToPcm, encodeNarration, verifyEncode, WEB_AUDIO_FORMATS, type EncodedNarration } from './narrationAudio';
import { narrationCues } from './narrationCues';
import { encodePosterImages, type PosterImage } from './posterImages';
import { snippetHtml, type SnippetInput } from './snippetHtml';

/** Repo root (this file is src/embed/buildEmbed.ts). */
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The embed's sources (loader.ts is the entry; mountPlayer.tsx the lazily loaded player). */
export const EMBED_SOURCE_DIR = join(REPO_ROOT, 'src', 'embed');
/** The master narration the web encodes are made from (-16 LUFS, written by `npm run voiceover`). */
export const NARRATION_WAV = join(REPO_ROOT, 'public', 'voice', 'narration.wav');

/** Stable names for the snippet (docs/embed.md): the loader script and its stylesheets. */
export const EMBED_SCRIPT = 'ltp-embed.js';
export const EMBED_STYLESHEET = 'ltp-embed.css';
export const EMBED_NOSCRIPT_STYLESHEET = 'ltp-embed-noscript.css';
/** The snippet with URLs for the site (paste-and-go), and the demo article page that carries it with relative URLs. */
export const EMBED_SNIPPET = 'snippet.html';
export const EMBED_DEMO_PAGE = 'index.html';
/** Where the web team serves the folder; the snippet's URLs start with it (docs/embed.md). */
export const DEFAULT_SNIPPET_BASE = '/media/ltp/';
/** The composition the snippet shows, and whose MP4 is the no-script fallback. */
export const EMBED_COMPOSITION_ID = 'explainer';
export const EMBED_TITLE = 'Interactive explainer: long-term potentiation';

/**
 * Allowed narration offset after decoding, in samples at 48 kHz: 0.5 ms (a frame
 * is 33 ms). The encodes measure 0: ffmpeg writes the Opus pre-skip (312 samples)
 * and the AAC priming edit list (1024), and browsers honour both. Tight enough to
 * catch an uncompensated limiter look-ahead (47 samples).
 */
export const MAX_NARRATION_OFFSET_SAMPLES = 24;
/** Allowed loudness change of a web encode against the master, LU. */
export const MAX_LOUDNESS_CHANGE_LU = 0.3;

export interface BuildEmbedOptions {
  /** Destination directory (e.g. out/embed); replaced as a whole once the build succeeds. */
  outDir: string;
  /**
   * The publishing set the embed takes its poster PNG, main MP4 and captions
   * from (default: the parent of outDir, i.e. out/). The MP4 must be there
   * (`npm run render:all -- --cuts explainer`); missing captions are written
   * from the timeline and a missing poster is rendered.
   */
  publishDir?: string;
  /** URL prefix of the folder in snippet.html (default '/media/ltp/'). */
  snippetBase?: string;
  /** Minify the scripts (default true; false keeps component names in stack traces). */
  minify?: boolean;
  /** Vite log level (default 'warn'). */
  logLevel?: 'info' | 'warn' | 'error' | 'silent';
  /** Progress lines (default: stderr). */
  log?: (line: string) => void;
}

export interface BuildEmbedResult {
  outDir: string;
  elapsedMs: number;
  audio: EncodedNarration[];
  posters: PosterImage[];
}

const hash8 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 8);

/** Renames `dir/name.ext` to `dir/name-<hash>.ext` (long-cacheable) and returns the new base name. */
function hashName(dir: string, file: string): string {
  const dot = file.lastIndexOf('.');
  const named = `${file.slice(0, dot)}-${hash8(join(dir, file))}${file.slice(dot)}`;
  renameSync(join(dir, file), join(dir, named));
  return named;
}

/** Hard-links `from` to `to` (the MP4 is large), copying when they are on different file systems. */
function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/**
 * Builds the article-page embed into `outDir` (see docs/embed.md):
 *
 *   index.html              demo article page with the snippet (relative URLs, strict CSP)
 *   snippet.html            the paste-and-go snippet (URLs under `snippetBase`)
 *   ltp-embed.js, .css      the loader (a few kB) and the embed's styles
 *   ltp-embed-noscript.css  linked from <noscript>: shows the MP4 instead of the Play poster
 *   explainer.mp4, .vtt, .chapters.vtt   the no-script fallback
 *   assets/                 the player chunks (loaded on Play), fonts, posters (AVIF/WebP/JPEG
 *                           by width), narration (Opus/WebM, AAC/MP4)
 *
 * Builds into a temp directory beside `outDir` and swaps it in, so a failed
 * build leaves the previous embed in place.
 */
export async function buildEmbed({
  outDir,
  publishDir,
  snippetBase = DEFAULT_SNIPPET_BASE,
  minify = true,
  logLevel = 'warn',
  log = (line) => process.stderr.write(`embed: ${line}\n`),
}: BuildEmbedOptions): Promise<BuildEmbedResult> {
  const started = performance.now();
  const target = resolve(outDir);
  const source = resolve(publishDir ?? dirname(target));
  const meta = findCompositionMeta(EMBED_COMPOSITION_ID);
  const cut = cutFiles(source, meta.id);
  const rel = (p: string) => relative(process.cwd(), p) || '.';
  if (!existsSync(cut.mp4)) {
    throw new Error(
      `The embed needs the main MP4 for its no-script fallback: ${rel(cut.mp4)} is missing. Make it first: npm run render:all -- --cuts ${meta.id}${publishDir ? ` --out ${rel(source)}` : ''}`,
    );
  }
  if (!existsSync(NARRATION_WAV)) throw new Error(`${rel(NARRATION_WAV)} is missing: run \`npm run voiceover\`.`);

  const temp = join(dirname(target), `.${basename(target)}.tmp-${process.pid}`);
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(dirname(target), { recursive: true });
  const audio: EncodedNarration[] = [];
  let posters: PosterImage[] = [];
  try {
    log('bundling the loader and the player (Vite)...');
    await bundle(temp, minify, logLevel);
    const assets = join(temp, 'assets');
    mkdirSync(assets, { recursive: true });

    log('encoding the narration (Opus/WebM, AAC/MP4) and checking loudness and sync...');
    const [masterPcm, master] = await Promise.all([decodeToPcm(NARRATION_WAV), measureLoudness(NARRATION_WAV)]);
    for (const format of WEB_AUDIO_FORMATS) {
      const file = `narration.${format.ext}`;
      await encodeNarration(NARRATION_WAV, format, join(assets, file));
      const named = hashName(assets, file);
      const path = join(assets, named);
      const encoded = await verifyEncode(masterPcm, format, path, readFileSync(path).byteLength);
      const problems = [
        ...loudnessProblems(encoded.loudness),
        Math.abs(encoded.loudness.integratedLufs - master.integratedLufs) > MAX_LOUDNESS_CHANGE_LU
          ? `integrated loudness moved from ${master.integratedLufs} to ${encoded.loudness.integratedLufs} LUFS`
          : '',
        Math.abs(encoded.offsetSamples) > MAX_NARRATION_OFFSET_SAMPLES
          ? `the voice is ${encoded.offsetSamples} samples (${(encoded.offsetSamples / 48).toFixed(1)} ms) off the master after decoding`
          : '',
      ].filter(Boolean);
      if (problems.length) throw new Error(`The web narration ${named} is not publishable: ${problems.join('; ')}.`);
      audio.push(encoded);
    }

    log(`encoding the poster (${meta.id}, frame ${meta.posterFrame}) as AVIF, WebP and JPEG...`);
    let posterPng = cut.posterPng;
    if (!existsSync(posterPng)) {
      posterPng = join(temp, 'poster-source.png');
      log(`${rel(cut.posterPng)} is missing; rendering frame ${meta.posterFrame}...`);
      const { renderStill } = await import('../render/index');
      await renderStill({ compositionId: meta.id, frame: meta.posterFrame, outPath: posterPng });
    }
    posters = (await encodePosterImages(posterPng, meta.width, meta.height, assets)).map((p) => ({
      ...p,
      file: hashName(assets, p.file),
    }));
    rmSync(join(temp, 'poster-source.png'), { force: true });

    // The no-script fallback, inside the folder so it travels with it.
    const video = { mp4: `${meta.id}.mp4`, captionsVtt: `${meta.id}.vtt`, chaptersVtt: `${meta.id}.chapters.vtt` };
    linkOrCopy(cut.mp4, join(temp, video.mp4));
    if (existsSync(cut.vtt) && existsSync(cut.chaptersVtt)) {
      copyFileSync(cut.vtt, join(temp, video.captionsVtt));
      copyFileSync(cut.chaptersVtt, join(temp, video.chaptersVtt));
    } else {
      // Not made in this run (e.g. render:all --cuts explainer-square): the same sidecars, from the timeline.
      const written = await writeCaptionSidecars(join(temp, video.mp4), explainerTimeline, sceneTitles);
      rmSync(written.srt, { force: true });
      rmSync(written.transcriptTxt, { force: true });
    }
    copyFileSync(join(EMBED_SOURCE_DIR, 'noscript.css'), join(temp, EMBED_NOSCRIPT_STYLESHEET));

    const data = embedDataFor(explainerTimeline, narrationCues());
    const input = (base: string): SnippetInput => ({
      base,
      compositionId: meta.id,
      title: EMBED_TITLE,
      fps: meta.fps,
      durationInFrames: meta.durationInFrames,
      width: meta.width,
      height: meta.height,
      posters: posters.map((p) => ({ mime: p.format.mime, width: p.width, file: `assets/${p.file}` })),
      audio: audio.map((a) => ({ key: a.format.ext, mime: a.format.mime, file: `assets/${basename(a.path)}` })),
      video,
      chapters: data.chapters,
      lines: data.lines,
      script: EMBED_SCRIPT,
      stylesheet: EMBED_STYLESHEET,
      noscriptStylesheet: EMBED_NOSCRIPT_STYLESHEET,
    });
    writeFileSync(join(temp, EMBED_SNIPPET), snippetHtml(input(snippetBase)));
    writeFileSync(join(temp, DEMO_FAVICON), DEMO_FAVICON_SVG);
    writeFileSync(join(temp, EMBED_DEMO_PAGE), demoPage(snippetHtml(input('./'))));
  } catch (e) {
    rmSync(temp, { recursive: true, force: true });
    throw new Error(`Could not build the embed into ${rel(target)}: ${(e as Error).message}`, { cause: e });
  }
  const old = `${temp}-old`;
  if (existsSync(target)) renameSync(target, old);
  renameSync(temp, target);
  rmSync(old, { recursive: true, force: true });
  log(`wrote ${rel(target)}`);
  return {
    outDir: target,
    elapsedMs: performance.now() - started,
    audio: audio.map((a) => ({ ...a, path: join(target, 'assets', basename(a.path)) })),
    posters,
  };
}

/** The demo page's own icon (a browser asks for one; a 404 would be a console error). Not part of the snippet. */
const DEMO_FAVICON = 'demo-favicon.svg';
const DEMO_FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><circle cx="8" cy="8" r="7" fill="#ffb347"/></svg>\n';

/** The demo article page around the snippet: what `npm run check:embed` measures. */
export function demoPage(snippet: string): string {
  const style = `body{margin:0;padding:16px;background:#f6f4ef;color:#1b1b1b;font:18px/1.6 Georgia,serif}main{max-width:960px;margin:0 auto}h1{line-height:1.2}`;
  const styleHash = createHash('sha256').update(style).digest('base64');
  // The strictest policy the embed works under: everything from the embed's own origin, no inline script,
  // no eval; the one inline <style> is this demo page's own (by hash).
  const csp = [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'sha256-${styleHash}'`,
    "img-src 'self'",
    "media-src 'self'",
    "font-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<link rel="icon" href="${DEMO_FAVICON}" type="image/svg+xml">
<title>How a synapse learns: long-term potentiation</title>
<meta name="description" content="A 56-second explainer on long-term potentiation, the strengthening of a synapse that underlies learning.">
<style>${style}</style>
</head>
<body>
<main>
<h1>How a synapse learns</h1>
<p>When two neurons fire together again and again, the synapse between them grows stronger and stays that way for hours. This is long-term potentiation. Press play, or pick a line of the transcript to start there.</p>
${snippet}<p>The explainer draws every quantity from a simulation of one dendritic spine: the membrane potential, the magnesium ion in the NMDA receptor's pore, the calcium in the spine and the number of AMPA receptors.</p>
</main>
</body>
</html>
`;
}

/** Bundles the loader (entry, stable name) and the lazily loaded player chunk with Vite into `dir`. */
async function bundle(dir: string, minify: boolean, logLevel: BuildEmbedOptions['logLevel']): Promise<void> {
  const [{ build }, { default: react }] = await Promise.all([import('vite'), import('@vitejs/plugin-react')]);
  await build({
    configFile: false,
    root: EMBED_SOURCE_DIR,
    base: './',
    publicDir: false,
    logLevel,
    mode: 'production',
    plugins: [react()],
    build: {
      outDir: dir,
      emptyOutDir: true,
      target: 'es2022',
      minify,
      sourcemap: false,
      reportCompressedSize: false,
      chunkSizeWarningLimit: 10_000,
      // Browsers that run the player all support modulepreload; no polyfill in the loader.
      modulePreload: { polyfill: false },
      assetsInlineLimit: 0,
      cssCodeSplit: true,
      rolldownOptions: {
        input: join(EMBED_SOURCE_DIR, 'loader.ts'),
        output: {
          entryFileNames: EMBED_SCRIPT,
          chunkFileNames: 'assets/[name]-[hash].js',
          assetFileNames: (asset: { names?: string[] }) =>
            (asset.names ?? []).includes('loader.css') ? EMBED_STYLESHEET : 'assets/[name]-[hash][extname]',
        },
      },
    },
  });
}
