/**
 * `npm run bench`: renders the main composition (or a frame range of it) and
 * prints where the time goes (bundle, launch, capture, encode, mux), CPU
 * seconds by process kind, peak memory of the whole process tree, and last
 * a line `N fps` (frames / wall time of the whole render call). Before that
 * line, the machine's capture ceiling at that moment (captureCeiling.ts).
 *
 *   npm run bench -- [--composition ID] [--frames A-B | --quick] [--concurrency N] [--frames-per-shot N] [--fresh-bundle] [--breakdown]
 */
import { readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderConfig } from '../render.config';
import { bundleRenderPage, createProgressLine, renderVideo } from '../src/render';
import { parseIntegerOption, runCli } from '../src/publish/runCli';
import { findSystemTools } from '../src/render/systemTools';
import { chooseGlBackend } from '../src/render/chromium';
import { findCompositionMeta } from '../src/compositions/catalog';
import { MAX_FRAMES_PER_SHOT } from '../src/engine/capture';
import { measureCaptureCeiling } from './captureCeiling';
import { describePhase, measureFrameBreakdown } from './frameBreakdown';
import { startTreeSampler } from './processTreeSampler';

/**
 * A quick look: 10 s of video (frames 300-599), or the whole composition when
 * it is no longer than 600 frames (bench-3d: 300). The default is the whole
 * composition, since the targets are for full renders.
 */
const QUICK_FRAMES = '300-599';
function quickFrames(compositionId: string): string {
  const { durationInFrames } = findCompositionMeta(compositionId);
  return durationInFrames <= 600 ? `0-${durationInFrames - 1}` : QUICK_FRAMES;
}
const HELP = `Usage: npm run bench -- [options]

Renders a composition (all of it, unless told a range) and prints time per
stage, CPU by process, peak memory, and last "N fps".

Options:
  --composition ID   default: ${renderConfig.defaultCompositionId}
  --frames A-B       default: all frames (a full render, ~3 min here; the
                     speed targets are for full renders, launch included)
  --quick            frames ${QUICK_FRAMES} only (10 s of video; the launch then weighs
                     on the overall figure); all of a composition of <= 600 frames
  --concurrency N    default: ${renderConfig.capture.defaultConcurrency}
  --frames-per-shot N  frames captured per screenshot, 1-${MAX_FRAMES_PER_SHOT} (default: the composition's, else ${renderConfig.capture.framesPerShot})
  --fresh-bundle     rebuild the render page instead of reusing the cached build
  --keep FILE        keep the rendered .mp4 at FILE (default: rendered to a temp file and deleted)
  --no-ceiling       skip the capture-ceiling measurement (static page screenshots, ~10 s)
  --breakdown        also measure, on one page, a frame's draw alone and its screenshot alone
                     (wall and CPU by process kind; ~15 s more): where the time goes
  -h, --help
`;

const OPTIONS = {
  composition: { type: 'string' },
  frames: { type: 'string' },
  concurrency: { type: 'string' },
  'frames-per-shot': { type: 'string' },
  quick: { type: 'boolean' },
  'fresh-bundle': { type: 'boolean' },
  keep: { type: 'string' },
  'no-ceiling': { type: 'boolean' },
  breakdown: { type: 'boolean' },
} as const;

void runCli({ name: 'bench', help: HELP, options: OPTIONS }, async ({ values }) => {
  const compositionId = values.composition ?? renderConfig.defaultCompositionId;
  const out = values.keep ?? join(tmpdir(), `render-bench-${process.pid}.mp4`);
  const machineBefore = machineCpuSeconds();
  const sampler = startTreeSampler();
  let bundleMs = 0;
  if (values['fresh-bundle']) {
    const t = performance.now();
    await bundleRenderPage({ force: true });
    bundleMs = performance.now() - t;
  }
  const progress = createProgressLine(`bench ${compositionId}`);
  const result = await renderVideo({
    compositionId,
    outPath: out,
    frameRange: values.frames ?? (values.quick ? quickFrames(compositionId) : undefined),
    concurrency: parseIntegerOption('--concurrency', values.concurrency),
    framesPerShot: parseIntegerOption('--frames-per-shot', values['frames-per-shot']),
    onProgress: (p) => progress.update(p),
  }).finally(() => {
    progress.finish();
    if (!values.keep) rmSync(out, { force: true });
  });
  const tree = sampler.stop();
  const machineCpu = machineCpuSeconds() - machineBefore;
  const s = result.stages;
  const n = result.frames;
  const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const perFrame = (ms: number) => `${(ms / n).toFixed(1)} ms/frame`;
  const w = result.workerTotals;
  const totalCpu = Object.values(tree.cpuSecondsByKind).reduce((a, b) => a + b, 0);
  const ceiling = values['no-ceiling']
    ? null
    : await measureCaptureCeiling(findSystemTools().chromium, result.concurrency, result.framesPerShot);
  const breakdown = values.breakdown ? await measureFrameBreakdown(compositionId, result.framesPerShot) : null;
  const lines = [
    `composition ${compositionId}, frames ${result.frameRange.first}-${result.frameRange.last} (${n}), ${result.composition.width}x${result.composition.height}, ${result.concurrency} workers, ${result.framesPerShot} frame${result.framesPerShot === 1 ? '' : 's'} a screenshot`,
    `bundle        ${sec(values['fresh-bundle'] ? bundleMs : s.bundleMs)}${values['fresh-bundle'] ? ' (fresh build)' : result.bundleCached ? ' (cached build reused)' : ' (built)'}`,
    `launch        ${sec(s.launchMs)}  (start browsers, load page, mount, fonts, frame 0)`,
    `capture       ${sec(s.captureMs)}  = ${(n / (s.captureMs / 1000)).toFixed(1)} fps while capturing; encode runs alongside`,
    `  per worker  setFrame ${perFrame(w.setFrameMs)}, screenshot ${perFrame(w.screenshotMs)}, pipe wait ${perFrame(w.pipeWaitMs)} (summed over workers)`,
    `encode tail   ${sec(s.encodeTailMs)}  (x264 finishing after the last capture)`,
    `mux           ${sec(s.muxMs)}  (AAC audio, faststart)`,
    `total         ${sec(s.totalMs)}`,
    `cpu           ${Object.entries(tree.cpuSecondsByKind)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${v.toFixed(1)} s`)
      .join(', ')}; total ${totalCpu.toFixed(1)} s = ${((1000 * totalCpu) / n).toFixed(0)} ms CPU/frame`,
    `memory        peak RSS ${(tree.peakRssBytes / 2 ** 30).toFixed(2)} GiB (sum over ${tree.peakProcesses} processes), peak PSS ${(tree.peakPssBytes / 2 ** 30).toFixed(2)} GiB (${Object.entries(
      tree.pssBytesByKindAtPeak,
    )
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${(v / 2 ** 20).toFixed(0)}`)
      .join(', ')} MiB)`,
    `  RSS by kind ${Object.entries(tree.rssBytesByKindAtPeak)
      .sort((a, b) => b[1].bytes - a[1].bytes)
      .map(([k, v]) => `${k} ${(v.bytes / 2 ** 20).toFixed(0)}${v.processes > 1 ? ` (${v.processes})` : ''}`)
      .join(', ')} MiB at the RSS peak`,
    `webgl         ${chooseGlBackend().description}${process.env['LP_NUM_THREADS'] ? `, LP_NUM_THREADS=${process.env['LP_NUM_THREADS']}` : ''}`,
    `machine       ${cpus().length} cores; other processes used ${Math.max(0, machineCpu - totalCpu).toFixed(1)} CPU-s meanwhile; transparent huge pages: ${hugePageModes()}`,
    ...(breakdown === null
      ? []
      : [
          `draw only     ${describePhase(breakdown.draw)}: one page, setFrames of ${result.framesPerShot}-frame filmstrips, no screenshot`,
          `shot only     ${describePhase(breakdown.screenshot)}: one page, screenshots of a drawn filmstrip, nothing drawn`,
        ]),
    ...(ceiling === null
      ? []
      : [
          `ceiling       ${ceiling.toFixed(1)} frames/s: screenshots of a static page of ${result.framesPerShot} 1080p frames, ${result.concurrency} browsers, nothing drawn or encoded (this machine, now)`,
        ]),
    `${result.fps.toFixed(1)} fps`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
});

/** Busy CPU seconds of the whole machine so far (/proc/stat: user, nice, system, irq, softirq, steal). */
function machineCpuSeconds(): number {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const [user, nice, system, , , irq, softirq, steal] = fields as number[];
    return ((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0)) / 100;
  } catch {
    return 0;
  }
}

/** The kernel's transparent-huge-page modes (anonymous/shmem): capture is much slower without them here (docs/render.md). */
function hugePageModes(): string {
  const mode = (file: string) => {
    try {
      return /\[([\w+-]+)\]/.exec(readFileSync(`/sys/kernel/mm/transparent_hugepage/${file}`, 'utf8'))?.[1] ?? '?';
    } catch {
      return 'n/a';
    }
  };
  return `anon ${mode('enabled')}, shmem ${mode('shmem_enabled')}`;
}
