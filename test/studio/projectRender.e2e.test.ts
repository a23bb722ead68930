import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSources, REPO_ROOT } from '../../src/render/bundle';
import { renderStill } from '../../src/render/renderStill';
import { RenderJobs } from '../../src/studio/server/renderJobs';
import { decodePng, pixelDiff } from './pixels';

/**
 * A render queued from a studio started with `--project DIR` draws the copy's
 * files (here a look file that reframes the Mg2+ scene and renames its label),
 * not the repo's: the studio's render queue (RenderJobs) runs the render CLI
 * with --project, whose page is bundled with the copy's files.
 */
const FRAME = 540; // mid Mg2+ expulsion (scene 420-668 on the committed timings)
const LOOK = 'src/scenes/MgExpulsion.look.json';
let project: string;
const scratch = join(REPO_ROOT, 'out', 'studio-test', `project-render-${process.pid}`);

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'studio-project-render-'));
  cpSync(join(REPO_ROOT, 'captions'), join(project, 'captions'), { recursive: true });
  cpSync(join(REPO_ROOT, 'public'), join(project, 'public'), { recursive: true });
  mkdirSync(join(project, 'src', 'scenes'), { recursive: true });
  for (const f of readdirSync(join(REPO_ROOT, 'src', 'scenes')).filter((n) => n.endsWith('.look.json')))
    cpSync(join(REPO_ROOT, 'src', 'scenes', f), join(project, 'src', 'scenes', f));
  mkdirSync(scratch, { recursive: true });
});

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
  rmSync(scratch, { recursive: true, force: true });
});

describe('a project copy (--project DIR)', { timeout: 600_000 }, () => {
  it("hashes to the repo's sources when its files are the same, and to others when they differ", () => {
    expect(hashSources(project)).toBe(hashSources());
    writeFileSync(join(project, LOOK), JSON.stringify({ cameraZoom: 1.5, receptorLabel: 'NMDA channel (copy)' }));
    expect(hashSources(project)).not.toBe(hashSources());
    // The repo's file is untouched.
    expect(JSON.parse(readFileSync(join(REPO_ROOT, LOOK), 'utf8'))).toEqual({});
  });

  it("renders the copy's look from the studio's render queue, and npm run still -- --project draws it too", async () => {
    const jobs = new RenderJobs(REPO_ROOT, project);
    const view = jobs.start({ compositionId: 'explainer', range: { first: FRAME, last: FRAME } });
    expect(view.command).toContain(`--project ${project}`);
    const outFile = join(REPO_ROOT, view.outPath);
    try {
      const deadline = Date.now() + 540_000;
      while (!['done', 'failed', 'cancelled'].includes(jobs.get(view.id)!.status) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 500));
      const job = jobs.get(view.id)!;
      expect(job.status, job.log.join('\n')).toBe('done');

      // The video's one frame, against stills of the copy and of the repo.
      const videoPng = join(scratch, 'video.png');
      const ff = spawnSync('ffmpeg', ['-v', 'error', '-y', '-i', outFile, '-frames:v', '1', videoPng]);
      expect(ff.status, ff.stderr.toString()).toBe(0);
      const copyStill = join(scratch, 'copy.png');
      const repoStill = join(scratch, 'repo.png');
      await renderStill({ compositionId: 'explainer', frame: FRAME, outPath: copyStill, projectDir: project });
      await renderStill({ compositionId: 'explainer', frame: FRAME, outPath: repoStill });
      const video = decodePng(readFileSync(videoPng));
      const copy = decodePng(readFileSync(copyStill));
      const repo = decodePng(readFileSync(repoStill));
      const toCopy = pixelDiff(video, copy);
      const toRepo = pixelDiff(video, repo);
      const stills = pixelDiff(copy, repo);
      console.log(
        `frame ${FRAME}: video vs the copy's still ${toCopy.meanAbs.toFixed(2)}, vs the repo's ${toRepo.meanAbs.toFixed(2)}; stills apart ${stills.meanAbs.toFixed(2)} (mean |diff|)`,
      );
      // The copy's look reframes the stage: the two stills differ over much of the frame.
      expect(stills.fractionOver(24)).toBeGreaterThan(0.05);
      // The video (H.264 4:2:0, so not exact: 3.6 measured) is the copy's frame, not the repo's (15 measured).
      expect(toCopy.meanAbs).toBeLessThan(6);
      expect(toRepo.meanAbs).toBeGreaterThan(toCopy.meanAbs * 2.5);
    } finally {
      jobs.cancelAll();
      rmSync(outFile, { force: true });
    }
  });
});
