/**
 * Exponential-Euler update of dx/dt = (xInf - x) * rate over dt (rate >= 0, same time unit as dt).
 * Exact for constant xInf and rate; unconditionally stable, so coarse steps never blow up.
 */
export function relaxTowards(x: number, xInf: number, rate: number, dt: number): number {
  return xInf + (x - xInf) * Math.exp(-rate * dt);
}

/** Hill function c^n / (c^n + K^n) for c >= 0 (fraction 0..1). */
export function hill(c: number, kHalf: number, n: number): number {
  if (c <= 0) return 0;
  const x = Math.pow(c / kHalf, n);
  return x / (1 + x);
}
