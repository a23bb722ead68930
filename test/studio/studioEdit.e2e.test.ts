import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { palette } from '../../src/components/palette';
import { renderStill } from '../../src/render/renderStill';
import { outroLook } from '../../src/scenes/Outro.look';
import { parseScript } from '../../src/script/script';
import { replaceSceneSection, sceneSections, sceneSectionText } from '../../src/studio/shared/scriptEdit';
import { REPO_ROOT, startStudio, type RunningStudio } from '../../src/studio/server/studioServer';
import { buildTimeline } from '../../src/timeline/buildTimeline';
import type { Timeline, VoiceTimings } from '../../src/timeline/types';
import { decodePngScaled, pixelDiff } from './pixels';

/**
 * Studio v2 end to end: the narration panel, bookmark drags, the look panel,
 * the render queue and the write guards, driving the real studio in Debian's
 * Chromium. The studio works on a temporary copy of the files it writes
 * (captions/, public/voice/, src/scenes/*.look.json), so the repo's files never
 * change; the test checks that too.
 */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'];
const SLOW = { timeout: 60_000, interval: 200 };
// Voicing runs festival and a two-pass loudnorm on a busy shared machine; the first run fills the voice cache.
const VOICE = { timeout: 240_000, interval: 500 };
const SCRIPT = 'captions/narration.script.md';

let project: string;
let studio: RunningStudio;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

/** sha256 of every file under `dir` (relative path -> hash). */
function treeHashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (name === '.cache') continue;
      if (statSync(full).isDirectory()) walk(full);
      else out[relative(dir, full)] = createHash('sha256').update(readFileSync(full)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

const repoFilesBefore = treeHashes(join(REPO_ROOT, 'captions'));
const readProject = (rel: string) => readFileSync(join(project, rel), 'utf8');
const timingsNow = (): VoiceTimings => JSON.parse(readProject('captions/timings.json')) as VoiceTimings;
const timelineNow = (): Timeline => buildTimeline(timingsNow(), 30);

/** Fonts loaded and two animation frames drawn (the stage's canvas shows the current frame). */
async function settle(): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
  });
}

async function frameNow(): Promise<number> {
  return Number(await page.textContent('[data-testid="frame-number"]'));
}

async function openStudio(query: string): Promise<void> {
  await page.goto(`${studio.url}${query}`, { waitUntil: 'load', timeout: 180_000 });
  await page.waitForSelector('[data-testid="frame-number"]', { timeout: 180_000 });
}

/** Opens the explainer (or `composition`) at `frame`, as a link would. */
async function seekTo(frame: number, composition = 'explainer'): Promise<void> {
  await openStudio(`?composition=${composition}&frame=${frame}`);
  await expect.poll(frameNow, SLOW).toBe(frame);
}

/** The caption word of the timeline at `frame`, and its index in its scene. */
function wordAt(timeline: Timeline, frame: number): { sceneId: string; index: number; text: string } {
  const scene = timeline.scenes.find((s) => frame >= s.startFrame && frame < s.startFrame + s.durationFrames)!;
  const words = timeline.captions.filter((c) => {
    const f = Math.round((c.startMs / 1000) * 30);
    return f >= scene.startFrame && f < scene.startFrame + scene.durationFrames;
  });
  let index = -1;
  words.forEach((w, i) => {
    if (Math.round((w.startMs / 1000) * 30) <= frame) index = i;
  });
  return { sceneId: scene.id, index, text: words[index]!.text.trim() };
}

/** Frame in the middle of word `index` of scene `sceneId`. */
function wordFrame(timeline: Timeline, sceneId: string, index: number): number {
  const scene = timeline.scenes.find((s) => s.id === sceneId)!;
  const words = timeline.captions.filter((c) => {
    const f = Math.round((c.startMs / 1000) * 30);
    return f >= scene.startFrame && f < scene.startFrame + scene.durationFrames;
  });
  const w = words[index]!;
  return Math.round((((w.startMs + w.endMs) / 2) * 30) / 1000);
}

beforeAll(async () => {
  // A copy of the files the studio writes; the voice cache is shared with the repo's (content-addressed).
  project = mkdtempSync(join(tmpdir(), 'studio-project-'));
  cpSync(join(REPO_ROOT, 'captions'), join(project, 'captions'), { recursive: true });
  cpSync(join(REPO_ROOT, 'public'), join(project, 'public'), { recursive: true });
  mkdirSync(join(project, 'src', 'scenes'), { recursive: true });
  for (const f of readdirSync(join(REPO_ROOT, 'src', 'scenes')).filter((n) => n.endsWith('.look.json')))
    cpSync(join(REPO_ROOT, 'src', 'scenes', f), join(project, 'src', 'scenes', f));
  mkdirSync(join(REPO_ROOT, '.cache'), { recursive: true });
  symlinkSync(join(REPO_ROOT, '.cache'), join(project, '.cache'));
  studio = await startStudio({
    port: 0,
    logLevel: 'error',
    projectDir: project,
    cacheDir: join(REPO_ROOT, 'node_modules', '.vite-studio-edit-test'),
    log: () => {},
  });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  page.on('pageerror', (e) => pageErrors.push(e.message));
}, 300_000);

afterAll(async () => {
  await browser?.close().catch(() => {});
  await studio?.close().catch(() => {});
  if (project) rmSync(project, { recursive: true, force: true });
});

describe('studio v2: safety', () => {
  it('refuses writes from another origin or without one (403), and any path outside the project; nothing changes on disk', async () => {
    const before = treeHashes(project);
    const origin = studio.url.replace(/\/$/, '');
    const script = readProject(SCRIPT);
    const evil = { Origin: 'http://evil.example' };
    const put = (path: string, body: string, headers: Record<string, string>) =>
      fetch(`${studio.url}${path}`, { method: 'PUT', body, headers });

    expect((await put('api/narration', 'hacked', { ...evil, 'Content-Type': 'text/plain' })).status).toBe(403);
    expect((await put('api/narration', 'hacked', { 'Content-Type': 'text/plain' })).status).toBe(403);
    expect((await put('api/props/mg-expulsion', '{"title":"hacked"}', evil)).status).toBe(403);
    expect(
      (
        await fetch(`${studio.url}api/render`, {
          method: 'POST',
          body: '{"compositionId":"placeholder"}',
          headers: evil,
        })
      ).status,
    ).toBe(403);
    expect((await fetch(`${studio.url}api/narration/undo`, { method: 'POST', headers: evil })).status).toBe(403);

    // From the studio's own origin, paths that leave the project are refused.
    const traversal = await put('api/props/..%2F..%2F..%2Fpackage.json', '{}', { Origin: origin });
    expect(traversal.status).toBe(404);
    const outside = await fetch(`${studio.url}api/output/..%2F..%2Fpackage.json`);
    expect(outside.status).toBe(400);
    const peaks = await fetch(`${studio.url}api/peaks?src=${encodeURIComponent('../../package.json')}`);
    expect(peaks.status).toBe(400);

    expect(treeHashes(project)).toEqual(before);
    expect(readProject(SCRIPT)).toBe(script);
    expect(await (await fetch(`${studio.url}api/render`)).json()).toEqual([]);
    expect(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).toContain('"name": "ltp-explainer"');
  });
});

describe('studio v2: narration panel', { timeout: 400_000 }, () => {
  it('re-voices an edited scene in place: script, timings, captions, waveform, lengths; the playhead stays on its word', async () => {
    const tl = timelineNow();
    // The third word of the calcium scene (any scene with enough words works).
    const sceneId = tl.scenes[3]!.id;
    const at = wordFrame(tl, sceneId, 2);
    const wordBefore = wordAt(tl, at);
    const totalBefore = tl.totalFrames;
    await openStudio(`?composition=explainer&frame=${at}`);
    await expect.poll(() => page.textContent('[data-testid="scene-name"]'), SLOW).toBe(sceneId);
    const peaksRequests: string[] = [];
    page.on('request', (r) => r.url().includes('/api/peaks') && peaksRequests.push(r.url()));

    // Insert a word before the playhead's word: "So," at the start of the scene's narration.
    const editor = page.locator('[data-testid="script-text"]');
    const section = await editor.inputValue();
    expect(section.startsWith(`## ${sceneId}`)).toBe(true);
    const lines = section.split('\n');
    const first = lines.findIndex((l, i) => i > 0 && l.trim() !== '' && !/^title\s*:/.test(l) && !l.startsWith('>'));
    lines[first] = `So, ${lines[first]}`;
    await editor.fill(lines.join('\n'));
    const voicedAt = Date.now();
    await page.click('[data-testid="revoice"]');
    await expect.poll(() => page.textContent('[data-testid="revoice"]'), VOICE).toBe('Re-voice');
    console.log(`re-voice of one scene took ${Date.now() - voicedAt} ms (shared machine)`);
    expect(await page.locator('[data-testid="script-issue"]').count()).toBe(0);

    // Files: the script with the edit, timings with one more word in that scene, captions with it.
    expect(readProject(SCRIPT)).toContain(`So, ${lines[first]!.slice(4)}`);
    const after = timelineNow();
    const parsed = parseScript(readProject(SCRIPT));
    const words = timingsNow().scenes.find((s) => s.id === sceneId)!.words;
    expect(words.length).toBe(parsed.scenes.find((s) => s.id === sceneId)!.words.length);
    expect(words[0]!.text).toBe('So,');
    expect(readProject('captions/narration.vtt')).toContain('So,');
    expect(after.totalFrames).toBeGreaterThan(totalBefore);

    // The studio: new length in the transport, the playhead on the same word, the waveform fetched again.
    // (The new length and the move to the word arrive with the hot update, which may come after the answer.)
    const label = async () => (await page.textContent('[data-testid="frame-label"]'))!.trim();
    await expect
      .poll(async () => (await label()).replace(/^frame \d+/, 'frame N'), SLOW)
      .toBe(`frame N / ${after.totalFrames - 1}`);
    await expect.poll(async () => wordAt(after, await frameNow()).text, SLOW).toBe(wordBefore.text);
    expect(wordAt(after, await frameNow()).index).toBe(wordBefore.index + 1);
    expect(await label()).toBe(`frame ${await frameNow()} / ${after.totalFrames - 1}`);
    await expect.poll(() => peaksRequests.some((u) => /[?&]v=[1-9]/.test(u)), SLOW).toBe(true);
    // The frame shows the new word in its burned-in caption.
    await seekTo(
      Math.round((words[0]!.startMs / 1000) * 30) + after.scenes.find((s) => s.id === sceneId)!.audioStartFrame + 2,
    );
    await expect.poll(() => page.locator('[data-composition]').textContent(), SLOW).toContain('So,');
  });

  it('undoes and redoes across saves', async () => {
    const edited = readProject(SCRIPT);
    await page.click('[data-testid="narration-undo"]');
    await expect.poll(() => readProject(SCRIPT) !== edited, VOICE).toBe(true);
    expect(readProject(SCRIPT)).not.toContain('So, ');
    await expect.poll(() => page.isEnabled('[data-testid="narration-redo"]'), VOICE).toBe(true);
    await page.click('[data-testid="narration-redo"]');
    await expect.poll(() => readProject(SCRIPT), VOICE).toBe(edited);
  });

  it('shows a script error under its line with the CLI message, and writes nothing', async () => {
    const tl = timelineNow();
    const intro = tl.scenes[0]!;
    await seekTo(intro.startFrame + 5);
    const before = treeHashes(project);
    const script = readProject(SCRIPT);
    const required = Object.keys(intro.bookmarkFrames)[0]!;
    const section = sceneSectionText(script, intro.id)!;
    // Misspell the required bookmark: unknown bookmark + missing bookmark.
    const broken = section.includes(`{${required}}`)
      ? section.replace(`{${required}}`, `{${required}|${required}x}`)
      : section.replace(`|${required}}`, `|${required}x}`);
    expect(broken).not.toBe(section);
    await page.locator('[data-testid="script-text"]').fill(broken);
    await page.click('[data-testid="revoice"]');
    await expect.poll(() => page.locator('[data-testid="script-issue"]').count(), SLOW).toBeGreaterThan(0);

    // The CLI on the same text says the same, line for line.
    const cliDir = mkdtempSync(join(tmpdir(), 'studio-cli-'));
    try {
      mkdirSync(join(cliDir, 'captions'));
      writeFileSync(join(cliDir, SCRIPT), replaceSceneSection(script, intro.id, broken));
      const cli = spawnSync(join(REPO_ROOT, 'node_modules/.bin/tsx'), [join(REPO_ROOT, 'src/voiceover/cli.ts')], {
        cwd: cliDir,
        encoding: 'utf8',
      });
      expect(cli.status).toBe(1);
      const cliIssues = [...cli.stderr.matchAll(/captions\/narration\.script\.md:(\d+): (.*)/g)].map((m) => ({
        line: Number(m[1]),
        message: m[2],
      }));
      expect(cliIssues.length).toBeGreaterThan(0);
      const shown = await page.$$eval('[data-testid="script-issue"]', (els) =>
        els.map((e) => ({ line: Number(e.getAttribute('data-line')), text: e.textContent })),
      );
      expect(shown.map((s) => s.text)).toEqual(cliIssues.map((i) => `line ${i.line}: ${i.message}`));
      // Inline: an issue about a line of this scene sits in the editor, under that line.
      const headingLine = sceneSections(script).find((s) => s.id === intro.id)!.headingLine;
      expect(shown.some((s) => s.line >= headingLine)).toBe(true);
      // ...and covers no line: its line's number is above it, the next line's below it.
      const placed = await page.$$eval('[data-testid="script-editor"] [data-testid="script-issue"]', (els) =>
        els.map((e) => {
          const box = e.getBoundingClientRect();
          const line = Number(e.getAttribute('data-line'));
          const row = (n: number) => document.querySelector(`[data-testid="script-editor"] .gutter [data-line="${n}"]`);
          const own = row(line)!.getBoundingClientRect();
          const next = row(line + 1)?.getBoundingClientRect();
          return { line, under: box.top >= own.bottom - 0.5, clear: !next || next.top >= box.bottom - 0.5 };
        }),
      );
      expect(placed.length).toBeGreaterThan(0);
      expect(placed.filter((p) => !p.under || !p.clear)).toEqual([]);
    } finally {
      rmSync(cliDir, { recursive: true, force: true });
    }
    // Typing below a problem hides the problems (the text is no longer the refused one) and joins the boxes
    // into one without losing the caret: the next key lands right after the first.
    await page.locator('[data-testid="script-text-more"]').first().click();
    await page.keyboard.press('End');
    await page.keyboard.type('Z');
    await expect.poll(() => page.locator('[data-testid="script-issue"]').count(), SLOW).toBe(0);
    await page.keyboard.type('Q');
    expect(await page.locator('[data-testid="script-text"]').count()).toBe(1);
    expect(await page.locator('[data-testid="script-text"]').inputValue()).toMatch(/ZQ(\n|$)/);
    expect(treeHashes(project)).toEqual(before);
  });

  it('refuses a narration over 60 s with the CLI message, and writes nothing', async () => {
    const tl = timelineNow();
    const scene = tl.scenes[tl.scenes.length - 1]!;
    await seekTo(scene.startFrame + 5);
    const before = treeHashes(project);
    const section = sceneSectionText(readProject(SCRIPT), scene.id)!;
    const long = `${section}\n${'Memory needs many proteins, made over hours, to last a lifetime. '.repeat(4)}`;
    await page.locator('[data-testid="script-text"]').fill(long);
    await page.click('[data-testid="revoice"]');
    await expect.poll(() => page.locator('[data-testid="script-issue"]').count(), VOICE).toBeGreaterThan(0);
    const text = await page.locator('[data-testid="script-issue"]').first().textContent();
    expect(text).toMatch(/over the 60\.0 s limit\. Longest scenes: /);
    expect(treeHashes(project)).toEqual(before);
  });
});

describe('studio v2: bookmarks on the timeline', { timeout: 400_000 }, () => {
  it('drags a bookmark onto another word: the script markup, the timings and the scene event follow', async () => {
    // The outro's "Late" line fades in to be fully shown on its bookmark word ("late"); move the bookmark
    // to the last word before the next bookmark ("ltd"), and the line must wait for that word.
    const tl = timelineNow();
    const outro = tl.scenes.find((s) => s.id === 'outro')!;
    const name = 'late';
    const frameBefore = outro.bookmarkFrames[name]!;
    const nextBookmark = outro.bookmarkFrames['ltd']!;
    const frameOf = (c: { startMs: number }) => Math.round((c.startMs / 1000) * 30);
    const words = tl.captions.filter((c) => frameOf(c) > frameBefore && frameOf(c) < nextBookmark);
    const last = words[words.length - 1]!;
    const lastFrame = frameOf(last);
    const between = Math.round((frameBefore + lastFrame) / 2);
    expect(lastFrame - between).toBeGreaterThan(outroLook.schema.parse({}).lateFadeFrames);
    await seekTo(between);
    const lateLine = page.locator('[data-composition] b', { hasText: /^Late$/ });
    const cardOpacity = () => lateLine.evaluate((el) => Number(getComputedStyle(el.parentElement!).opacity));
    await expect.poll(cardOpacity, SLOW).toBe(1);

    const track = (await page.locator('[data-testid="timeline-track"]').boundingBox())!;
    const marker = (await page.locator(`[data-bookmark="${name}"]`).boundingBox())!;
    const x = (f: number) => track.x + ((f + 0.5) / tl.totalFrames) * track.width;
    await page.mouse.move(marker.x + marker.width / 2, marker.y + marker.height / 2);
    await page.mouse.down();
    await page.mouse.move(x(lastFrame), marker.y + marker.height / 2, { steps: 8 });
    await expect.poll(() => page.textContent('[data-testid="bookmark-target"]'), SLOW).toContain(last.text.trim());
    await page.mouse.up();

    const expected = new RegExp(
      `\\{${last.text
        .trim()
        .replace(/[.,;:!?]+$/, '')
        .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\|${name}\\}`,
    );
    await expect.poll(() => readProject(SCRIPT), VOICE).toMatch(expected);
    await expect
      .poll(() => timelineNow().scenes.find((s) => s.id === 'outro')!.bookmarkFrames[name], VOICE)
      .toBe(lastFrame);
    // The marker and the scene event moved with the word: at the in-between frame the card is not shown yet.
    await expect
      .poll(async () => (await page.getAttribute(`[data-bookmark="${name}"]`, 'title')) ?? '', SLOW)
      .toContain(`at frame ${lastFrame}`);
    await seekTo(between);
    await expect.poll(cardOpacity, SLOW).toBe(0);
  });
});

describe('studio v2: look panel', { timeout: 200_000 }, () => {
  it('builds controls from the scene schema, previews live, saves the JSON beside the scene', async () => {
    const tl = timelineNow();
    const mg = tl.scenes.find((s) => s.id === 'mg-expulsion')!;
    await seekTo(mg.startFrame + Math.round(mg.durationFrames / 2));
    const file = 'src/scenes/MgExpulsion.look.json';
    const savedBefore = readProject(file);
    const stage = page.locator('[data-composition]');
    await expect.poll(() => stage.textContent(), SLOW).toContain('NMDA receptor');

    await page.locator('[data-look-field="receptorLabel"] input').fill('NMDA channel');
    await page.locator('[data-look-field="receptorColour"] [data-swatch="calcium"]').click();
    // Live: the stage shows it before anything is saved.
    await expect.poll(() => stage.textContent(), SLOW).toContain('NMDA channel');
    const strokes = await stage.locator('svg line').evaluateAll((ls) => ls.map((l) => l.getAttribute('stroke')));
    expect(strokes).toContain(palette.calcium);
    expect(readProject(file)).toBe(savedBefore);

    // An invalid value is shown at its field and cannot be saved.
    await page.locator('[data-look-field="title"] input').fill('');
    await expect.poll(() => page.locator('[data-look-field="title"] .field-error').count(), SLOW).toBe(1);
    expect(await page.isDisabled('[data-testid="look-save"]')).toBe(true);
    await page.locator('[data-look-field="title"] input').fill('A coincidence detector');

    await page.click('[data-testid="look-save"]');
    await expect.poll(() => page.textContent('[data-testid="look-status"]'), SLOW).toContain(`saved ${file}`);
    expect(JSON.parse(readProject(file))).toEqual({ receptorLabel: 'NMDA channel', receptorColour: 'calcium' });
    // After a reload (no draft any more) the saved look is what the scene draws.
    await openStudio(new URL(page.url()).search);
    await expect.poll(() => stage.textContent(), SLOW).toContain('NMDA channel');
  });

  it("reframes a scene's camera from the look panel: the stage changes, the JSON is saved, npm run still draws it", async () => {
    const tl = timelineNow();
    const ca = tl.scenes.find((s) => s.id === 'calcium-surge')!;
    const frame = ca.startFrame + Math.round(ca.durationFrames / 2);
    await seekTo(frame);
    const file = 'src/scenes/CalciumSurge.look.json';
    const stage = page.locator('[data-composition]');
    await expect.poll(() => page.textContent('[data-testid="look-panel"] header'), SLOW).toContain('calcium-surge');
    const labelDot = async () =>
      stage.locator('svg circle').evaluateAll((cs) => cs.map((c) => `${c.getAttribute('cx')},${c.getAttribute('cy')}`));
    await settle();
    const before = decodePngScaled(await stage.screenshot(), 192, 108);
    const dotsBefore = await labelDot();

    await page.locator('[data-look-field="cameraZoom"] input').fill('1.4');
    await page.locator('[data-look-field="cameraOrbitDeg"] input').fill('-25');
    // Live: the 3D stage is drawn from the new shot, and the labels' dots follow the things they name.
    await expect.poll(labelDot, SLOW).not.toEqual(dotsBefore);
    await settle();
    const previewPng = await stage.screenshot();
    const preview = decodePngScaled(previewPng, 192, 108);
    const changed = pixelDiff(before, preview);
    console.log(
      `camera framing preview: mean |diff| ${changed.meanAbs.toFixed(2)}, over 24: ${(changed.fractionOver(24) * 100).toFixed(1)} %`,
    );
    expect(changed.fractionOver(24)).toBeGreaterThan(0.05);
    expect(readProject(file)).toBe('{}\n');

    await page.click('[data-testid="look-save"]');
    await expect.poll(() => page.textContent('[data-testid="look-status"]'), SLOW).toContain(`saved ${file}`);
    expect(JSON.parse(readProject(file))).toEqual({ cameraZoom: 1.4, cameraOrbitDeg: -25 });

    // The render reads the saved look: `npm run still -- --project` (the studio's copy) draws what the studio showed,
    // the repo's files (no --project) the old framing.
    const stills = mkdtempSync(join(tmpdir(), 'studio-look-still-'));
    try {
      await renderStill({ compositionId: 'explainer', frame, outPath: join(stills, 'copy.png'), projectDir: project });
      await renderStill({ compositionId: 'explainer', frame, outPath: join(stills, 'repo.png') });
      const copy = decodePngScaled(readFileSync(join(stills, 'copy.png')), 192, 108);
      const repo = decodePngScaled(readFileSync(join(stills, 'repo.png')), 192, 108);
      const toCopy = pixelDiff(preview, copy);
      const toRepo = pixelDiff(preview, repo);
      console.log(
        `studio (reframed) vs still of the copy: mean |diff| ${toCopy.meanAbs.toFixed(2)}; vs the repo's: ${toRepo.meanAbs.toFixed(2)}`,
      );
      expect(toCopy.meanAbs).toBeLessThan(3);
      expect(toRepo.meanAbs).toBeGreaterThan(toCopy.meanAbs * 2);
      expect(pixelDiff(before, repo).meanAbs).toBeLessThan(3);
    } finally {
      rmSync(stills, { recursive: true, force: true });
      writeFileSync(join(project, file), '{}\n');
    }
  });

  it('names the file and the field when a look file is invalid', async () => {
    const file = join(project, 'src/scenes/MgExpulsion.look.json');
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, JSON.stringify({ receptorColour: 'pink' }));
    try {
      await expect
        .poll(async () => (await page.locator('[data-testid="module-error"]').allTextContents()).join('\n'), SLOW)
        .toContain('src/scenes/MgExpulsion.look.json: field "receptorColour"');
    } finally {
      writeFileSync(file, good);
    }
    await expect.poll(() => page.locator('[data-testid="module-error"]').count(), SLOW).toBe(0);
  });
});

describe('studio v2: render queue', { timeout: 900_000 }, () => {
  it('queues jobs, shows progress with fps and ETA, cancels, links the output and its check, survives a reload', async () => {
    // One second (a 2-frame file has no meaningful frame rate for the check), then ten seconds.
    await openStudio('?composition=placeholder&frame=0&range=0-29');
    const outPath = join(REPO_ROOT, 'out', 'studio', 'placeholder_0-29.mp4');
    rmSync(outPath, { force: true });
    await page.click('[data-testid="render-button"]');
    await openStudio('?composition=placeholder&frame=0&range=0-299');
    await page.click('[data-testid="render-button"]');
    const job = (id: number) => page.locator(`[data-job-id="${id}"]`);
    await expect.poll(() => job(2).getAttribute('data-status'), SLOW).toBe('queued');

    // Reload: the queue is still there.
    await openStudio('?composition=placeholder&frame=0');
    await expect.poll(() => page.locator('[data-testid="render-job"]').count(), SLOW).toBe(2);
    await expect.poll(() => job(1).getAttribute('data-status'), { timeout: 300_000, interval: 1000 }).toBe('done');
    await expect
      .poll(() => job(1).locator('[data-testid="job-check"]').textContent(), SLOW)
      .toMatch(/check:outputs (pass|fail)/);
    const checkText = (await job(1).locator('[data-testid="job-check"]').textContent())!;
    expect(checkText, (await job(1).locator('table.checks').textContent()) ?? '').toContain('pass');
    const href = (await job(1).locator('[data-testid="job-output"]').getAttribute('href'))!;
    const video = await fetch(new URL(href, studio.url));
    expect(video.status).toBe(200);
    expect(video.headers.get('content-type')).toBe('video/mp4');
    expect((await video.arrayBuffer()).byteLength).toBe(statSync(outPath).size);

    // Job 2 runs after job 1: progress with frames, fps and ETA; cancel it.
    await expect
      .poll(() => job(2).locator('[data-testid="job-progress"]').textContent(), { timeout: 300_000, interval: 500 })
      .toMatch(/capture +\d+\/300 frames \(\d+%\) · [\d.]+ fps · ETA \d+:\d\d/);
    await job(2).locator('[data-testid="job-cancel"]').click();
    await expect.poll(() => job(2).getAttribute('data-status'), SLOW).toBe('cancelled');
    rmSync(outPath, { force: true });
  });
});

describe('studio v2: the repo', () => {
  it("never changed the repo's captions, and the page had no uncaught errors", () => {
    expect(treeHashes(join(REPO_ROOT, 'captions'))).toEqual(repoFilesBefore);
    expect(existsSync(join(REPO_ROOT, 'captions', '.narration.script.studio-pending.md'))).toBe(false);
    expect(pageErrors).toEqual([]);
  });
});
