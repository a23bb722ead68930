/**
 * `npm run render:all`: writes the whole publishing set to out/ (see
 * docs/publishing.md): the three cuts as MP4, their caption sidecars,
 * chapters and transcript, PNG and JPEG posters, the social card, the
 * article-page embed and manifest.json. Every file is written to a temp
 * file and renamed, so an interrupted run never leaves a half-written file
 * in place of a good one. Verify with `npm run check:outputs`.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { renderConfig } from '../../render.config';
import { writeCaptionSidecars } from '../captions/sidecars';
import { findCompositionMeta } from '../compositions/catalog';
import { buildEmbed } from '../embed/buildEmbed';
import { explainerTimeline } from '../story/narration';
import { listOutputFiles, writeManifest } from './outputManifest';
import { cutFiles, embedDir, manifestFile, PUBLISHED_CUT_IDS, SOCIAL_CARD_ID, socialCardFile } from './outputLayout';
import { parseIntegerOption, runCli, type CliArgs } from './runCli';
import { parseFrameRange } from '../render/frameRange';
import { createProgressLine, renderStill, renderVideo } from '../render/index';

const HELP = `Usage: npm run render:all -- [options]

Writes the publishing set to the output directory (default out/):
  <cut>.mp4                      the video (cuts: ${PUBLISHED_CUT_IDS.join(', ')})
  <cut>.vtt, <cut>.srt           captions from the narration's word timings
  <cut>.chapters.vtt, <cut>.txt  one chapter per scene; plain-text transcript
  <cut>.poster.png, .poster.jpg  poster still at the cut's poster frame
  ${SOCIAL_CARD_ID}.png                1200x630 social card
  embed/                         the article-page embed (docs/embed.md): snippet.html, the loader,
                                 the player (loaded on Play), poster AVIF/WebP/JPEG, narration
                                 Opus/WebM + AAC/MP4, and <cut>.mp4 + .vtt for the no-script fallback
  manifest.json                  every file with its size and SHA-256
Then run \`npm run check:outputs\` to verify them, and \`npm run check:embed\` for the embed's
Lighthouse budget.

Options:
  --out <dir>           output directory (default: ${renderConfig.outDir})
  --cuts <a,b,...>      cuts to render (default: all three)
  --concurrency <n>     capture workers per video (default: ${renderConfig.capture.defaultConcurrency})
  --crf <n>             x264 quality, 0-51 (default: ${renderConfig.video.crf})
  --frames <A-B>        render only frames A-B of each video (a preview: check:outputs
                        will then report the short duration)
  --skip-video          keep existing MP4s, redo everything else (quick)
  --keep-existing       render a cut's MP4 only when it is not in --out yet (CI renders the
                        main cut with \`npm run render\` first and does not render it twice)
  --skip-stills         keep existing posters and social card
  --skip-embed          keep the existing embed/
  -h, --help            this help

A full run renders 3 x ~1700 frames; on 2 cores expect tens of minutes. Progress
goes to stderr; the summary table to stdout. Exit status 1 if any step failed
(the other steps still run; manifest.json is then not rewritten), 2 on bad options.`;

interface StepResult {
  step: string;
  files: string[];
  ok: boolean;
  seconds: number;
  error?: string;
}

const OPTIONS = {
  out: { type: 'string', default: renderConfig.outDir },
  cuts: { type: 'string' },
  concurrency: { type: 'string' },
  crf: { type: 'string' },
  frames: { type: 'string' },
  'skip-video': { type: 'boolean', default: false },
  'keep-existing': { type: 'boolean', default: false },
  'skip-stills': { type: 'boolean', default: false },
  'skip-embed': { type: 'boolean', default: false },
} as const;

async function main({ values }: CliArgs<typeof OPTIONS>): Promise<void> {
  const outDir = resolve(values.out);
  const cutIds = values.cuts
    ? values.cuts
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : [...PUBLISHED_CUT_IDS];
  const bad = cutIds.filter((id) => !(PUBLISHED_CUT_IDS as readonly string[]).includes(id));
  if (bad.length)
    throw new Error(
      `--cuts: unknown cut ${bad.map((b) => `"${b}"`).join(', ')}; the cuts are ${PUBLISHED_CUT_IDS.join(', ')}.`,
    );
  const cuts = cutIds.map(findCompositionMeta);
  const concurrency = parseIntegerOption('--concurrency', values.concurrency);
  const crf = parseIntegerOption('--crf', values.crf);
  // Checked against every cut's length before anything renders (renderVideo would only fail at that cut).
  const frameRange = values.frames;
  if (frameRange !== undefined) for (const meta of cuts) parseFrameRange(frameRange, meta);

  // writeCaptionSidecars writes beside the MP4 path and does not create the directory.
  mkdirSync(outDir, { recursive: true });
  const results: StepResult[] = [];
  const step = async (name: string, files: string[], run: () => Promise<unknown>) => {
    process.stderr.write(`render:all: ${name}...\n`);
    const t0 = performance.now();
    try {
      await run();
      results.push({ step: name, files, ok: true, seconds: (performance.now() - t0) / 1000 });
    } catch (e) {
      const error = (e as Error).message;
      process.stderr.write(`render:all: ${name} FAILED: ${error}\n`);
      results.push({ step: name, files, ok: false, seconds: (performance.now() - t0) / 1000, error });
    }
  };

  for (const meta of cuts) {
    const files = cutFiles(outDir, meta.id);
    const keep = values['keep-existing'] && existsSync(files.mp4);
    if (keep)
      process.stderr.write(`render:all: keeping existing ${relative(process.cwd(), files.mp4)} (--keep-existing)\n`);
    if (!values['skip-video'] && !keep) {
      await step(`video ${meta.id}`, [files.mp4], async () => {
        const progress = createProgressLine(meta.id);
        try {
          await renderVideo({
            compositionId: meta.id,
            outPath: files.mp4,
            concurrency,
            crf,
            frameRange,
            onProgress: (p) => progress.update(p),
          });
        } finally {
          progress.finish();
        }
      });
    }
    await step(`captions ${meta.id}`, [files.vtt, files.srt, files.chaptersVtt, files.transcriptTxt], () =>
      writeCaptionSidecars(files.mp4, explainerTimeline),
    );
    if (!values['skip-stills']) {
      await step(`poster ${meta.id} (frame ${meta.posterFrame})`, [files.posterPng, files.posterJpg], async () => {
        await renderStill({ compositionId: meta.id, frame: meta.posterFrame, outPath: files.posterPng });
        await renderStill({ compositionId: meta.id, frame: meta.posterFrame, outPath: files.posterJpg });
      });
    }
  }
  if (!values['skip-stills']) {
    await step('social card', [socialCardFile(outDir)], () =>
      renderStill({ compositionId: SOCIAL_CARD_ID, outPath: socialCardFile(outDir) }),
    );
  }
  if (!values['skip-embed']) {
    await step('embed', [embedDir(outDir)], () => buildEmbed({ outDir: embedDir(outDir) }));
  }

  const failed = results.filter((r) => !r.ok);
  if (failed.length === 0) {
    await step('manifest', [manifestFile(outDir)], () =>
      writeManifest(outDir, new Date(), publishingSet(outDir, cutIds)),
    );
  }
  process.stdout.write(`${summaryTable(outDir, results)}\n`);
  if (failed.length) {
    process.stdout.write(
      `\n${failed.length} step(s) failed; manifest.json not rewritten:\n${failed.map((f) => `  ${f.step}: ${f.error}`).join('\n')}\n`,
    );
    process.exitCode = 1;
    throw new Error(`${failed.length} step(s) failed (see above).`);
  }
  process.stdout.write(
    `\nWrote the publishing set to ${outDir}. Verify it with: npm run check:outputs -- --dir ${outDir.startsWith(process.cwd()) ? relative(process.cwd(), outDir) || '.' : outDir}\n`,
  );
}

/** Relative paths of the publishing set that exist in `outDir` (cut files, social card, embed/). */
export function publishingSet(outDir: string, cutIds: readonly string[]): string[] {
  const wanted = new Set<string>();
  // All three cuts are listed when present, even when only `cutIds` were re-rendered this run.
  for (const id of new Set([...PUBLISHED_CUT_IDS, ...cutIds])) {
    for (const f of Object.values(cutFiles(outDir, id))) if (existsSync(f)) wanted.add(relative(outDir, f));
  }
  if (existsSync(socialCardFile(outDir))) wanted.add(relative(outDir, socialCardFile(outDir)));
  for (const f of listOutputFiles(outDir)) if (f.startsWith('embed/')) wanted.add(f);
  return [...wanted].map((p) => p.split('\\').join('/')).sort();
}

function summaryTable(outDir: string, results: readonly StepResult[]): string {
  const rows: string[][] = [];
  for (const r of results) {
    for (const f of r.files) {
      const rel = relative(outDir, f) || '.';
      const size = existsSync(f) ? (statSync(f).isDirectory() ? dirSize(f) : statSync(f).size) : 0;
      rows.push([
        r.step,
        rel,
        existsSync(f) ? formatBytes(size) : '-',
        `${r.seconds.toFixed(1)} s`,
        r.ok ? 'ok' : 'FAILED',
      ]);
    }
  }
  const head = ['step', 'file', 'size', 'time', 'status'];
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((row) => (row[c] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (c === 2 || c === 3 ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function dirSize(dir: string): number {
  return listOutputFiles(dir).reduce((sum, f) => sum + statSync(resolve(dir, f)).size, 0);
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} kB`;
  return `${n} B`;
}

void runCli({ name: 'render:all', help: HELP, options: OPTIONS }, main);
