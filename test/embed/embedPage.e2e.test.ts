/**
 * End-to-end: the article embed built into a temp publishing set, served on
 * 127.0.0.1 like a production static host (brotli, byte ranges), driven in
 * Debian's headless Chromium: the light first paint, the player loaded on
 * Play, its controls, and the page with JavaScript turned off.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCues } from '../../src/captions';
import { writeCaptionSidecars } from '../../src/captions/sidecars';
import {
  buildEmbed,
  EMBED_DEMO_PAGE,
  EMBED_NOSCRIPT_STYLESHEET,
  EMBED_SCRIPT,
  EMBED_SNIPPET,
  EMBED_STYLESHEET,
} from '../../src/embed/buildEmbed';
import { serveEmbed, type EmbedServer } from '../../src/embed/embedServer';
import { explainerTimeline } from '../../src/story/narration';
import { makeTempDir, makeTestMp4 } from '../publish/mediaFixtures';

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
let server: EmbedServer;
let browser: Browser;
/** One page opened paused from the transcript (reduced motion), shared by the manual-control tests below, in order. */
let manual: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  // The publishing set the embed is made from: a short stand-in MP4 (the real cut takes ~10 min to render;
  // the embed only links it for the no-script fallback) and the real caption sidecars. The poster is
  // rendered by buildEmbed itself (it is missing here), from the real composition.
  makeTestMp4(join(tmp.dir, 'explainer.mp4'), { width: 640, height: 360, durationS: 2, toneVolume: 0.2 });
  await writeCaptionSidecars(join(tmp.dir, 'explainer.mp4'), explainerTimeline);
  await buildEmbed({ outDir: embedDir, publishDir: tmp.dir, logLevel: 'error', log: () => undefined });
  server = await serveEmbed(embedDir);
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  tmp.cleanup();
});

interface OpenedPage {
  page: Page;
  /** Paths requested so far, in order. */
  requests: string[];
  /** Encoded (on-the-wire) body bytes per path. */
  bytes: Map<string, number>;
}

async function openPage(options: BrowserContextOptions = {}): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, ...options });
  const page = await context.newPage();
  const requests: string[] = [];
  const bytes = new Map<string, number>();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  page.on('requestfinished', (r) => {
    void r.sizes().then((s) => bytes.set(new URL(r.url()).pathname, s.responseBodySize + s.responseHeadersSize));
  });
  if (options.javaScriptEnabled !== false) {
    // Collects CSP violations: the demo page carries the strict policy docs/embed.md gives the web team.
    await page.addInitScript(() => {
      const w = window as unknown as { cspViolations: string[] };
      w.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        w.cspViolations.push(`${e.effectiveDirective} ${e.blockedURI}`),
      );
    });
  }
  await page.goto(`${server.origin}/${EMBED_DEMO_PAGE}`, { waitUntil: 'load' });
  return { page, requests, bytes };
}

/** Presses the poster's Play and waits for the live player. */
async function pressPlay(page: Page): Promise<void> {
  // Generous: the player computes the synapse simulation when it loads (the main thread is busy
  // for seconds, and Playwright's click waits for it), and the machine is shared.
  await page.getByRole('button', { name: /^Play: / }).click({ timeout: 150_000 });
  await page.waitForSelector('.ltp-embed[data-frame]', { timeout: 150_000 });
}

const attr = async (page: Page, name: string) => (await page.locator('.ltp-embed').getAttribute(name)) ?? '';
const frameOf = async (page: Page) => Number(await attr(page, 'data-frame'));
const cspViolations = (page: Page) =>
  page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

describe('embed build', () => {
  it('writes the pages, the stable loader names, the no-script video and the web media', () => {
    for (const f of [
      EMBED_DEMO_PAGE,
      EMBED_SNIPPET,
      EMBED_SCRIPT,
      EMBED_STYLESHEET,
      EMBED_NOSCRIPT_STYLESHEET,
      'explainer.mp4',
      'explainer.vtt',
    ]) {
      expect(existsSync(join(embedDir, f)), f).toBe(true);
    }
    const assets = readdirSync(join(embedDir, 'assets'));
    expect(assets.some((f) => /^narration-[0-9a-f]{8}\.webm$/.test(f))).toBe(true);
    expect(assets.some((f) => /^narration-[0-9a-f]{8}\.m4a$/.test(f))).toBe(true);
    for (const ext of ['avif', 'webp', 'jpg']) {
      expect(assets.filter((f) => new RegExp(`^poster-\\d+-[0-9a-f]{8}\\.${ext}$`).test(f)).length, ext).toBe(5);
    }
    // No WAV travels with the embed any more.
    expect(assets.some((f) => f.endsWith('.wav'))).toBe(false);
  });

  it('writes a snippet whose every URL is under /media/ltp/ and names a file of the folder', () => {
    const snippet = readFileSync(join(embedDir, EMBED_SNIPPET), 'utf8');
    const urls = [...snippet.matchAll(/\s(?:src|href|poster)="([^"]+)"/g), ...snippet.matchAll(/([^\s",]+) \d+w/g)].map(
      (m) => m[1] ?? '',
    );
    expect(urls.length).toBeGreaterThan(15);
    for (const url of urls) {
      expect(url.startsWith('/media/ltp/'), url).toBe(true);
      expect(existsSync(join(embedDir, url.slice('/media/ltp/'.length))), url).toBe(true);
    }
    for (const key of ['webm', 'm4a']) {
      const file = new RegExp(`data-audio-${key}="([^"]+)"`).exec(snippet)?.[1] ?? '';
      expect(existsSync(join(embedDir, file)), file).toBe(true);
    }
  });
});

describe('first paint (before the reader acts)', { timeout: 240_000 }, () => {
  it('loads only the page, the stylesheet, the loader and one poster: no player code, no narration', async () => {
    const { page, requests, bytes } = await openPage();
    await page.waitForTimeout(1500); // anything lazy would start by now
    const own = requests.filter((p) => p !== '/demo-favicon.svg');
    expect(own.slice(0, 2)).toEqual([`/${EMBED_DEMO_PAGE}`, `/${EMBED_STYLESHEET}`]);
    expect(own).toContain(`/${EMBED_SCRIPT}`);
    const posters = own.filter((p) => /\/assets\/poster-/.test(p));
    expect(posters).toHaveLength(1);
    expect(posters[0]).toMatch(/\.avif$/); // Chromium takes the AVIF <source>
    expect(own.filter((p) => /mountPlayer|narration|\.mp4$|\.woff2?$/.test(p))).toEqual([]);
    const total = [...bytes.values()].reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(5_000);
    expect(total).toBeLessThan(200 * 1024);
    // The poster, the title, the Play button and the transcript are plain HTML.
    await expect(page.getByRole('button', { name: /^Play: / }).isVisible()).resolves.toBe(true);
    await expect(page.locator('.ltp-title').textContent()).resolves.toMatch(/long-term potentiation/);
    expect(await page.locator('button.ltp-line').count()).toBe(buildCues(explainerTimeline).length);
    expect(await cspViolations(page)).toEqual([]);
    await page.context().close();
  });
});

describe('embed player in headless Chromium', { timeout: 300_000 }, () => {
  it('plays on Play: the player and the Opus narration load then, the frame advances, Pause stops it', async () => {
    const { page, requests } = await openPage();
    await pressPlay(page);
    await expect.poll(() => attr(page, 'data-playing')).toBe('true');
    expect(requests.some((p) => /\/assets\/mountPlayer-.*\.js$/.test(p))).toBe(true);
    expect(requests.some((p) => /\/assets\/narration-.*\.webm$/.test(p))).toBe(true);
    const before = await frameOf(page);
    await page.waitForTimeout(1500);
    const after = await frameOf(page);
    expect(after - before).toBeGreaterThan(15); // 1.5 s at 30 fps is 45 frames; allow a slow machine
    await page.getByRole('button', { name: 'Pause' }).click();
    expect(await attr(page, 'data-playing')).toBe('false');
    const paused = await frameOf(page);
    await page.waitForTimeout(400);
    expect(await frameOf(page)).toBe(paused);
    // The strict CSP of the demo page holds for the whole player (scripts, styles, fonts, media, WebGL).
    expect(await cspViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('under reduced motion nothing moves or loads by itself; a transcript line opens the player paused there', async () => {
    const { page, requests } = await openPage({ reducedMotion: 'reduce' });
    await page.waitForTimeout(800);
    expect(await page.evaluate(() => document.getAnimations().length)).toBe(0);
    expect(requests.some((p) => /mountPlayer/.test(p))).toBe(false);
    const first = page.locator('button.ltp-line').first();
    const startFrame = Number(await first.getAttribute('data-start-frame'));
    await first.click({ timeout: 150_000 });
    await page.waitForSelector('.ltp-embed[data-frame]', { timeout: 150_000 });
    expect(await attr(page, 'data-reduced-motion')).toBe('true');
    expect(await frameOf(page)).toBe(startFrame);
    await page.waitForTimeout(800);
    expect(await attr(page, 'data-playing')).toBe('false');
    expect(await frameOf(page)).toBe(startFrame);
    await expect(page.getByRole('button', { name: 'Play', exact: true }).isVisible()).resolves.toBe(true);
    manual = page;
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
    expect(await cspViolations(manual)).toEqual([]);
    await manual.context().close();
  });

  it('raised no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});

describe('without JavaScript (no-script fallback)', { timeout: 120_000 }, () => {
  it('shows the main MP4 with its captions track, and the transcript; no Play poster', async () => {
    const { page, requests } = await openPage({ javaScriptEnabled: false });
    expect(requests).not.toContain(`/${EMBED_SCRIPT}`);
    const video = page.locator('video.ltp-video');
    await expect(video.isVisible()).resolves.toBe(true);
    expect(await video.locator('source').getAttribute('src')).toBe('./explainer.mp4');
    expect(await video.locator('source').getAttribute('type')).toBe('video/mp4');
    const track = video.locator('track[kind="captions"]');
    expect(await track.getAttribute('src')).toBe('./explainer.vtt');
    expect(await track.getAttribute('default')).not.toBeNull();
    expect(await track.getAttribute('srclang')).toBe('en');
    // The poster's Play button needs the script, so the no-script stylesheet hides it.
    await expect(page.locator('.ltp-poster').isVisible()).resolves.toBe(false);
    expect(requests).toContain(`/${EMBED_NOSCRIPT_STYLESHEET}`);
    // The transcript is there as text (no seek buttons without a script).
    const lines = page.locator('.ltp-transcript .ltp-line');
    expect(await lines.count()).toBe(buildCues(explainerTimeline).length);
    expect(await page.locator('button.ltp-line').count()).toBe(0);
    expect(await lines.first().textContent()).toContain(buildCues(explainerTimeline)[0]!.lines.join(' '));
    // The captions track is the default one, and Chromium loads it; the linked video plays.
    await expect.poll(() => requests.includes('/explainer.vtt')).toBe(true);
    expect(await video.evaluate((v: HTMLVideoElement) => v.textTracks[0]?.mode)).toBe('showing');
    await video.evaluate((v: HTMLVideoElement) => {
      v.muted = true;
      return v.play();
    });
    expect(requests).toContain('/explainer.mp4');
    await expect
      .poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 20_000 })
      .toBeGreaterThan(0);
    await page.context().close();
  });
});
