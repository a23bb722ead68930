/**
 * Adaptive fixed-step schedule (deterministic): a fine step while fast things change, growing
 * geometrically with the time since the last event (spike or depolarisation edge), capped.
 *   within 2 ms of a spike: 0.05 ms (glutamate tau 1.2 ms, AMPA rise ~0.5 ms)
 *   otherwise: 5 % of the time since the last event (0.5 ms at 10 ms, 50 ms at 1 s, 10 s cap)
 *   inside a depolarisation window: at most 0.5 ms.
 * A step never jumps over the next event.
 */
export const FINE_STEP_MS = 0.05;
export const FINE_WINDOW_MS = 2;
export const STEP_GROWTH = 0.05;
export const MAX_STEP_MS = 10_000;
export const MAX_STEP_IN_WINDOW_MS = 0.5;

/** Step (ms) at time tMs given the last event time, whether a depolarisation is on, and the next event time; `scale` (default 1) shrinks every step for convergence checks. */
export function stepSizeMs(
  tMs: number,
  lastEventMs: number,
  inWindow: boolean,
  nextEventMs: number,
  scale = 1,
): number {
  const since = tMs - lastEventMs;
  let dt = since < FINE_WINDOW_MS ? FINE_STEP_MS * scale : Math.max(FINE_STEP_MS * scale, STEP_GROWTH * scale * since);
  if (inWindow) dt = Math.min(dt, MAX_STEP_IN_WINDOW_MS * scale);
  dt = Math.min(dt, MAX_STEP_MS * scale);
  const toNext = nextEventMs - tMs;
  if (toNext > 0 && toNext < dt * 1.5) dt = toNext; // land exactly on the next event (no sliver step)
  return dt;
}
