import { describe, expect, it } from 'vitest';
import { Color, LinearSRGBColorSpace } from 'three';
import { backdropColorAt, backdropCss, backdropFor } from '../../src/components/backdrop';
import { palette } from '../../src/components/palette';

describe('stage backdrop (the glow the 3D stage paints behind the synapse)', () => {
  it('has the shape of CSS `radial-gradient(ellipse at 40% 45%)` (farthest-corner) on a 1920x1080 frame', () => {
    const b = backdropFor(1920, 1080);
    expect([b.cx, b.cy]).toEqual([768, 486]);
    // closest-side aspect 768/486, scaled so the ellipse passes through the far corner (1920, 1080)
    expect(b.rx / b.ry).toBeCloseTo(768 / 486, 9);
    expect(Math.hypot((1920 - b.cx) / b.rx, (1080 - b.cy) / b.ry)).toBeCloseTo(1, 9);
    expect(backdropCss(b)).toBe(`radial-gradient(${b.rx}px ${b.ry}px at 768px 486px, ${palette.backgroundGlow} 0%, ${palette.background} 70%)`);
  });

  it('is the glow colour at the centre, the background from 70 % of the radius out, and darkens monotonically between', () => {
    const b = backdropFor(1920, 1080);
    // raw sRGB components, 0-255 (the 'linear' space here just means: no conversion)
    const rgb = (c: string) => {
      const color = new Color().setStyle(c, LinearSRGBColorSpace);
      return { r: color.r * 255, g: color.g * 255, b: color.b * 255, formatHex: () => `#${color.getHexString(LinearSRGBColorSpace)}` };
    };
    const lum = (c: string) => {
      const { r, g, b: bl } = rgb(c);
      return r + g + bl;
    };
    expect(rgb(backdropColorAt(b, b.cx, b.cy)).formatHex()).toBe(palette.backgroundGlow);
    expect(rgb(backdropColorAt(b, b.cx + 0.7 * b.rx, b.cy)).formatHex()).toBe(palette.background);
    expect(rgb(backdropColorAt(b, 1920, 1080)).formatHex()).toBe(palette.background);
    const along = Array.from({ length: 15 }, (_, i) => lum(backdropColorAt(b, b.cx + (i / 20) * b.rx, b.cy)));
    for (let i = 1; i < along.length; i++) expect(along[i]!).toBeLessThanOrEqual(along[i - 1]!);
    expect(along[0]! - along[14]!).toBeGreaterThan(30);
  });
});
