/**
 * `npm run render:join`: joins the chunks of one render (rendered with
 * `npm run render -- --chunk K/N`, on any machines) into the final MP4.
 * Run with --help for options.
 */
import { relative } from 'node:path';
import { renderConfig } from '../../render.config';
import { parseJsonObjectOption, runCli } from '../publish/runCli';
import { joinChunks } from './joinChunks';

const HELP = `Usage: npm run render:join -- --composition ID --chunks DIR [--out FILE]

Joins chunk-K-of-N.mp4 files (from \`npm run render -- --chunk K/N\`) into one
MP4: checks that every chunk 1..N is there once, was rendered from these
sources (same source hash) with the same settings and range, and is intact
(sha256 in its .json manifest); concatenates them without re-encoding, muxes
the composition's narration once over the whole, writes faststart, and
replaces the output atomically. A missing, duplicated, foreign or corrupted
chunk stops the join with a message naming it; no output is written then.

Options:
  --composition ID   composition the chunks belong to (default: ${renderConfig.defaultCompositionId})
  --chunks DIR       directory holding the chunks and their manifests (required)
  --out FILE         output .mp4 (default: ${renderConfig.outDir}/<composition>.mp4)
  --props JSON       the --props the chunks were rendered with (default: none)
  -h, --help         show this help
`;

const OPTIONS = {
  composition: { type: 'string' },
  chunks: { type: 'string' },
  out: { type: 'string' },
  props: { type: 'string' },
} as const;

void runCli({ name: 'render:join', help: HELP, options: OPTIONS }, async ({ values }) => {
  if (!values.chunks)
    throw new Error('--chunks DIR is required: the directory holding chunk-K-of-N.mp4 and their .json manifests.');
  const result = await joinChunks({
    compositionId: values.composition ?? renderConfig.defaultCompositionId,
    chunksDir: values.chunks,
    outPath: values.out,
    inputProps: parseJsonObjectOption('--props', values.props),
  });
  process.stderr.write(
    `render:join: joined ${result.chunks} chunks (frames ${result.range.first}-${result.range.last}, ${result.frames} frames) in ${(result.joinMs / 1000).toFixed(1)} s\n`,
  );
  process.stdout.write(`${relative(process.cwd(), result.outPath) || result.outPath}\n`);
});
