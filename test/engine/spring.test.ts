import { describe, expect, it } from 'vitest';
import { DEFAULT_SPRING, spring } from '../../src/engine';

/** Independent reference: integrate m x'' = -k (x - to) - c x' with RK4 on a fine step. */
function integrateSpring(
  tSeconds: number,
  { mass, stiffness, damping }: typeof DEFAULT_SPRING,
  from = 0,
  to = 1,
): number {
  const steps = Math.max(1, Math.round(tSeconds * 20_000));
  const h = tSeconds / steps;
  let x = from;
  let v = 0;
  const acc = (xx: number, vv: number) => (-stiffness * (xx - to) - damping * vv) / mass;
  for (let i = 0; i < steps; i++) {
    const k1x = v,
      k1v = acc(x, v);
    const k2x = v + (h / 2) * k1v,
      k2v = acc(x + (h / 2) * k1x, v + (h / 2) * k1v);
    const k3x = v + (h / 2) * k2v,
      k3v = acc(x + (h / 2) * k2x, v + (h / 2) * k2v);
    const k4x = v + h * k3v,
      k4v = acc(x + h * k3x, v + h * k3v);
    x += (h / 6) * (k1x + 2 * k2x + 2 * k3x + k4x);
    v += (h / 6) * (k1v + 2 * k2v + 2 * k3v + k4v);
  }
  return x;
}

describe('spring', () => {
  it('starts at `from` and holds it before release', () => {
    expect(spring({ frame: 0, fps: 30 })).toBe(0);
    expect(spring({ frame: -12, fps: 30, from: 3, to: 9 })).toBe(3);
  });

  it('matches a numerical integration: under-, critically and over-damped', () => {
    const configs = [
      DEFAULT_SPRING, // zeta = 0.5
      { mass: 1, stiffness: 100, damping: 20 }, // zeta = 1
      { mass: 2, stiffness: 50, damping: 40 }, // zeta = 2
      { mass: 0.5, stiffness: 200, damping: 3 }, // zeta ~ 0.15, rings
    ];
    for (const config of configs) {
      for (const frame of [1, 3, 7, 15, 30, 45]) {
        const expected = integrateSpring(frame / 30, config, 2, -1);
        expect(spring({ frame, fps: 30, from: 2, to: -1, config })).toBeCloseTo(expected, 6);
      }
    }
  });

  it('hits a hand-checked value: critically damped, omega = 10/s, at t = 0.1 s is 1 - 2/e', () => {
    expect(spring({ frame: 3, fps: 30, config: { damping: 20 } })).toBeCloseTo(1 - 2 * Math.exp(-1), 10);
  });

  it('overshoots when under-damped and never when critically damped', () => {
    const under = Array.from({ length: 60 }, (_, f) => spring({ frame: f, fps: 30 }));
    const critical = Array.from({ length: 60 }, (_, f) => spring({ frame: f, fps: 30, config: { damping: 20 } }));
    expect(Math.max(...under)).toBeGreaterThan(1.1);
    expect(Math.max(...critical)).toBeLessThanOrEqual(1);
  });

  it('settles on `to`', () => {
    // defaults decay as exp(-5 t): within 1e-3 after 2 s
    expect(Math.abs(spring({ frame: 60, fps: 30, from: 0, to: 1 }) - 1)).toBeLessThan(1e-3);
    expect(spring({ frame: 600, fps: 30, from: 5, to: 2, config: { damping: 40 } })).toBeCloseTo(2, 9);
  });

  it('depends on time, not frames: same instant at 30 and 60 fps', () => {
    expect(spring({ frame: 20, fps: 60 })).toBeCloseTo(spring({ frame: 10, fps: 30 }), 12);
  });

  it('rejects impossible parameters', () => {
    expect(() => spring({ frame: 1, fps: 30, config: { mass: 0 } })).toThrow(/mass, stiffness and fps must be > 0/);
    expect(() => spring({ frame: 1, fps: 0 })).toThrow(/fps=0/);
    expect(() => spring({ frame: 1, fps: 30, config: { damping: -1 } })).toThrow(/damping >= 0/);
  });
});
