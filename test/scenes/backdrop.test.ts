import { describe, expect, it } from 'vitest';
import { Color, LinearSRGBColorSpace } from 'three';
import { backdropColorAt, backdropCss, backdropFor } from '../../src/components/backdrop';
import { palette } from '../../src/components/palette';
import { layoutFor } from '../../src/components/layout';
import {
  STAGE_FADE_FRACTION,
  stageBackdropGeometry,
  stageFadeAlpha,
  stageFadeGeometry,
} from '../../src/components/StageBackdrop';

describe('stage backdrop (the glow the 3D stage paints behind the synapse)', () => {
  it('has the shape of CSS `radial-gradient(ellipse at 40% 45%)` (farthest-corner) on a 1920x1080 frame', () => {
    const b = backdropFor(1920, 1080);
    expect([b.cx, b.cy]).toEqual([768, 486]);
    // closest-side aspect 768/486, scaled so the ellipse passes through the far corner (1920, 1080)
    expect(b.rx / b.ry).toBeCloseTo(768 / 486, 9);
    expect(Math.hypot((1920 - b.cx) / b.rx, (1080 - b.cy) / b.ry)).toBeCloseTo(1, 9);
    expect(backdropCss(b)).toBe(
      `radial-gradient(${b.rx}px ${b.ry}px at 768px 486px, ${palette.backgroundGlow} 0%, ${palette.background} 70%)`,
    );
  });

  it('is the glow colour at the centre, the background from 70 % of the radius out, and darkens monotonically between', () => {
    const b = backdropFor(1920, 1080);
    // raw sRGB components, 0-255 (the 'linear' space here just means: no conversion)
    const lum = (c: string) => {
      const color = new Color().setStyle(c, LinearSRGBColorSpace);
      return (color.r + color.g + color.b) * 255;
    };
    expect(rgbHex(backdropColorAt(b, b.cx, b.cy))).toBe(palette.backgroundGlow);
    expect(rgbHex(backdropColorAt(b, b.cx + 0.7 * b.rx, b.cy))).toBe(palette.background);
    expect(rgbHex(backdropColorAt(b, 1920, 1080))).toBe(palette.background);
    const along = Array.from({ length: 15 }, (_, i) => lum(backdropColorAt(b, b.cx + (i / 20) * b.rx, b.cy)));
    for (let i = 1; i < along.length; i++) expect(along[i]!).toBeLessThanOrEqual(along[i - 1]!);
    expect(along[0]! - along[14]!).toBeGreaterThan(30);
  });

  describe('drawn by the 3D stage (an opaque canvas)', () => {
    const hex = (r: number, g: number, b: number) => `#${new Color(r, g, b).getHexString(LinearSRGBColorSpace)}`;
    const vertices = (geometry: ReturnType<typeof stageFadeGeometry>) => {
      const pos = geometry.getAttribute('position');
      const col = geometry.getAttribute('colour');
      return Array.from({ length: pos.count }, (_, k) => ({
        x: pos.getX(k),
        y: pos.getY(k),
        colour: hex(col.getX(k), col.getY(k), col.getZ(k)),
        alpha: col.getW(k),
      }));
    };

    it('covers the whole canvas with the glow colours of the frame pixels under it (9:16: the stage is the top 1320 px)', () => {
      const layout = layoutFor(1080, 1920);
      const { stage } = layout;
      expect(stage.y + stage.h).toBeLessThan(1920); // the case the fade exists for
      const b = backdropFor(1080, 1920);
      const vs = vertices(stageBackdropGeometry({ frameWidth: 1080, frameHeight: 1920, stage }));
      expect(Math.min(...vs.map((v) => v.x))).toBe(-1);
      expect(Math.max(...vs.map((v) => v.x))).toBe(1);
      expect(Math.min(...vs.map((v) => v.y))).toBe(-1);
      expect(Math.max(...vs.map((v) => v.y))).toBe(1);
      expect(vs.every((v) => v.alpha === 1)).toBe(true);
      for (const v of vs.filter((_, k) => k % 97 === 0)) {
        const px = stage.x + ((v.x + 1) / 2) * stage.w;
        const py = stage.y + ((1 - v.y) / 2) * stage.h;
        expect(v.colour).toBe(rgbHex(backdropColorAt(b, px, py)));
      }
    });

    it('fades its lower edge into the backdrop: alpha 0 at the band top, 1 at the edge, with the colour the page paints just below', () => {
      const layout = layoutFor(1080, 1920);
      const { stage } = layout;
      const b = backdropFor(1080, 1920);
      expect(stageFadeAlpha(0.5)).toBe(0);
      expect(stageFadeAlpha(1 - STAGE_FADE_FRACTION)).toBe(0);
      expect(stageFadeAlpha(1 - STAGE_FADE_FRACTION / 2)).toBeCloseTo(0.5, 12);
      expect(stageFadeAlpha(1)).toBe(1);
      const vs = vertices(stageFadeGeometry({ frameWidth: 1080, frameHeight: 1920, stage }));
      const bandTopY = 1 - 2 * (1 - STAGE_FADE_FRACTION);
      expect(Math.max(...vs.map((v) => v.y))).toBeCloseTo(bandTopY, 6);
      const edge = vs.filter((v) => v.y === -1);
      expect(edge.length).toBeGreaterThan(10);
      for (const v of edge) {
        expect(v.alpha).toBe(1);
        // the page's CSS backdrop continues at the frame pixel right under the stage's edge
        expect(v.colour).toBe(rgbHex(backdropColorAt(b, stage.x + ((v.x + 1) / 2) * stage.w, stage.y + stage.h)));
      }
      expect(vs.filter((v) => Math.abs(v.y - bandTopY) < 1e-6).every((v) => v.alpha === 0)).toBe(true);
    });
  });
});

/** A CSS colour's raw sRGB components as #rrggbb (the 'linear' space here just means: no conversion). */
function rgbHex(css: string): string {
  return `#${new Color().setStyle(css, LinearSRGBColorSpace).getHexString(LinearSRGBColorSpace)}`;
}
