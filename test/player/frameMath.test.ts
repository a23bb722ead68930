import { describe, expect, it } from 'vitest';
import {
  advancePlayhead,
  clampFrame,
  clockFrame,
  fitScale,
  formatFrameRange,
  frameToTimecode,
  tryParseFrameRange,
  timeToFrame,
} from '../../src/player/frameMath';

describe('frame arithmetic', () => {
  it('clamps to whole frames inside the composition', () => {
    expect(clampFrame(-3, 100)).toBe(0);
    expect(clampFrame(99.7, 100)).toBe(99);
    expect(clampFrame(250, 100)).toBe(99);
    expect(clampFrame(41.9999999, 100)).toBe(42); // float noise from t * fps does not lose a frame
    expect(clampFrame(Number.NaN, 100)).toBe(0);
  });

  it('maps time to the frame on screen', () => {
    expect(timeToFrame(0, 30)).toBe(0);
    expect(timeToFrame(1 / 30, 30)).toBe(1);
    expect(timeToFrame(0.0333, 30)).toBe(0);
    expect(timeToFrame(4.1, 30)).toBe(123);
  });

  it('writes time codes as MM:SS:FF', () => {
    expect(frameToTimecode(0, 30)).toBe('00:00:00');
    expect(frameToTimecode(29, 30)).toBe('00:00:29');
    expect(frameToTimecode(30, 30)).toBe('00:01:00');
    expect(frameToTimecode(1799, 30)).toBe('00:59:29');
    expect(frameToTimecode(1800 * 61, 30)).toBe('01:01:00:00');
    expect(frameToTimecode(125, 25)).toBe('00:05:00');
  });

  it('runs a clock at a rate, forwards and backwards', () => {
    expect(clockFrame(10, 1000, 2000, 30, 1)).toBe(40);
    expect(clockFrame(10, 1000, 2000, 30, 2)).toBe(70);
    expect(clockFrame(40, 0, 500, 30, -1)).toBe(25);
  });

  it('loops or stops at the ends of the range', () => {
    const r = { first: 10, last: 19 };
    expect(advancePlayhead(15.6, r, false)).toEqual({ kind: 'show', frame: 15 });
    expect(advancePlayhead(19.9, r, false)).toEqual({ kind: 'show', frame: 19 });
    expect(advancePlayhead(20, r, false)).toEqual({ kind: 'stop', frame: 19 });
    expect(advancePlayhead(20, r, true)).toEqual({ kind: 'wrap', frame: 10 });
    expect(advancePlayhead(9.5, r, true)).toEqual({ kind: 'wrap', frame: 19 });
    expect(advancePlayhead(9.5, r, false)).toEqual({ kind: 'stop', frame: 10 });
  });

  it('reads and writes render ranges like the CLI', () => {
    expect(tryParseFrameRange('0-299')).toEqual({ first: 0, last: 299 });
    expect(tryParseFrameRange(' 42 ')).toEqual({ first: 42, last: 42 });
    expect(tryParseFrameRange('30-10')).toBeNull();
    expect(tryParseFrameRange('a-b')).toBeNull();
    expect(formatFrameRange({ first: 5, last: 9 })).toBe('5-9');
  });

  it('fits a frame into a box without distortion', () => {
    expect(fitScale(1920, 1080, 960, 1000)).toBe(0.5);
    expect(fitScale(1080, 1920, 960, 960)).toBe(0.5);
    expect(fitScale(1080, 1080, 0, 500)).toBe(0);
  });
});
