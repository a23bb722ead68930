import type { ComponentType } from 'react';
import { MAX_FRAMES_PER_SHOT } from './filmstrip';

/**
 * What a composition is, without its component: size, rate, length and the
 * sound to mux. Pure data, so Node code (render CLI, output checks) can read
 * it without loading React or three.
 */
export interface CompositionMeta {
  /** Unique id, used on the command line (`--composition`) and in URLs. */
  id: string;
  /** Output size in pixels. */
  width: number;
  height: number;
  /** Frames per second. */
  fps: number;
  /** Length in frames (frame numbers run from 0 to durationInFrames - 1). */
  durationInFrames: number;
  /** Audio to mux under the picture. */
  audio: CompositionAudio | null;
  /** Frame used for the poster still. */
  posterFrame: number;
  /** Short human description, shown in --help and the studio. */
  description: string;
  /**
   * Frames the capture page shows side by side and takes in one screenshot
   * (src/engine/filmstrip.ts), 1-4; default render.config.ts. More frames a
   * shot share more of a screenshot's fixed cost, but every tile draws its own
   * 3D (in the page's one WebGL context), so a heavy 3D stage gains less from them than a light one.
   */
  framesPerShot?: number;
}

export type CompositionAudio =
  /** A file under public/, e.g. 'voice/narration.wav'. */
  | { kind: 'file'; publicPath: string }
  /** A generated sine test tone, for the placeholder (exercises muxing). */
  | { kind: 'tone'; frequencyHz: number };

/** A composition: its metadata plus the React component that draws one frame. */
export interface Composition<P extends object = Record<string, unknown>> extends CompositionMeta {
  component: ComponentType<P>;
  defaultProps: P;
}

/**
 * A composition whose props type does not matter here (registries, the
 * capture driver, the frame component): each one is drawn with its own
 * defaultProps or with props checked by its own code. `Composition<P>` is
 * invariant in P (P is both read, as defaultProps, and written, as the
 * component's argument), so no concrete P covers them all.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the one deliberate any, see above
export type AnyComposition = Composition<any>;

/** Checks a composition's numbers once, where it is declared, so a typo fails loudly. */
export function defineComposition<P extends object>(composition: Composition<P>): Composition<P> {
  const { id, width, height, fps, durationInFrames, posterFrame } = composition;
  const problems: string[] = [];
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) problems.push(`id "${id}" must be lower-case letters, digits and dashes`);
  for (const [name, value] of Object.entries({ width, height, fps, durationInFrames })) {
    if (!Number.isInteger(value) || value <= 0) problems.push(`${name} must be a positive integer, got ${value}`);
  }
  if (width % 2 || height % 2) problems.push(`width and height must be even for yuv420p, got ${width}x${height}`);
  if (!Number.isInteger(posterFrame) || posterFrame < 0 || posterFrame >= durationInFrames) {
    problems.push(`posterFrame ${posterFrame} must be a frame in 0..${durationInFrames - 1}`);
  }
  const { framesPerShot } = composition;
  if (
    framesPerShot !== undefined &&
    (!Number.isInteger(framesPerShot) || framesPerShot < 1 || framesPerShot > MAX_FRAMES_PER_SHOT)
  ) {
    problems.push(`framesPerShot must be a whole number from 1 to ${MAX_FRAMES_PER_SHOT}, got ${framesPerShot}`);
  }
  if (problems.length) throw new Error(`Composition "${id}": ${problems.join('; ')}.`);
  return composition;
}

/** The metadata part of a composition (what crosses from the page to Node). */
export function compositionMeta(c: CompositionMeta): CompositionMeta {
  const { id, width, height, fps, durationInFrames, audio, posterFrame, description, framesPerShot } = c;
  return {
    id,
    width,
    height,
    fps,
    durationInFrames,
    audio,
    posterFrame,
    description,
    ...(framesPerShot === undefined ? {} : { framesPerShot }),
  };
}
