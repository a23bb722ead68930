/**
 * Builds the render page (render.html + every composition) with Vite into the
 * directory given as the only argument. Run as a child process by bundle.ts:
 * a Vite build leaves hundreds of MiB in the process that ran it (docs/render.md,
 * "Where the time goes", 11), which would otherwise stay in the render's Node
 * process for the whole render. Run with
 * NODE_ENV=production: Vite and the React plugin choose React's build from
 * it when the build starts.
 */
import { join } from 'node:path';
import { build } from 'vite';
import { REPO_ROOT } from './bundle';
import { projectOverlay, resolveProjectDir } from './projectFiles';

const USAGE =
  'Usage: node --import tsx src/render/buildRenderPage.ts OUT_DIR [--project DIR]\n\nBuilds render.html and every composition into OUT_DIR (normally run by the render commands, which cache the build by source hash).\nWith --project DIR, the narration timings and scene look files come from the project copy in DIR.\n';
const outDir = process.argv[2];
const projectArg = process.argv[3] === '--project' ? process.argv[4] : undefined;
if (outDir === '--help' || outDir === '-h') {
  process.stdout.write(USAGE);
  process.exit(0);
}
if (!outDir) {
  process.stderr.write(USAGE);
  process.exit(2);
}
try {
  const projectDir = projectArg === undefined ? REPO_ROOT : resolveProjectDir(projectArg);
  await build({
    configFile: join(REPO_ROOT, 'vite.config.ts'),
    root: REPO_ROOT,
    base: './',
    publicDir: false,
    logLevel: 'warn',
    mode: 'production',
    plugins: [projectOverlay({ repoRoot: REPO_ROOT, projectDir })],
    build: {
      outDir,
      emptyOutDir: true,
      rolldownOptions: { input: join(REPO_ROOT, 'render.html'), checks: { bundlerTimings: false } },
    },
  });
} catch (e) {
  // The message names the file and what is wrong; Vite's stack would bury it.
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
}
