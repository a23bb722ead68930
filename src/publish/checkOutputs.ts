/**
 * `npm run check:outputs`: verifies everything `npm run render:all` wrote.
 * Prints a table and exits 1 on any failure, naming the file (and the cue
 * for caption problems). See docs/publishing.md.
 */
import { resolve } from 'node:path';
import { findCompositionMeta } from '../compositions/catalog';
import { SCENE_IDS } from '../script/sceneIds';
import { formatCheckTable, summarizeChecks } from './checkTable';
import { checkOutputs, type OutputExpectations } from './outputChecks';
import { PUBLISHED_CUT_IDS, SOCIAL_CARD_SIZE } from './outputLayout';
import { runCli, UsageError, type CliArgs } from './runCli';

const HELP = `Usage: npm run check:outputs -- [options]

Checks the published outputs in a directory (default out/):
  MP4s     ffprobe: H.264 High, yuv420p, size of the cut, 30 fps, at most 60.0 s,
           AAC 48 kHz audio; top-level boxes read directly: moov before mdat
  loudness ffmpeg ebur128 on every MP4's audio and the embed's narration:
           -16 LUFS integrated +-1 LU, true peak <= -1.5 dBTP
  captions .vtt and .srt against shared/DESIGN.md: <= 2 lines, <= 42 chars/line,
           <= 20 chars/s, 0.83-7 s per cue, no overlaps, no gaps under 2 frames;
           .srt and .vtt carry the same cues; the transcript has the same words
  chapters .chapters.vtt: one chapter per scene, contiguous, covering the video
  stills   <cut>.poster.png/.jpg at the cut's size, social-card.png 1200x630
  embed    embed/index.html, its local assets, its narration audio
  manifest manifest.json sizes and SHA-256 match the files

Options:
  --dir <path>        output directory (default: out)
  --cuts <a,b,...>    cuts to expect (default: ${PUBLISHED_CUT_IDS.join(',')})
  --skip-loudness     do not measure loudness (faster)
  --json              print the rows as JSON instead of a table
  -h, --help          this help

Exit status: 0 when every check passes (warnings allowed), 1 on any failure, 2 on bad options.`;

const OPTIONS = {
  dir: { type: 'string', default: 'out' },
  cuts: { type: 'string' },
  'skip-loudness': { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
} as const;

async function main({ values }: CliArgs<typeof OPTIONS>): Promise<number> {
  const dir = resolve(values.dir);
  let expectations: OutputExpectations;
  try {
    const ids = values.cuts
      ? values.cuts
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : [...PUBLISHED_CUT_IDS];
    expectations = {
      cuts: ids.map((id) => {
        const m = findCompositionMeta(id);
        return { id: m.id, width: m.width, height: m.height, fps: m.fps, durationInFrames: m.durationInFrames };
      }),
      sceneCount: SCENE_IDS.length,
      maxDurationS: 60,
      socialCard: SOCIAL_CARD_SIZE,
      embed: true,
      manifest: true,
      loudness: !values['skip-loudness'],
    };
  } catch (e) {
    throw new UsageError(`--cuts: ${(e as Error).message}`);
  }
  const rows = await checkOutputs(dir, expectations, (line) => process.stderr.write(`${line}...\n`));
  const counts = summarizeChecks(rows);
  if (values.json) process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  else {
    process.stdout.write(`${formatCheckTable(rows)}\n\n`);
    const failed = rows.filter((r) => r.status === 'fail');
    if (failed.length) {
      process.stdout.write(`FAILED (${failed.length}):\n`);
      for (const r of failed) process.stdout.write(`  ${r.file}: ${r.check}: ${r.detail || r.measured}\n`);
    }
  }
  process.stdout.write(`${counts.pass} passed, ${counts.warn} warnings, ${counts.fail} failed (${dir})\n`);
  return counts.fail > 0 ? 1 : 0;
}

void runCli({ name: 'check:outputs', help: HELP, options: OPTIONS }, main);
