import { availableParallelism } from 'node:os';
import { renderConfig } from '../../render.config';
import { compositionCatalog, findCompositionMeta } from '../compositions/catalog';
import type { CompositionMeta } from '../engine/composition';
import { MAX_FRAMES_PER_SHOT } from '../engine/capture';
import { checkFrameRange, parseFrameRange, type FrameRange } from './frameRange';

/** A frame range as "A-B" text, [first, last], or {first, last} (inclusive). */
export type FrameRangeInput = string | readonly [number, number] | FrameRange;

/** Looks up a composition id, or throws listing every valid id with its size and length. */
export function resolveComposition(id: string): CompositionMeta {
  try {
    return findCompositionMeta(id);
  } catch {
    const list = compositionCatalog
      .map(
        (c) =>
          `  ${c.id.padEnd(20)} ${c.width}x${c.height} ${c.fps} fps, ${c.durationInFrames} frames  ${c.description}`,
      )
      .join('\n');
    throw new Error(`Unknown composition "${id}". Valid compositions:\n${list}`);
  }
}

export function resolveFrameRange(input: FrameRangeInput | undefined, meta: CompositionMeta): FrameRange {
  if (input === undefined) return { first: 0, last: meta.durationInFrames - 1 };
  if (typeof input === 'string') return parseFrameRange(input, meta);
  const r = Array.isArray(input) ? { first: input[0] as number, last: input[1] as number } : (input as FrameRange);
  return checkFrameRange(r, meta);
}

/** Capture workers: a whole number >= 1 (more than 2 per core only adds memory). */
export function resolveConcurrency(value: number | undefined): number {
  const n = value ?? renderConfig.capture.defaultConcurrency;
  if (!Number.isInteger(n) || n < 1 || n > 64) {
    throw new Error(
      `--concurrency ${value} is not valid; use a whole number of capture workers from 1 to 64 (default ${renderConfig.capture.defaultConcurrency}; this machine has ${navigatorCores()} cores).`,
    );
  }
  return n;
}

/** x264 CRF: a whole number 0-51 (0 lossless, 18 visually lossless, 23 x264's default). */
export function resolveCrf(value: number | undefined): number {
  const crf = value ?? renderConfig.video.crf;
  if (!Number.isInteger(crf) || crf < 0 || crf > 51) {
    throw new Error(
      `--crf ${value} is not valid; use a whole number from 0 (lossless) to 51, e.g. 18 (visually lossless; default ${renderConfig.video.crf}).`,
    );
  }
  return crf;
}

function navigatorCores(): number {
  return availableParallelism();
}

/** Frames per screenshot (a filmstrip of consecutive frames side by side): a whole number 1-MAX_FRAMES_PER_SHOT. */
export function resolveFramesPerShot(value: number | undefined): number {
  const n = value ?? renderConfig.capture.framesPerShot;
  if (!Number.isInteger(n) || n < 1 || n > MAX_FRAMES_PER_SHOT) {
    throw new Error(
      `--frames-per-shot ${value} is not valid; use a whole number from 1 to ${MAX_FRAMES_PER_SHOT} (default ${renderConfig.capture.framesPerShot}).`,
    );
  }
  return n;
}
