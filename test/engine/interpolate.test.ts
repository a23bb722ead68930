import { describe, expect, it } from 'vitest';
import { ease, interpolate } from '../../src/engine';

describe('interpolate', () => {
  it('maps linearly inside one segment', () => {
    expect(interpolate(15, [0, 30], [0, 1])).toBeCloseTo(0.5, 12);
    expect(interpolate(0, [0, 30], [10, 40])).toBe(10);
    expect(interpolate(30, [0, 30], [10, 40])).toBe(40);
    expect(interpolate(10, [0, 40], [100, 0])).toBeCloseTo(75, 12);
  });

  it('handles several segments with their own slopes', () => {
    const input = [0, 10, 20];
    const output = [0, 100, 50];
    expect(interpolate(5, input, output)).toBeCloseTo(50, 12);
    expect(interpolate(15, input, output)).toBeCloseTo(75, 12);
    expect(interpolate(10, input, output)).toBeCloseTo(100, 12);
  });

  it('clamps at both ends by default', () => {
    expect(interpolate(-50, [0, 10], [2, 4])).toBe(2);
    expect(interpolate(99, [0, 10], [2, 4])).toBe(4);
  });

  it('extends the end segments when asked, per side', () => {
    expect(interpolate(-5, [0, 10], [0, 1], { extrapolateLeft: 'extend' })).toBeCloseTo(-0.5, 12);
    expect(interpolate(20, [0, 10], [0, 1], { extrapolateRight: 'extend' })).toBeCloseTo(2, 12);
    // the other side still clamps
    expect(interpolate(20, [0, 10], [0, 1], { extrapolateLeft: 'extend' })).toBe(1);
    // extension follows the last segment's slope, not the first one's
    expect(interpolate(30, [0, 10, 20], [0, 10, 0], { extrapolateRight: 'extend' })).toBeCloseTo(-10, 12);
  });

  it('applies the easing inside each segment', () => {
    // easeQuadIn(t) = t^2: half-way through a segment is a quarter of its change
    expect(interpolate(5, [0, 10], [0, 100], { easing: ease.easeQuadIn })).toBeCloseTo(25, 10);
    expect(interpolate(15, [0, 10, 20], [0, 100, 200], { easing: ease.easeQuadIn })).toBeCloseTo(125, 10);
    // ends are exact whatever the curve
    expect(interpolate(10, [0, 10], [3, 7], { easing: ease.easeCubicInOut })).toBeCloseTo(7, 12);
    // cubic out is ahead of linear in the first half
    expect(interpolate(3, [0, 10], [0, 1], { easing: ease.easeCubicOut })).toBeGreaterThan(0.3);
  });

  it('rejects bad ranges with a message that says what is wrong', () => {
    expect(() => interpolate(1, [0], [1])).toThrow(/same length, at least 2/);
    expect(() => interpolate(1, [0, 1], [0, 1, 2])).toThrow(/got 2 and 3/);
    expect(() => interpolate(1, [0, 5, 5], [0, 1, 2])).toThrow(/strictly increasing, got \[0, 5, 5\]/);
    expect(() => interpolate(1, [10, 0], [0, 1])).toThrow(/strictly increasing/);
    expect(() => interpolate(1, [0, Number.NaN], [0, 1])).toThrow(/finite/);
    expect(() => interpolate(1, [0, 1], [0, Infinity])).toThrow(/finite/);
  });
});
