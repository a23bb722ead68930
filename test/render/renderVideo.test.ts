import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderVideo } from '../../src/render';

const dir = mkdtempSync(join(tmpdir(), 'render-test-'));
/** Real renders on a shared 2-core machine: generous time, still short ranges. */
const RENDER_TIMEOUT_MS = 300_000;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** One md5 per decoded frame (ffmpeg's framemd5 muxer: raw decoded pixels). */
function frameMd5s(file: string): string[] {
  const text = execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-map', '0:v:0', '-f', 'framemd5', '-'], {
    encoding: 'utf8',
  });
  return text
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split(',').pop()!.trim());
}

function probe(file: string) {
  const json = execFileSync(
    'ffprobe',
    ['-v', 'error', '-count_frames', '-show_streams', '-show_format', '-of', 'json', file],
    { encoding: 'utf8' },
  );
  return JSON.parse(json) as {
    streams: Array<Record<string, string | number>>;
    format: { duration: string; format_name: string };
  };
}

describe('renderVideo (placeholder, real Chromium + ffmpeg)', () => {
  it(
    'decodes to the same frames with 1 or 2 workers and 1 to 4 frames a screenshot (lossless, --crf 0)',
    async () => {
      // Lossy x264 output legitimately differs when a segment starts a new GOP, so
      // this compares lossless renders: any difference is a capture difference.
      // 21 frames: with 2 workers the second range starts at 211, so frames sit in
      // other filmstrip tiles than in the 1-worker render, and the last strip is part-filled.
      const renders = [
        { concurrency: 1, framesPerShot: 1 },
        { concurrency: 2, framesPerShot: 2 },
        { concurrency: 2, framesPerShot: 3 },
        { concurrency: 2, framesPerShot: undefined }, // the placeholder's own: 4
      ];
      const md5s: string[][] = [];
      for (const [i, r] of renders.entries()) {
        const out = join(dir, `split-${i}.mp4`);
        const result = await renderVideo({
          compositionId: 'placeholder',
          outPath: out,
          frameRange: [200, 220],
          crf: 0,
          ...r,
        });
        expect(result.concurrency).toBe(r.concurrency);
        expect(result.framesPerShot).toBe(r.framesPerShot ?? 4);
        md5s.push(frameMd5s(out));
      }
      const [reference, ...others] = md5s;
      expect(reference).toHaveLength(21);
      for (const other of others) expect(other).toEqual(reference);
      // consecutive frames differ, so equality above is not trivially true
      expect(new Set(reference).size).toBe(21);
    },
    RENDER_TIMEOUT_MS,
  );

  it(
    'writes H.264 High yuv420p 1920x1080 30 fps with AAC 48 kHz audio, the right frame count and duration',
    async () => {
      const out = join(dir, 'probe.mp4');
      const progress: number[] = [];
      await renderVideo({
        compositionId: 'placeholder',
        outPath: out,
        frameRange: '0-44',
        concurrency: 2,
        onProgress: (p) => progress.push(p.framesDone),
      });
      expect(Math.max(...progress)).toBe(45);
      const { streams, format } = probe(out);
      const video = streams.find((s) => s.codec_type === 'video')!;
      const audio = streams.find((s) => s.codec_type === 'audio')!;
      expect(video.codec_name).toBe('h264');
      expect(video.profile).toBe('High');
      expect(video.pix_fmt).toBe('yuv420p');
      expect([video.width, video.height]).toEqual([1920, 1080]);
      expect(video.r_frame_rate).toBe('30/1');
      expect(Number(video.nb_read_frames)).toBe(45);
      expect(audio.codec_name).toBe('aac');
      expect(Number(audio.sample_rate)).toBe(48000);
      expect(Math.abs(Number(format.duration) - 45 / 30)).toBeLessThanOrEqual(1 / 30);
      // faststart: the moov atom comes before mdat
      const head = readFileSync(out)
        .subarray(0, 64 * 1024)
        .toString('latin1');
      expect(head.indexOf('moov')).toBeGreaterThan(0);
      expect(head.indexOf('moov')).toBeLessThan(head.indexOf('mdat') === -1 ? Infinity : head.indexOf('mdat'));
    },
    RENDER_TIMEOUT_MS,
  );

  it(
    'a scene that throws at frame N names composition, frame and component stack, and leaves the old output alone',
    async () => {
      const out = join(dir, 'fault.mp4');
      writeFileSync(out, 'a good earlier render');
      const err = await renderVideo({
        compositionId: 'placeholder',
        outPath: out,
        frameRange: '0-29',
        concurrency: 2,
        inputProps: { throwAtFrame: 21 },
      }).catch((e: Error) => e);
      expect(err).toBeInstanceOf(Error);
      const message = (err as Error).message;
      expect(message).toMatch(
        /Composition "placeholder" threw at frame 21: FaultProbe: deliberate test failure at frame 21/,
      );
      expect(message).toMatch(/component stack:\n\s+at FaultProbe/);
      expect(message).toMatch(/at Placeholder/);
      expect(readFileSync(out, 'utf8')).toBe('a good earlier render');
      // no temporary segment directories or partial files left next to it
      expect(readdirSync(dir).filter((f) => f.includes('.render-') || f.includes('partial'))).toEqual([]);
    },
    RENDER_TIMEOUT_MS,
  );

  it('rejects bad options with messages that list what is valid', async () => {
    await expect(renderVideo({ compositionId: 'nope' })).rejects.toThrow(
      /Unknown composition "nope". Valid compositions:\n\s+explainer .*\n[\s\S]*placeholder/,
    );
    await expect(renderVideo({ compositionId: 'placeholder', frameRange: '10-5' })).rejects.toThrow(
      /first frame 10 is after last frame 5; valid: 0 <= first <= last <= 1799/,
    );
    await expect(renderVideo({ compositionId: 'placeholder', frameRange: '0-1800' })).rejects.toThrow(
      /outside the composition; valid: .*1799.*1800 frames/,
    );
    await expect(renderVideo({ compositionId: 'placeholder', frameRange: 'ten' })).rejects.toThrow(
      /not a frame range; valid: "A-B"/,
    );
    await expect(renderVideo({ compositionId: 'placeholder', concurrency: 0 })).rejects.toThrow(
      /--concurrency 0 is not valid; use a whole number of capture workers from 1/,
    );
    await expect(renderVideo({ compositionId: 'placeholder', concurrency: 1.5 })).rejects.toThrow(
      /--concurrency 1.5 is not valid/,
    );
    await expect(renderVideo({ compositionId: 'placeholder', crf: 52 })).rejects.toThrow(
      /--crf 52 is not valid; use a whole number from 0 \(lossless\) to 51/,
    );
    await expect(renderVideo({ compositionId: 'placeholder', framesPerShot: 0 })).rejects.toThrow(
      /--frames-per-shot 0 is not valid; use a whole number from 1 to 4/,
    );
    await expect(renderVideo({ compositionId: 'placeholder', outPath: join(dir, 'x.mov') })).rejects.toThrow(
      /must be an \.mp4 file/,
    );
    expect(existsSync(join(dir, 'x.mov'))).toBe(false);
  });
});
