/**
 * `npm run check:edges`: how clean the 3D stage's edges are. Draws the poster
 * frame and one frame in each scene twice in headless Chromium: as the render
 * draws it, and with the stage supersampled (pixel ratio 2, multisampled;
 * everything else unchanged). Prints the PSNR of the first against the second
 * over the stage's box for each frame and, last, `edges: worst PSNR N dB over
 * K frames`; exits 1 when the worst is below --min-db (48 by default).
 */
import { spawnSync } from 'node:child_process';
import { renderConfig } from '../../render.config';
import { layoutFor } from '../components/layout';
import { explainerTimeline } from '../story/narration';
import { parseIntegerOption, parseJsonObjectOption, parseNumberOption, runCli } from '../publish/runCli';
import { type FramePage } from './framePage';
import { psnrOverBox, type RgbImage } from './psnr';
import { resolveComposition, resolveFrameRange } from './renderOptions';
import { SUPERSAMPLED_STAGE_PROPS } from './renderStill';
import { withSessionBrowser } from './renderSession';

/** Below this the stage's outlines show stair-steps at 1080p (issue #15: 43.5 dB with the half-resolution, aliased stage). */
export const DEFAULT_MIN_PSNR_DB = 48;

const HELP = `Usage: npm run check:edges -- [options]

Draws the poster frame and one frame in each scene twice, as rendered and
with the 3D stage supersampled (pixel ratio 2, antialiased), and prints the
PSNR over the stage's box for each; last line "edges: worst PSNR N dB over K
frames". Exits 1 when the worst is below --min-db.

Options:
  --composition ID   an explainer cut (default: ${renderConfig.defaultCompositionId})
  --frames A,B,...   these absolute frames instead of the poster and one per scene
  --min-db N         pass mark, dB (default: ${DEFAULT_MIN_PSNR_DB})
  --props JSON       props for the "as rendered" side, to try a setting before
                     committing it, e.g. '{"stagePixelRatio":1,"stageAntialias":true}'
  -h, --help
`;

/** The poster frame and, per scene, its first bookmark's frame (else its middle), ascending, without repeats. */
export function edgeCheckFrames(posterFrame: number): number[] {
  const frames = new Set<number>([posterFrame]);
  for (const s of explainerTimeline.scenes) {
    const first = Object.values(s.bookmarkFrames).sort((a, b) => a - b)[0];
    frames.add(first ?? s.startFrame + Math.floor(s.durationFrames / 2));
  }
  return [...frames].sort((a, b) => a - b);
}

/** Decodes a PNG to packed RGB with ffmpeg (a real decoder; no PNG library in the project). */
function decodePng(ffmpeg: string, png: Buffer, width: number, height: number): RgbImage {
  const r = spawnSync(
    ffmpeg,
    ['-v', 'error', '-f', 'png_pipe', '-i', 'pipe:0', '-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1'],
    {
      input: png,
      maxBuffer: width * height * 3 + 1024,
    },
  );
  if (r.status !== 0) throw new Error(`ffmpeg could not decode a captured PNG: ${r.stderr?.toString().trim()}`);
  const data = new Uint8Array(r.stdout.buffer, r.stdout.byteOffset, r.stdout.length);
  if (data.length !== width * height * 3)
    throw new Error(`ffmpeg decoded ${data.length} bytes, expected ${width}x${height} RGB.`);
  return { width, height, data };
}

function parseFrameList(value: string | undefined): number[] | undefined {
  if (value === undefined) return undefined;
  return value.split(',').map((v) => parseIntegerOption('--frames', v) as number);
}

const OPTIONS = {
  composition: { type: 'string' },
  frames: { type: 'string' },
  'min-db': { type: 'string' },
  props: { type: 'string' },
} as const;

void runCli({ name: 'check:edges', help: HELP, options: OPTIONS }, async ({ values }, io) => {
  const meta = resolveComposition(values.composition ?? renderConfig.defaultCompositionId);
  if (!meta.id.startsWith('explainer'))
    throw new Error(`--composition ${meta.id}: the edges check needs an explainer cut (it has a 3D stage).`);
  const minDb = parseNumberOption('--min-db', values['min-db']) ?? DEFAULT_MIN_PSNR_DB;
  const frames = parseFrameList(values.frames) ?? edgeCheckFrames(meta.posterFrame);
  for (const f of frames) resolveFrameRange([f, f], meta);
  const box = layoutFor(meta.width, meta.height).stage;

  const worst = await withSessionBrowser({}, async ({ session, openPage }) => {
    const grab = async (page: FramePage, frame: number) => {
      await page.setFrame(frame);
      return decodePng(session.tools.ffmpeg, await page.capture('png', 100), meta.width, meta.height);
    };
    const rendered = await openPage(meta, { inputProps: parseJsonObjectOption('--props', values.props) });
    const reference = await openPage(meta, { inputProps: { ...SUPERSAMPLED_STAGE_PROPS } });
    io.stdout(
      `edges: ${meta.id}, stage box ${box.w}x${box.h} at (${box.x}, ${box.y}), ${frames.length} frames, pass >= ${minDb} dB\n`,
    );
    let worstDb = Infinity;
    for (const frame of frames) {
      const db = psnrOverBox(await grab(reference, frame), await grab(rendered, frame), box);
      worstDb = Math.min(worstDb, db);
      io.stdout(`  frame ${String(frame).padStart(5)}  ${db === Infinity ? 'identical' : `${db.toFixed(1)} dB`}\n`);
    }
    return worstDb;
  });
  io.stdout(`edges: worst PSNR ${worst.toFixed(1)} dB over ${frames.length} frames\n`);
  if (worst < minDb)
    throw new Error(
      `edges: worst PSNR ${worst.toFixed(1)} dB is below ${minDb} dB: the 3D stage's outlines step where the supersampled stage's are smooth.`,
    );
});
