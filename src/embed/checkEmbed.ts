/**
 * `npm run check:embed`: the article embed against its performance budget.
 * Builds out/embed/ if it is missing or older than its sources, serves it on
 * 127.0.0.1 (brotli/gzip, byte ranges, like a production static host), runs
 * Lighthouse 12 (mobile preset, default simulated throttling) in Debian's
 * Chromium, prints the table and the script sizes, and exits 1 when a target
 * is missed.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import { renderConfig } from '../../render.config';
import { cutFiles, embedDir } from '../publish/outputLayout';
import { parseIntegerOption, runCli, UsageError, type CliArgs, type CliIo } from '../publish/runCli';
import { buildEmbed, EMBED_COMPOSITION_ID, EMBED_DEMO_PAGE, EMBED_SOURCE_DIR, NARRATION_WAV } from './buildEmbed';
import { serveEmbed } from './embedServer';
import {
  EMBED_TARGETS,
  embedMetricRows,
  failingAudits,
  formatMetricTable,
  type LighthouseResultLike,
} from './embedTargets';

const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';

const HELP = `Usage: npm run check:embed -- [options]

Measures the article embed (out/embed/index.html, the demo page with the
snippet) with Lighthouse ${'12'} against the targets of issue #16:
  performance >= ${EMBED_TARGETS.performanceScore}, FCP <= ${EMBED_TARGETS.fcpMs / 1000} s, LCP <= ${EMBED_TARGETS.lcpMs / 1000} s, TBT <= ${EMBED_TARGETS.tbtMs} ms,
  TTI <= ${EMBED_TARGETS.ttiMs / 1000} s, bytes before interaction <= ${EMBED_TARGETS.bytesBeforeInteraction / 1024} KiB,
  accessibility ${EMBED_TARGETS.accessibilityScore}, best practices ${EMBED_TARGETS.bestPracticesScore}; the longest task the page itself runs
  (< ${EMBED_TARGETS.longestTaskMs} ms) is reported too, without failing the check.
Lighthouse runs with its mobile preset and default simulated throttling in
${CHROMIUM} (CHROME_PATH overrides); the page is served on 127.0.0.1 with
brotli/gzip. Nothing is downloaded.

Builds out/embed/ first when it is missing or older than src/embed, the
narration or the main MP4 (which must exist: npm run render:all -- --cuts explainer).

Options:
  --dir <dir>       the publishing set (default: ${renderConfig.outDir}); the embed is <dir>/embed
  --build           rebuild the embed even if it looks up to date
  --runs <n>        Lighthouse runs (default 1); the run with the median score is reported
  --save <file>     write the reported Lighthouse result (JSON) there
  -h, --help        this help

Exit status 0 when every target is met, 1 when one is missed or the check
cannot run, 2 on bad options.`;

/** Newest modification time under `dir` (recursive), ms. */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Why the embed in `outDir` needs a build, or null when it is up to date. */
export function embedBuildReason(publishDir: string): string | null {
  const page = join(embedDir(publishDir), EMBED_DEMO_PAGE);
  if (!existsSync(page)) return `${page} is missing`;
  const built = statSync(page).mtimeMs;
  const inputs = [EMBED_SOURCE_DIR, NARRATION_WAV, cutFiles(publishDir, EMBED_COMPOSITION_ID).mp4];
  for (const input of inputs) {
    if (!existsSync(input)) continue;
    const t = statSync(input).isDirectory() ? newestMtime(input) : statSync(input).mtimeMs;
    if (t > built) return `${relative(process.cwd(), input)} is newer than the built embed`;
  }
  return null;
}

export interface ScriptSize {
  file: string;
  bytes: number;
  gzipBytes: number;
  brotliBytes: number;
  /** Fetched before the reader presses Play. */
  beforePlay: boolean;
}

/** Sizes of the embed's scripts and styles, raw and compressed (gzip -9, brotli 11, as the server sends them). */
export function scriptSizes(root: string): ScriptSize[] {
  const files = [
    ...['ltp-embed.js', 'ltp-embed.css'].filter((f) => existsSync(join(root, f))),
    ...readdirSync(join(root, 'assets'))
      .filter((f) => /\.(js|css)$/.test(f))
      .map((f) => `assets/${f}`),
  ];
  return files.map((file) => {
    const raw = readFileSync(join(root, file));
    return {
      file,
      bytes: raw.length,
      gzipBytes: gzipSync(raw, { level: 9 }).length,
      brotliBytes: brotliCompressSync(raw, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }).length,
      beforePlay: !file.startsWith('assets/'),
    };
  });
}

function formatSizes(sizes: readonly ScriptSize[]): string {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  const rows = sizes.map((s) => [
    s.file,
    s.beforePlay ? 'page load' : 'on Play',
    kb(s.bytes),
    kb(s.gzipBytes),
    kb(s.brotliBytes),
  ]);
  const sum = (pick: (s: ScriptSize) => number, before: boolean) =>
    kb(sizes.filter((s) => s.beforePlay === before).reduce((a, s) => a + pick(s), 0));
  for (const before of [true, false]) {
    rows.push([
      before ? 'total before Play' : 'total on Play',
      '',
      sum((s) => s.bytes, before),
      sum((s) => s.gzipBytes, before),
      sum((s) => s.brotliBytes, before),
    ]);
  }
  const head = ['script / style', 'loaded', 'raw', 'gzip', 'brotli'];
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (r: readonly string[]) =>
    r
      .map((cell, c) => (c >= 2 ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** One Lighthouse run (mobile preset = Lighthouse's default config) against `url`. */
async function runLighthouse(url: string): Promise<LighthouseResultLike & Record<string, unknown>> {
  const [{ default: lighthouse }, chromeLauncher] = await Promise.all([
    import('lighthouse'),
    import('chrome-launcher'),
  ]);
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium is not at ${CHROMIUM}: apt-get install chromium (or set CHROME_PATH).`);
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
    ],
    logLevel: 'silent',
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices'],
    });
    if (!result) throw new Error('Lighthouse returned no result.');
    return result.lhr as unknown as LighthouseResultLike & Record<string, unknown>;
  } finally {
    chrome.kill();
  }
}

const OPTIONS = {
  dir: { type: 'string', default: renderConfig.outDir },
  build: { type: 'boolean', default: false },
  runs: { type: 'string' },
  save: { type: 'string' },
} as const;

async function main({ values }: CliArgs<typeof OPTIONS>, io: CliIo): Promise<number> {
  const runs = parseIntegerOption('--runs', values.runs) ?? 1;
  if (runs < 1 || runs > 9) throw new UsageError(`--runs ${runs}: use 1 to 9.`);
  const publishDir = resolve(values.dir);
  const root = embedDir(publishDir);
  const reason = values.build ? '--build' : embedBuildReason(publishDir);
  if (reason) {
    io.stderr(`check:embed: building the embed (${reason})...\n`);
    await buildEmbed({ outDir: root, publishDir });
  }

  const server = await serveEmbed(root);
  const results: Array<LighthouseResultLike & Record<string, unknown>> = [];
  try {
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      io.stderr(`check:embed: Lighthouse run ${i + 1} of ${runs} (mobile, simulated throttling)...`);
      results.push(await runLighthouse(`${server.origin}/${EMBED_DEMO_PAGE}`));
      io.stderr(` ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
    }
  } finally {
    await server.close();
  }
  const byScore = [...results].sort(
    (a, b) => (a.categories.performance?.score ?? 0) - (b.categories.performance?.score ?? 0),
  );
  const lhr = byScore[Math.floor((byScore.length - 1) / 2)]!;
  if (values.save) {
    mkdirSync(dirname(resolve(values.save)), { recursive: true });
    writeFileSync(resolve(values.save), JSON.stringify(lhr));
  }
  const rows = embedMetricRows(lhr);
  const scores = results.map((r) => Math.round((r.categories.performance?.score ?? 0) * 100));
  io.stdout(
    `Lighthouse ${lhr.lighthouseVersion ?? ''}, mobile preset, simulated throttling: ${relative(process.cwd(), join(root, EMBED_DEMO_PAGE))}${runs > 1 ? ` (median of ${runs} runs; performance scores ${scores.join(', ')})` : ''}\n\n`,
  );
  const host = (lhr as { environment?: { benchmarkIndex?: number } }).environment?.benchmarkIndex;
  io.stdout(
    `${formatMetricTable(rows)}\n(host: Lighthouse benchmark index ${host ? Math.round(host) : '?'}, load average ${loadavg()[0]?.toFixed(1)}; a loaded machine stretches every task)\n\n${formatSizes(scriptSizes(root))}\n`,
  );
  const missed = rows.filter((r) => !r.ok && r.gate);
  if (missed.length) {
    const why = ['performance', 'accessibility', 'best-practices']
      .map((c) => [c, failingAudits(lhr as never, c)] as const)
      .filter(([, a]) => a.length)
      .map(([c, a]) => `  ${c}: ${a.join(', ')}`)
      .join('\n');
    io.stdout(`\n${missed.length} target(s) missed: ${missed.map((r) => r.metric).join(', ')}\n${why}\n`);
    io.stderr(`check:embed: the embed misses ${missed.length} target(s) (see the table).\n`);
    return 1;
  }
  io.stdout('\nEvery target met.\n');
  return 0;
}

void runCli({ name: 'check:embed', help: HELP, options: OPTIONS }, main);
