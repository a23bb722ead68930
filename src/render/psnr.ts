/**
 * Peak signal-to-noise ratio between two images over a box, the measure of
 * `npm run check:edges`: 10 log10(255² / MSE) over the R, G and B samples of
 * the box (alpha ignored). Pure; images are packed RGB (3 bytes a pixel).
 */
import type { Rect } from '../components/layout';

export interface RgbImage {
  width: number;
  height: number;
  /** Row-major R, G, B bytes, width x height x 3. */
  data: Uint8Array;
}

/** PSNR in dB of `b` against `a` over `box` (clipped to the image); Infinity when identical. */
export function psnrOverBox(a: RgbImage, b: RgbImage, box: Rect): number {
  if (a.width !== b.width || a.height !== b.height)
    throw new Error(`psnr: images differ in size (${a.width}x${a.height} vs ${b.width}x${b.height}).`);
  for (const img of [a, b])
    if (img.data.length !== img.width * img.height * 3)
      throw new Error(`psnr: ${img.data.length} bytes is not ${img.width}x${img.height} RGB.`);
  const x0 = Math.max(0, Math.floor(box.x));
  const y0 = Math.max(0, Math.floor(box.y));
  const x1 = Math.min(a.width, Math.ceil(box.x + box.w));
  const y1 = Math.min(a.height, Math.ceil(box.y + box.h));
  if (x1 <= x0 || y1 <= y0) throw new Error(`psnr: the box ${JSON.stringify(box)} lies outside the image.`);
  let sum = 0;
  for (let y = y0; y < y1; y++) {
    let i = (y * a.width + x0) * 3;
    const end = (y * a.width + x1) * 3;
    for (; i < end; i++) {
      const d = (a.data[i] as number) - (b.data[i] as number);
      sum += d * d;
    }
  }
  const mse = sum / ((x1 - x0) * (y1 - y0) * 3);
  return mse === 0 ? Infinity : 10 * Math.log10((255 * 255) / mse);
}
