import { scaleLinear } from 'd3-scale';
import { interpolateNumber } from 'd3-interpolate';

/** An easing curve: maps progress 0..1 to eased progress (use d3-ease's functions, re-exported as `ease`). */
export type EasingFn = (t: number) => number;

export interface InterpolateOptions {
  /** Easing applied within each segment of the input range (default linear). */
  easing?: EasingFn;
  /** Below the first input value: hold the first output ('clamp', default) or continue the line ('extend'). */
  extrapolateLeft?: 'clamp' | 'extend';
  /** Above the last input value: hold the last output ('clamp', default) or continue the line ('extend'). */
  extrapolateRight?: 'clamp' | 'extend';
}

/**
 * Piecewise mapping of `input` (usually a frame) from `inputRange` to
 * `outputRange`, e.g. `interpolate(frame, [0, 30], [0, 1])` fades in over one
 * second at 30 fps. Built on d3-scale's piecewise linear scale; easing is
 * applied inside each segment. Clamps at both ends unless told otherwise.
 */
export function interpolate(
  input: number,
  inputRange: readonly number[],
  outputRange: readonly number[],
  options: InterpolateOptions = {},
): number {
  assertRanges(inputRange, outputRange);
  const { easing, extrapolateLeft = 'clamp', extrapolateRight = 'clamp' } = options;
  const first = inputRange[0] as number;
  const last = inputRange[inputRange.length - 1] as number;
  let x = input;
  if (x < first && extrapolateLeft === 'clamp') x = first;
  if (x > last && extrapolateRight === 'clamp') x = last;
  const scale = scaleLinear<number, number>()
    .domain(inputRange as number[])
    .range(outputRange as number[]);
  if (easing) {
    scale.interpolate((a: number, b: number) => {
      const lerp = interpolateNumber(a, b);
      return (t: number) => lerp(easing(t));
    });
  }
  return scale(x);
}

function assertRanges(inputRange: readonly number[], outputRange: readonly number[]): void {
  if (inputRange.length < 2 || inputRange.length !== outputRange.length) {
    throw new Error(
      `interpolate(): inputRange and outputRange need the same length, at least 2 (got ${inputRange.length} and ${outputRange.length}).`,
    );
  }
  for (let i = 0; i < inputRange.length; i++) {
    const v = inputRange[i] as number;
    if (!Number.isFinite(v) || !Number.isFinite(outputRange[i] as number)) {
      throw new Error(
        `interpolate(): ranges must be finite numbers (inputRange[${i}]=${v}, outputRange[${i}]=${outputRange[i]}).`,
      );
    }
    if (i > 0 && !(v > (inputRange[i - 1] as number))) {
      throw new Error(`interpolate(): inputRange must be strictly increasing, got [${inputRange.join(', ')}].`);
    }
  }
}
