/**
 * On-screen units and chemical names, written correctly: Greek mu (U+00B5),
 * superscript charges, the true minus sign (U+2212).
 */
export const MG = 'Mg\u00b2\u207a';
export const CA = 'Ca\u00b2\u207a';
export const MICRO_M = '\u00b5M';
export const MINUS = '\u2212';

/** Number with a true minus sign. */
export function signed(value: number, digits: number): string {
  const s = Math.abs(value).toFixed(digits);
  return value < 0 && Number(s) !== 0 ? `${MINUS}${s}` : s;
}

/** Membrane potential, e.g. "−64.8 mV". */
export function formatMv(vmMv: number): string {
  return `${signed(vmMv, 1)} mV`;
}

/** A concentration given in µM, shown in nM below 1 µM: "65 nM", "2.41 µM". */
export function formatCaMicroM(micro: number): string {
  if (micro < 1) return `${Math.round(micro * 1000)} nM`;
  return `${micro.toFixed(micro < 10 ? 2 : 1)} ${MICRO_M}`;
}

/** No-break space between a number and its unit, so "11 %" never wraps apart in a narrow card (SI style). */
export const NBSP = '\u00a0';

/** Percent, e.g. "+48 %". */
export function formatChangePercent(ratio: number): string {
  const pct = Math.round((ratio - 1) * 100);
  return `${pct >= 0 ? '+' : MINUS}${Math.abs(pct)}${NBSP}%`;
}
