/**
 * `npm run contact-sheet`: a PNG grid of frames from a rendered MP4 (one every
 * N seconds, each stamped with its time), so a reviewer sees the whole video
 * at a glance. Uses ffmpeg's select, scale, drawtext and tile filters.
 */
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { renderConfig } from '../../render.config';
import { produceFileAtomic } from '../publish/atomicWrite';
import { parseIntegerOption, runCli } from '../publish/runCli';
import { runTool } from '../publish/runTool';
import { findSystemTools } from './systemTools';

const HELP = `Usage: npm run contact-sheet -- [options]

Writes a PNG grid of frames from a rendered video, one every N seconds, each
stamped with its time, so the whole video can be reviewed at a glance.

Options:
  --in FILE          video to sample (default: ${renderConfig.outDir}/explainer.mp4)
  --out FILE         PNG to write (default: <in without extension>-contact.png)
  --every SECONDS    seconds between frames (default: 2; decimals allowed)
  --columns N        thumbnails per row (default: 5)
  --width PX         thumbnail width in pixels (default: 384)
  -h, --help         show this help
`;

/** Thumbnail grid shape for a video of `durationS` sampled every `everyS` seconds. */
export function gridShape(durationS: number, everyS: number, columns: number): { count: number; rows: number } {
  const count = Math.max(1, Math.floor(durationS / everyS + 1e-9) + (durationS % everyS > 1e-6 ? 1 : 0));
  return { count, rows: Math.ceil(count / columns) };
}

/**
 * The ffmpeg -vf filter chain: keep the first frame and then the first frame
 * at least `everyS` later (select keeps true timestamps, so the stamp is the
 * frame's own time), scale, stamp the time (hh:mm:ss.mmm), tile.
 */
export function contactSheetFilter(
  everyS: number,
  widthPx: number,
  columns: number,
  rows: number,
  fontFile: string,
): string {
  const fontSize = Math.max(12, Math.round(widthPx / 24));
  const pick = `select='isnan(prev_selected_t)+gte(t-prev_selected_t\\,${(everyS - 0.001).toFixed(3)})'`;
  const stamp =
    `drawtext=fontfile=${fontFile}:text='%{pts\\:hms}':x=w-tw-6:y=h-th-6:fontsize=${fontSize}:fontcolor=white:` +
    `box=1:boxcolor=black@0.7:boxborderw=4`;
  return [pick, `scale=${widthPx}:-2`, stamp, `tile=${columns}x${rows}:padding=6:margin=6:color=0x0b1020`].join(',');
}

const FONT_FILE = '/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf';

/** Runs the CLI (only when this file is the entry point, so tests can import the helpers). */
function main(): void {
  const options = {
    in: { type: 'string' },
    out: { type: 'string' },
    every: { type: 'string' },
    columns: { type: 'string' },
    width: { type: 'string' },
  } as const;
  void runCli({ name: 'contact-sheet', help: HELP, options }, async ({ values }) => {
    const input = resolve(values.in ?? join(renderConfig.outDir, 'explainer.mp4'));
    if (!existsSync(input) || !statSync(input).isFile()) {
      throw new Error(`--in ${input}: no such video. Render one first: npm run render -- --composition explainer`);
    }
    const output = resolve(values.out ?? join(dirname(input), `${basename(input, extname(input))}-contact.png`));
    if (extname(output).toLowerCase() !== '.png')
      throw new Error(`--out ${output}: the contact sheet is a PNG; give a .png file name.`);
    const everyS = values.every === undefined ? 2 : Number(values.every);
    if (!(everyS > 0) || !Number.isFinite(everyS))
      throw new Error(`--every "${values.every}" must be a positive number of seconds.`);
    const columns = parseIntegerOption('--columns', values.columns) ?? 5;
    const widthPx = parseIntegerOption('--width', values.width) ?? 384;
    if (columns < 1 || columns > 20) throw new Error(`--columns ${columns} must be 1-20.`);
    if (widthPx < 64 || widthPx > 1920) throw new Error(`--width ${widthPx} must be 64-1920 px.`);
    if (!existsSync(FONT_FILE))
      throw new Error(`font ${FONT_FILE} is missing; install it with: apt-get install -y fonts-dejavu-core`);

    const tools = findSystemTools();
    const probe = await runTool(tools.ffprobe, [
      '-v',
      'error',
      '-show_entries',
      'format=duration',
      '-of',
      'default=nw=1:nk=1',
      input,
    ]);
    const durationS = Number(probe.stdout.trim());
    if (!(durationS > 0)) throw new Error(`${input}: ffprobe found no duration; is it a video?`);
    const { count, rows } = gridShape(durationS, everyS, columns);
    process.stderr.write(
      `contact-sheet: ${basename(input)} ${durationS.toFixed(1)} s -> ${count} frames, ${columns}x${rows} grid\n`,
    );

    // Through a temp file: ffmpeg failing half-way leaves any previous sheet as it was.
    await produceFileAtomic(output, async (tmp) => {
      await runTool(
        tools.ffmpeg,
        [
          '-v',
          'error',
          '-y',
          '-i',
          input,
          '-vf',
          contactSheetFilter(everyS, widthPx, columns, rows, FONT_FILE),
          '-frames:v',
          '1',
          '-update',
          '1',
          tmp,
        ],
        { label: `on ${input}`, stderrLines: 3 },
      );
      if (!existsSync(tmp)) throw new Error(`ffmpeg wrote no image for ${input}`);
    });
    process.stderr.write(`contact-sheet: wrote ${output}\n`);
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
