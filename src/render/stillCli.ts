/**
 * `npm run still -- --composition ID --frame N --out file.png`: writes one
 * frame as PNG (or JPEG for .jpg/.jpeg).
 */
import { relative } from 'node:path';
import { renderConfig } from '../../render.config';
import { compositionCatalog } from '../compositions/catalog';
import { parseIntegerOption, runCli } from '../publish/runCli';
import { renderStill } from './renderStill';

const HELP = `Usage: npm run still -- [options]

Draws one frame of a composition in headless Chromium and writes it as an image.

Options:
  --composition ID   composition to draw (default: ${renderConfig.defaultCompositionId})
  --frame N          absolute frame number (default: the composition's poster frame)
  --scale N          1 (default) or 2: twice the pixel size (3840x2160 for the main cut), the
                     3D stage supersampled, for print and posters
  --out FILE         .png, .jpg or .jpeg (default: ${renderConfig.outDir}/<composition>-<frame>.png)
  --project DIR      draw with the editable files of a project copy in DIR (captions/,
                     public/voice/, src/scenes/*.look.json), as \`npm run studio -- --project DIR\` edits them
  -h, --help         show this help

Compositions:
${compositionCatalog.map((c) => `  ${c.id.padEnd(20)} ${c.width}x${c.height}, frames 0-${c.durationInFrames - 1}, poster ${c.posterFrame}`).join('\n')}
`;

const OPTIONS = {
  composition: { type: 'string' },
  frame: { type: 'string' },
  out: { type: 'string' },
  scale: { type: 'string' },
  project: { type: 'string' },
} as const;

void runCli({ name: 'still', help: HELP, options: OPTIONS }, async ({ values }) => {
  const result = await renderStill({
    compositionId: values.composition ?? renderConfig.defaultCompositionId,
    frame: parseIntegerOption('--frame', values.frame),
    outPath: values.out,
    scale: parseIntegerOption('--scale', values.scale),
    projectDir: values.project,
  });
  process.stderr.write(
    `still: wrote ${relative(process.cwd(), result.outPath) || result.outPath} (frame ${result.frame}, ${result.width}x${result.height} ${result.format}) in ${(result.elapsedMs / 1000).toFixed(1)} s\n`,
  );
});
