import { describe, expect, it } from 'vitest';
import { formatFrameRange, frameCount, parseFrameRange } from '../../src/render/frameRange';
import { filmstripLayout } from '../../src/engine/capture';
import { joinAndMuxArgs, videoEncodeArgs } from '../../src/render/ffmpegArgs';

describe('frame ranges', () => {
  it('parses "A-B" and "N", inclusive', () => {
    expect(parseFrameRange('10-19', { id: 'c', durationInFrames: 100 })).toEqual({ first: 10, last: 19 });
    expect(parseFrameRange(' 7 ', { id: 'c', durationInFrames: 100 })).toEqual({ first: 7, last: 7 });
    expect(frameCount({ first: 10, last: 19 })).toBe(10);
  });

  it('rejects ranges outside the composition, reversed or malformed, saying what is valid', () => {
    expect(() => parseFrameRange('0-100', { id: 'intro', durationInFrames: 100 })).toThrow(
      /valid: 0 <= first <= last <= 99 \(composition "intro" has 100 frames\)/,
    );
    expect(() => parseFrameRange('9-3', { id: 'intro', durationInFrames: 100 })).toThrow(
      /first frame 9 is after last frame 3/,
    );
    expect(() => parseFrameRange('-3', { id: 'intro', durationInFrames: 100 })).toThrow(/not a frame range/);
    expect(() => parseFrameRange('1.5-4', { id: 'intro', durationInFrames: 100 })).toThrow(/not a frame range/);
  });

  it('without a composition, checks only the form and the order; formats back to what it parses', () => {
    expect(parseFrameRange('0-299')).toEqual({ first: 0, last: 299 });
    expect(formatFrameRange(parseFrameRange(' 42 '))).toBe('42-42');
    expect(() => parseFrameRange('30-10')).toThrow(
      /first frame 30 is after last frame 10; valid: 0 <= first <= last\./,
    );
    expect(() => parseFrameRange('a-b')).toThrow(/"a-b" is not a frame range; valid: "A-B" with 0 <= A <= B, or one/);
  });
});

describe('ffmpeg arguments', () => {
  it('encodes H.264 High yuv420p BT.709 at the given CRF; lossless drops the High profile', () => {
    const oneFrameAShot = { layout: filmstripLayout(1920, 1080, 1), frames: 45 };
    const lossy = videoEncodeArgs({ fps: 30, crf: 18 }, oneFrameAShot, 'seg.mp4');
    expect(lossy.join(' ')).toMatch(/-c:v libx264 -preset \S+ -crf 18 -profile:v high -pix_fmt yuv420p/);
    expect(lossy.join(' ')).toContain('-colorspace bt709');
    expect(lossy.join(' ')).toContain('-threads 1'); // render.config.ts video.encoderThreads: one encoder, one x264 thread
    expect(lossy.join(' ')).not.toMatch(/untile|crop/);
    const lossless = videoEncodeArgs({ fps: 30, crf: 0 }, oneFrameAShot, 'seg.mp4');
    expect(lossless).not.toContain('-profile:v');
    expect(lossless.join(' ')).toContain('-crf 0');
  });

  it('cuts a filmstrip into its frames at the composition rate and drops the fill frames at the end', () => {
    const args = videoEncodeArgs(
      { fps: 30, crf: 18 },
      { layout: filmstripLayout(1080, 1920, 3), frames: 100 },
      'seg.mp4',
    ).join(' ');
    expect(args).toContain('-framerate 30/3 -i pipe:0'); // 10 strips a second, 3 frames each
    expect(args).toContain('-vf untile=3x1,crop=1080:1920:0:0,scale='); // tiles are 1088 wide: cut, then crop to the frame
    expect(args).toContain('-frames:v 100');
    expect(args).toContain('-r 30');
  });

  it('joins without re-encoding, cuts the audio to the range and moves moov to the front', () => {
    const args = joinAndMuxArgs({
      concatListFile: 'list.txt',
      audio: { kind: 'file', publicPath: 'voice/narration.wav' },
      publicDir: '/repo/public',
      startSeconds: 10,
      durationSeconds: 5,
      outFile: 'o.mp4',
    }).join(' ');
    expect(args).toContain('-f concat -safe 0 -i list.txt');
    expect(args).toContain('-ss 10.000000 -i /repo/public/voice/narration.wav');
    expect(args).toContain('-c:v copy');
    expect(args).toMatch(/-c:a aac .*-ar 48000/);
    expect(args).toContain('-t 5.000000');
    expect(args).toContain('-movflags +faststart');
    const silent = joinAndMuxArgs({
      concatListFile: 'l',
      audio: null,
      publicDir: '/p',
      startSeconds: 0,
      durationSeconds: 1,
      outFile: 'o.mp4',
    });
    expect(silent).toContain('-an');
  });
});
