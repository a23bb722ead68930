import { describe, expect, it } from 'vitest';
import { psnrOverBox, type RgbImage } from '../../src/render/psnr';

function image(width: number, height: number, fill: (x: number, y: number) => number): RgbImage {
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) data.fill(fill(x, y), (y * width + x) * 3, (y * width + x) * 3 + 3);
  return { width, height, data };
}

describe('PSNR over the stage box', () => {
  it('is infinite for identical images and 10 log10(255^2 / MSE) otherwise', () => {
    const a = image(8, 4, () => 100);
    expect(psnrOverBox(a, a, { x: 0, y: 0, w: 8, h: 4 })).toBe(Infinity);
    // Every sample off by 5: MSE 25.
    const b = image(8, 4, () => 105);
    expect(psnrOverBox(a, b, { x: 0, y: 0, w: 8, h: 4 })).toBeCloseTo(10 * Math.log10((255 * 255) / 25), 9);
  });

  it('counts only the box: a difference outside it does not lower the figure', () => {
    const a = image(8, 4, () => 0);
    const b = image(8, 4, (x) => (x >= 4 ? 255 : 0));
    expect(psnrOverBox(a, b, { x: 0, y: 0, w: 4, h: 4 })).toBe(Infinity);
    // Half the box differs by 255: MSE = 255^2 / 2, PSNR = 10 log10(2).
    expect(psnrOverBox(a, b, { x: 2, y: 0, w: 4, h: 4 })).toBeCloseTo(10 * Math.log10(2), 9);
  });

  it('refuses images of different sizes or a box outside the image', () => {
    expect(() =>
      psnrOverBox(
        image(4, 4, () => 0),
        image(4, 2, () => 0),
        { x: 0, y: 0, w: 4, h: 2 },
      ),
    ).toThrow(/differ in size/);
    expect(() =>
      psnrOverBox(
        image(4, 4, () => 0),
        image(4, 4, () => 0),
        { x: 10, y: 0, w: 4, h: 4 },
      ),
    ).toThrow(/outside/);
  });
});
