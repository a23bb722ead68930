import { scaleLog } from 'd3-scale';
import { interpolatePlasma } from 'd3-scale-chromatic';

/** Ends of the Ca2+ colour scale, µM: 50 nM (rest, seed article) to 10 µM (top of a strong NMDA transient). */
export const CA_COLOR_MIN_MICRO_M = 0.05;
export const CA_COLOR_MAX_MICRO_M = 10;

/** Position 0..1 of a free [Ca2+] (µM) on the log colour scale, clamped. */
export const caScalePosition = scaleLog()
  .domain([CA_COLOR_MIN_MICRO_M, CA_COLOR_MAX_MICRO_M])
  .range([0, 1])
  .clamp(true);

/**
 * Colour for a free spine [Ca2+] in µM: d3's Plasma map on a log scale from
 * 0.05 to 10 µM, using its 0.12-0.95 stretch so rest stays a visible violet.
 */
export function caColor(spineCaMicroM: number): string {
  return interpolatePlasma(0.12 + 0.83 * caScalePosition(Math.max(spineCaMicroM, 1e-6)));
}

/** Free Ca2+ ions in a volume: c (µM) x V (µm³) x 1e-21 mol/(µM·µm³) x Avogadro = c·V·602.2. */
export function freeCaIonCount(spineCaMicroM: number, volumeUm3: number): number {
  return spineCaMicroM * volumeUm3 * 602.214;
}
