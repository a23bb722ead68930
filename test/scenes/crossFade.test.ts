import { describe, expect, it } from 'vitest';
import { CROSS_FADE_FRAMES, overlayOpacity, overlayWindow, stageDip } from '../../src/components/crossFade';
import { explainerTimeline } from '../../src/story/narration';

const tl = explainerTimeline;

describe('scene transitions on the real timeline', () => {
  it('neighbouring overlays cross-fade: opacities sum to 1 through every boundary', () => {
    for (let i = 1; i < tl.scenes.length; i++) {
      const b = tl.scenes[i]!.startFrame;
      for (let f = b - CROSS_FADE_FRAMES; f <= b + CROSS_FADE_FRAMES; f++) {
        expect(overlayOpacity(tl, i - 1, f) + overlayOpacity(tl, i, f)).toBeCloseTo(1, 9);
      }
      expect(overlayOpacity(tl, i, b - CROSS_FADE_FRAMES)).toBe(0);
      expect(overlayOpacity(tl, i, b + CROSS_FADE_FRAMES)).toBe(1);
    }
  });

  it('every frame of the video is inside some scene overlay window', () => {
    for (let f = 0; f < tl.totalFrames; f++) {
      const covered = tl.scenes.some((_, i) => {
        const w = overlayWindow(tl, i);
        return f >= w.from && f < w.from + w.durationFrames && overlayOpacity(tl, i, f) > 0;
      });
      expect(covered, `frame ${f}`).toBe(true);
    }
  });

  it('the stage dips only around scene boundaries', () => {
    expect(stageDip(tl, tl.scenes[2]!.startFrame)).toBeGreaterThan(0.4);
    expect(stageDip(tl, tl.scenes[2]!.startFrame + CROSS_FADE_FRAMES)).toBe(0);
    expect(stageDip(tl, 0)).toBe(0);
  });
});
