/**
 * A damped spring evaluated in closed form at one frame: a pure function of
 * the frame, so any frame can be drawn alone. The spring starts at rest at
 * `from` and settles on `to`.
 */
export interface SpringConfig {
  /** Mass, arbitrary units (default 1). */
  mass: number;
  /** Stiffness k (default 100). */
  stiffness: number;
  /** Damping coefficient c (default 10; critical damping is 2*sqrt(k*m) = 20 at the defaults). */
  damping: number;
}

export const DEFAULT_SPRING: SpringConfig = { mass: 1, stiffness: 100, damping: 10 };

export interface SpringInput {
  /** Frame, relative to the moment the spring is released (negative frames give `from`). */
  frame: number;
  fps: number;
  from?: number;
  to?: number;
  config?: Partial<SpringConfig>;
}

/** Position of the spring at `frame` (exact solution of m x'' + c x' + k (x - to) = 0, x(0) = from, x'(0) = 0). */
export function spring({ frame, fps, from = 0, to = 1, config = {} }: SpringInput): number {
  const { mass, stiffness, damping } = { ...DEFAULT_SPRING, ...config };
  if (!(mass > 0) || !(stiffness > 0) || !(damping >= 0) || !(fps > 0)) {
    throw new Error(
      `spring(): mass, stiffness and fps must be > 0 and damping >= 0 (got m=${mass}, k=${stiffness}, c=${damping}, fps=${fps}).`,
    );
  }
  if (frame <= 0) return from;
  const t = frame / fps;
  const y0 = from - to;
  const omega0 = Math.sqrt(stiffness / mass);
  const zeta = damping / (2 * Math.sqrt(stiffness * mass));
  let y: number;
  if (zeta < 1) {
    const omegaD = omega0 * Math.sqrt(1 - zeta * zeta);
    y =
      Math.exp(-zeta * omega0 * t) *
      (y0 * Math.cos(omegaD * t) + ((zeta * omega0 * y0) / omegaD) * Math.sin(omegaD * t));
  } else if (zeta === 1) {
    y = Math.exp(-omega0 * t) * (y0 + omega0 * y0 * t);
  } else {
    const root = Math.sqrt(zeta * zeta - 1);
    const r1 = -omega0 * (zeta - root);
    const r2 = -omega0 * (zeta + root);
    y = (y0 * r2 * Math.exp(r1 * t) - y0 * r1 * Math.exp(r2 * t)) / (r2 - r1);
  }
  return to + y;
}
