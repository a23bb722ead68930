import { describe, expect, it } from 'vitest';
import { FADE_FRAMES, overlayOpacity, stageDip } from '../../src/components/crossFade';
import { explainerTimeline } from '../../src/story/narration';

const tl = explainerTimeline;

describe('scene transitions on the real timeline', () => {
  it('the outgoing overlay fades out before the boundary, the incoming one fades in after it: never two at once', () => {
    for (let i = 1; i < tl.scenes.length; i++) {
      const b = tl.scenes[i]!.startFrame;
      expect(overlayOpacity(tl, i - 1, b - FADE_FRAMES - 1)).toBe(1);
      expect(overlayOpacity(tl, i - 1, b - 1)).toBeLessThan(0.2);
      expect(overlayOpacity(tl, i - 1, b)).toBe(0);
      expect(overlayOpacity(tl, i, b - 1)).toBe(0);
      expect(overlayOpacity(tl, i, b)).toBeLessThan(0.2);
      expect(overlayOpacity(tl, i, b + FADE_FRAMES)).toBe(1);
      for (let f = b - FADE_FRAMES; f <= b + FADE_FRAMES; f++) {
        expect(Math.min(overlayOpacity(tl, i - 1, f), overlayOpacity(tl, i, f))).toBe(0);
      }
    }
  });

  it('every frame away from a boundary shows exactly one overlay at full opacity; first and last frames included', () => {
    expect(overlayOpacity(tl, 0, 0)).toBe(1);
    expect(overlayOpacity(tl, tl.scenes.length - 1, tl.totalFrames - 1)).toBe(1);
    for (let f = 0; f < tl.totalFrames; f++) {
      const near = tl.scenes.slice(1).some((s) => Math.abs(f - s.startFrame) <= FADE_FRAMES);
      if (near) continue;
      const shown = tl.scenes.map((_, i) => overlayOpacity(tl, i, f)).filter((o) => o > 0);
      expect(shown, `frame ${f}`).toEqual([1]);
    }
  });

  it("follows a scene look's fade lengths: a longer fade-in, a shorter hold before the fade-out, still one at a time", () => {
    for (let i = 1; i < tl.scenes.length - 1; i++) {
      const s = tl.scenes[i]!;
      const end = s.startFrame + s.durationFrames;
      // 20-frame fade-in: half way after 10 frames, full after 20.
      expect(overlayOpacity(tl, i, s.startFrame + 9, 20, 8)).toBeCloseTo(0.5, 9);
      expect(overlayOpacity(tl, i, s.startFrame + 19, 20, 8)).toBe(1);
      // 24-frame fade-out: the overlay holds until 24 frames before the cut.
      expect(overlayOpacity(tl, i, end - 25, 8, 24)).toBe(1);
      expect(overlayOpacity(tl, i, end - 12, 8, 24)).toBeCloseTo(0.5, 9);
      // Whatever the lengths, the neighbours' overlays never overlap.
      for (let f = s.startFrame - 48; f < s.startFrame + 48; f++)
        expect(Math.min(overlayOpacity(tl, i - 1, f, 48, 48), overlayOpacity(tl, i, f, 48, 48))).toBe(0);
    }
  });

  it('the stage dips only around scene boundaries', () => {
    expect(stageDip(tl, tl.scenes[2]!.startFrame)).toBeGreaterThan(0.4);
    expect(stageDip(tl, tl.scenes[2]!.startFrame + FADE_FRAMES)).toBe(0);
    expect(stageDip(tl, 0)).toBe(0);
  });
});
