import { describe, expect, it } from 'vitest';
import { layoutFor, type Rect } from '../../src/components/layout';
import { captionBox } from '../../src/components/Captions';
import { projectToScreen, sceneShot } from '../../src/components/cameraRig';
import { explainerMetas } from '../../src/compositions/explainerMeta';

const inside = (r: Rect, w: number, h: number) => r.x >= 0 && r.y >= 0 && r.x + r.w <= w && r.y + r.h <= h;

describe('layouts of the three cuts', () => {
  it('picks landscape, portrait and square from the frame size', () => {
    expect(layoutFor(1920, 1080).kind).toBe('landscape');
    expect(layoutFor(1080, 1920).kind).toBe('portrait');
    expect(layoutFor(1080, 1080).kind).toBe('square');
  });

  for (const meta of explainerMetas) {
    it(`${meta.id}: panel inside the frame and clear of the burned-in captions`, () => {
      const layout = layoutFor(meta.width, meta.height);
      expect(inside(layout.panel, meta.width, meta.height)).toBe(true);
      // Caption block: at most 2 lines of 1.28 line height plus padding (src/components/Captions.tsx).
      const box = captionBox(meta.width, meta.height);
      const captionTop = box.bottomY - box.fontSizePx * (2 * 1.28 + 0.56);
      expect(layout.panel.y + layout.panel.h).toBeLessThan(captionTop);
    });
  }

  it('9:16: readable things stay out of the bottom 20 % and the right 15 %', () => {
    const l = layoutFor(1080, 1920);
    expect(l.panel.x + l.panel.w).toBeLessThanOrEqual(1080 * 0.85);
    expect(l.panel.y + l.panel.h).toBeLessThanOrEqual(1920 * 0.8);
    expect(l.title.x + l.title.maxWidth).toBeLessThanOrEqual(1080 * 0.85);
    expect(l.captions.y + l.captions.h).toBeLessThanOrEqual(1920 * 0.8);
    expect(l.captions.x + l.captions.w).toBeLessThanOrEqual(1080 * 0.85);
  });

  it('the camera puts each shot target on the layout focus point, in every cut', () => {
    for (const [w, h] of [
      [1920, 1080],
      [1080, 1920],
      [1080, 1080],
    ] as const) {
      const layout = layoutFor(w, h);
      const shot = sceneShot('calcium-surge', 2.3);
      const p = projectToScreen(shot.target, shot, layout)!;
      expect(p.x).toBeCloseTo(layout.stageFocus.x, 3);
      expect(p.y).toBeCloseTo(layout.stageFocus.y, 3);
    }
  });
});
