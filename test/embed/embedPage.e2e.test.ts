/**
 * End-to-end: the article-page player built with Vite, served by a plain
 * static file server on 127.0.0.1, driven in Debian's headless Chromium.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCues } from '../../src/captions';
import { buildEmbed, EMBED_SCRIPT, EMBED_STYLESHEET } from '../../src/embed/buildEmbed';
import { serveStatic, type StaticServer } from '../../src/render/staticServer';
import { explainerTimeline } from '../../src/story/narration';
import { makeTempDir } from '../publish/mediaFixtures';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const tmp = makeTempDir('embed-e2e');
const embedDir = join(tmp.dir, 'embed');
let server: StaticServer;
let browser: Browser;
/** One page that starts paused (reduced motion), shared by the manual-control tests below, in order. */
let manual: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  await buildEmbed({ outDir: embedDir, logLevel: 'error' });
  server = await serveStatic([embedDir]);
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  manual = await openPlayer('reduce');
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  tmp.cleanup();
});

async function openPlayer(reducedMotion: 'reduce' | 'no-preference'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, reducedMotion });
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  // Generous: the page computes the synapse simulation on load, and the machine is shared.
  await page.goto(`${server.origin}/index.html`, { timeout: 150_000 });
  await page.waitForSelector('.ltp-embed[data-frame]', { timeout: 150_000 });
  return page;
}

const attr = async (page: Page, name: string) => (await page.locator('.ltp-embed').getAttribute(name)) ?? '';
const frameOf = async (page: Page) => Number(await attr(page, 'data-frame'));

describe('embed build', () => {
  it('writes the page, the stable script and stylesheet names, and copies the narration', () => {
    for (const f of ['index.html', EMBED_SCRIPT, EMBED_STYLESHEET]) expect(existsSync(join(embedDir, f)), f).toBe(true);
    expect(readdirSync(join(embedDir, 'assets')).some((f) => /^narration-.*\.wav$/.test(f))).toBe(true);
  });
});

describe('embed page in headless Chromium', { timeout: 240_000 }, () => {
  it('plays: the frame advances in real time, and Pause stops it', async () => {
    const page = await openPlayer('no-preference');
    expect(await attr(page, 'data-reduced-motion')).toBe('false');
    await page
      .getByRole('button', { name: 'Play' })
      .click()
      .catch(() => undefined); // autoplay may already be on
    await expect.poll(() => attr(page, 'data-playing')).toBe('true');
    const before = await frameOf(page);
    await page.waitForTimeout(1500);
    const after = await frameOf(page);
    expect(after - before).toBeGreaterThan(15); // 1.5 s at 30 fps is 45 frames; allow a slow machine
    await page.getByRole('button', { name: 'Pause' }).click();
    expect(await attr(page, 'data-playing')).toBe('false');
    const paused = await frameOf(page);
    await page.waitForTimeout(400);
    expect(await frameOf(page)).toBe(paused);
    await page.context().close();
  });

  it('starts paused when the reader prefers reduced motion', async () => {
    const page = manual;
    expect(await attr(page, 'data-reduced-motion')).toBe('true');
    await page.waitForTimeout(800);
    expect(await attr(page, 'data-playing')).toBe('false');
    expect(await frameOf(page)).toBe(0);
    await expect(page.getByRole('button', { name: 'Play' }).isVisible()).resolves.toBe(true);
  });

  it('steps scene by scene with the arrow keys and lands on each scene start', async () => {
    const page = manual;
    const scenes = explainerTimeline.scenes;
    await page.locator('.ltp-stage').focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => frameOf(page)).toBe(scenes[1]!.startFrame);
    expect(await attr(page, 'data-scene')).toBe(scenes[1]!.id);
    expect(await attr(page, 'data-playing')).toBe('false');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => frameOf(page)).toBe(scenes[2]!.startFrame);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => frameOf(page)).toBe(scenes[1]!.startFrame);
    // The buttons do the same, and the scene label follows.
    await page.getByRole('button', { name: 'Next scene' }).click();
    await expect.poll(() => frameOf(page)).toBe(scenes[2]!.startFrame);
    await expect(page.locator('.ltp-scene').textContent()).resolves.toMatch(/^Scene 3 of 8: /);
    // Space on the stage plays.
    await page.locator('.ltp-stage').focus();
    await page.keyboard.press('Space');
    await expect.poll(() => attr(page, 'data-playing')).toBe('true');
    await page.keyboard.press('Space');
    await expect.poll(() => attr(page, 'data-playing')).toBe('false');
  });

  it('toggles the burned-in captions of the live composition', async () => {
    const page = manual;
    // Seek to the middle of the first cue so a caption is on screen.
    const cue = buildCues(explainerTimeline)[0]!;
    const frame = Math.round((((cue.startMs + cue.endMs) / 2) * 30) / 1000);
    await page.locator('.ltp-scrub').fill(String(frame));
    await expect.poll(() => frameOf(page)).toBe(frame);
    const button = page.getByRole('button', { name: 'Captions' });
    expect(await button.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page.locator('[data-composition] .burned-captions').count()).toBe(1);
    await button.click();
    expect(await button.getAttribute('aria-pressed')).toBe('false');
    expect(await attr(page, 'data-captions')).toBe('off');
    await expect.poll(() => page.locator('[data-composition] .burned-captions').count()).toBe(0);
    await page.keyboard.press('c');
    await expect.poll(() => attr(page, 'data-captions')).toBe('on');
  });

  it('seeks to a transcript line when it is clicked', async () => {
    const page = manual;
    const cues = buildCues(explainerTimeline);
    const k = Math.min(6, cues.length - 1);
    const expectedFrame = Math.ceil((cues[k]!.startMs * 30) / 1000 - 1e-6);
    const line = page.locator('.ltp-line').nth(k);
    expect(await line.textContent()).toContain(cues[k]!.lines.join(' '));
    await line.click();
    await expect.poll(() => frameOf(page)).toBe(expectedFrame);
    expect(await line.getAttribute('aria-current')).toBe('true');
  });

  it('draws the 3D stage at the composition size inside the scaled player', async () => {
    // The frame is CSS-scaled to fit the page; each three.js canvas must still
    // fill its box in composition pixels (R3F measures with offsetWidth, not the
    // transformed bounding box), or the stage shows shrunk in a corner.
    const sizes = await manual.evaluate(() =>
      [...document.querySelectorAll('[data-composition] canvas')].map((c) => ({
        canvasCssWidth: parseFloat((c as HTMLCanvasElement).style.width),
        boxWidth: (c.parentElement as HTMLElement).offsetWidth,
      })),
    );
    expect(sizes.length).toBeGreaterThan(0);
    for (const s of sizes) expect(s.canvasCssWidth).toBeCloseTo(s.boxWidth, 0);
  });

  it('raised no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
