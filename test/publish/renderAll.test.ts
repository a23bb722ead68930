import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findCompositionMeta } from '../../src/compositions/catalog';
import { checkOutputs } from '../../src/publish/outputChecks';
import type { OutputManifest } from '../../src/publish/outputManifest';
import { SCENE_IDS } from '../../src/script/sceneIds';
import { makeTempDir, makeTestMp4 } from './mediaFixtures';

const tmp = makeTempDir('render-all');
afterAll(tmp.cleanup);

const renderAll = (...args: string[]) =>
  spawnSync('npx', ['tsx', 'src/publish/renderAll.ts', ...args], { encoding: 'utf8' });

describe('npm run render:all (no video, no stills: the quick path)', () => {
  // The embed step encodes the narration and the poster (and renders the poster still here): minutes on a shared machine.
  it('writes caption sidecars, the embed and a manifest that check:outputs accepts', { timeout: 600_000 }, async () => {
    const out = join(tmp.dir, 'out');
    // The embed links the main cut's MP4 for its no-script fallback (a short stand-in here; its captions
    // and poster are not in this run, so the embed writes and renders its own).
    mkdirSync(out, { recursive: true });
    makeTestMp4(join(out, 'explainer.mp4'), { width: 640, height: 360, durationS: 2, toneVolume: 0.2 });
    const r = renderAll('--out', out, '--cuts', 'explainer-square', '--skip-video', '--skip-stills');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /captions explainer-square\s+explainer-square\.chapters\.vtt\s+[\d.]+ (B|kB)\s+[\d.]+ s\s+ok/,
    );
    expect(r.stdout).toMatch(/embed\s+embed\s+[\d.]+ MB/);

    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as OutputManifest;
    const paths = manifest.files.map((f) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'explainer-square.vtt',
        'explainer-square.srt',
        'explainer-square.chapters.vtt',
        'explainer-square.txt',
        'embed/index.html',
        'embed/snippet.html',
        'embed/ltp-embed.js',
        'embed/explainer.mp4',
        'embed/explainer.vtt',
      ]),
    );
    expect(paths.some((p) => /^embed\/assets\/narration-.*\.webm$/.test(p))).toBe(true);
    expect(paths.some((p) => /^embed\/assets\/narration-.*\.m4a$/.test(p))).toBe(true);

    const m = findCompositionMeta('explainer-square');
    const rows = await checkOutputs(out, {
      cuts: [{ id: m.id, width: m.width, height: m.height, fps: m.fps, durationInFrames: m.durationInFrames }],
      sceneCount: SCENE_IDS.length,
      maxDurationS: 60,
      socialCard: null,
      embed: true,
      manifest: true,
      loudness: true,
    });
    const failed = rows.filter((row) => row.status === 'fail');
    // Only what was skipped is missing.
    expect(failed.map((row) => `${row.file} ${row.check}`).sort()).toEqual([
      'explainer-square.mp4 exists',
      'explainer-square.poster.jpg exists',
      'explainer-square.poster.png exists',
    ]);
    const status = (file: string, check: string) =>
      rows.find((row) => row.file === file && row.check === check)?.status;
    expect(status('explainer-square.vtt', 'captions')).toBe('pass');
    expect(status('explainer-square.chapters.vtt', 'chapters')).toBe('pass');
    expect(status('explainer-square.txt', 'transcript')).toBe('pass');
    expect(status('embed/index.html', 'page assets')).toBe('pass');
    expect(status('manifest.json', 'sizes and SHA-256')).toBe('pass');
    // The embed's web narration (the stand-in MP4's tone is only warned about: it is not a published cut).
    expect(rows.find((row) => row.check === 'loudness' && row.file.startsWith('embed/'))?.status).toBe('pass');
  });

  it('rejects an unknown cut and a frame range outside the video, before rendering anything', () => {
    const bad = renderAll('--out', join(tmp.dir, 'x'), '--cuts', 'explainer,nope');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(
      /--cuts: unknown cut "nope"; the cuts are explainer, explainer-vertical, explainer-square/,
    );
    const range = renderAll('--out', join(tmp.dir, 'x'), '--frames', '0-99999');
    expect(range.status).toBe(1);
    expect(range.stderr).toMatch(/--frames "0-99999"/);
    const help = renderAll('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/--skip-video/);
  });
});
