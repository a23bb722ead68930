import { describe, expect, it } from 'vitest';
import { palette } from '../../src/components/palette';

/** WCAG 2.x relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const c = [1, 3, 5]
    .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * c[0]! + 0.7152 * c[1]! + 0.0722 * c[2]!;
}
function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}

describe('palette: text colours pass WCAG AA (4.5:1) on the card and page backgrounds', () => {
  const textColours = [
    'text',
    'textMuted',
    'vm',
    'calcium',
    'glutamate',
    'ampa',
    'ampaOpen',
    'magnesium',
    'camkiiLit',
    'fepspBefore',
    'fepspAfter',
    'threshold',
  ] as const;
  for (const name of textColours) {
    it(name, () => {
      expect(contrast(palette[name], palette.panel)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(palette[name], palette.background)).toBeGreaterThanOrEqual(4.5);
    });
  }
  it('the contrast function itself: white on black is 21:1', () => {
    expect(contrast('#ffffff', '#000000')).toBeCloseTo(21, 5);
  });
});
