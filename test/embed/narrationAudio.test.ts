/**
 * The narration for the web (Opus/WebM, AAC/MP4) against the master WAV:
 * loudness unchanged (-16 LUFS), size as stated, and frame-exact after the
 * encoder delay (Opus pre-skip, AAC priming) is taken off, both by ffmpeg and
 * by Chromium's own decoder.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bestLag, firstOnset } from '../../src/embed/audioOffset';
import { MAX_NARRATION_OFFSET_SAMPLES, NARRATION_WAV } from '../../src/embed/buildEmbed';
import { serveEmbed, type EmbedServer } from '../../src/embed/embedServer';
import {
  decodeToPcm,
  encodeNarration,
  MAX_SEARCHED_OFFSET_SAMPLES,
  WEB_AUDIO_FORMATS,
} from '../../src/embed/narrationAudio';
import { loudnessProblems, measureLoudness } from '../../src/voiceover/loudness';
import { makeTempDir } from '../publish/mediaFixtures';

const tmp = makeTempDir('embed-audio');
let master: Float32Array;
let masterLufs: number;
const durationS = () => master.length / 48_000;

beforeAll(async () => {
  master = await decodeToPcm(NARRATION_WAV);
  masterLufs = (await measureLoudness(NARRATION_WAV)).integratedLufs;
  for (const format of WEB_AUDIO_FORMATS)
    await encodeNarration(NARRATION_WAV, format, join(tmp.dir, `n.${format.ext}`));
}, 180_000);

afterAll(() => tmp.cleanup());

describe.each(WEB_AUDIO_FORMATS.map((f) => [f.ext, f] as const))('narration as %s', (ext, format) => {
  const file = () => join(tmp.dir, `n.${ext}`);

  it('keeps the master loudness (-16 LUFS, within 0.3 LU) and the true-peak ceiling', async () => {
    const m = await measureLoudness(file());
    expect(loudnessProblems(m)).toEqual([]);
    expect(Math.abs(m.integratedLufs - masterLufs)).toBeLessThanOrEqual(0.3);
  });

  it('is about its stated bitrate, a fraction of the WAV', () => {
    const kbps = (statSync(file()).size * 8) / durationS() / 1000;
    expect(kbps).toBeGreaterThan((format.bitrate / 1000) * 0.6);
    expect(kbps).toBeLessThan((format.bitrate / 1000) * 1.25);
    expect(statSync(file()).size).toBeLessThan(statSync(NARRATION_WAV).size / 8);
  });

  it('starts on time after ffmpeg applies the encoder delay (pre-skip / edit list)', async () => {
    const decoded = await decodeToPcm(file());
    const { lagSamples, correlation } = bestLag(master, decoded, MAX_SEARCHED_OFFSET_SAMPLES, 24_000);
    expect(correlation).toBeGreaterThan(0.95);
    expect(Math.abs(lagSamples)).toBeLessThanOrEqual(MAX_NARRATION_OFFSET_SAMPLES);
    // And the whole voice is there: the same length within one 20 ms Opus/AAC frame.
    expect(Math.abs(decoded.length - master.length)).toBeLessThanOrEqual(960);
  });
});

describe('in Chromium', { timeout: 120_000 }, () => {
  let browser: Browser;
  let server: EmbedServer;
  beforeAll(async () => {
    server = await serveEmbed(tmp.dir);
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each(WEB_AUDIO_FORMATS.map((f) => [f.ext, f] as const))(
    'plays %s and decodes it frame-exact against the master',
    async (ext, format) => {
      const page = await browser.newPage();
      await page.goto(`${server.origin}/no-page`); // a 404 page on the same origin, for fetch()
      expect(await page.evaluate((type) => document.createElement('audio').canPlayType(type), format.mime)).not.toBe(
        '',
      );
      // The first 4 s around the voice's onset, decoded by Chromium's own media stack at 48 kHz.
      const onsetS = firstOnset(master) / 48_000;
      const samples = await page.evaluate(
        async ({ url, fromS }) => {
          const data = await (await fetch(url)).arrayBuffer();
          const ctx = new OfflineAudioContext(1, 48_000, 48_000);
          const buffer = await ctx.decodeAudioData(data);
          const ch = buffer.getChannelData(0);
          const from = Math.max(0, Math.floor((fromS - 1) * 48_000));
          return { rate: buffer.sampleRate, head: Array.from(ch.subarray(0, from + 4 * 48_000)) };
        },
        { url: `/n.${ext}`, fromS: onsetS },
      );
      expect(samples.rate).toBe(48_000);
      const decoded = Float32Array.from(samples.head);
      const { lagSamples, correlation } = bestLag(master, decoded, MAX_SEARCHED_OFFSET_SAMPLES, 24_000);
      expect(correlation).toBeGreaterThan(0.95);
      expect(Math.abs(lagSamples)).toBeLessThanOrEqual(MAX_NARRATION_OFFSET_SAMPLES);
      await page.close();
    },
  );
});
