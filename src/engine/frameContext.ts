import { createContext, useContext } from 'react';
import type { CompositionMeta } from './composition';

/** The composition being drawn (size, fps, length). */
export const VideoConfigContext = createContext<CompositionMeta | null>(null);

/** The absolute frame number being drawn, 0-based from the start of the composition. */
export const AbsoluteFrameContext = createContext<number>(0);

/** The innermost sequence: where it starts (absolute frame) and how long it lasts. */
export interface SequenceScope {
  /** Absolute frame at which this sequence's frame 0 falls. */
  startFrame: number;
  /** Length of the sequence in frames (Infinity for the root). */
  durationInFrames: number;
  /** Name for error messages and the studio, e.g. the scene id. */
  name: string;
}

export const ROOT_SEQUENCE: SequenceScope = { startFrame: 0, durationInFrames: Infinity, name: 'root' };
export const SequenceContext = createContext<SequenceScope>(ROOT_SEQUENCE);

/** Current frame relative to the innermost <Sequence> (0 at its start). */
export function useCurrentFrame(): number {
  return useContext(AbsoluteFrameContext) - useContext(SequenceContext).startFrame;
}

/** Current frame from the start of the composition, whatever sequence we are in. */
export function useAbsoluteFrame(): number {
  return useContext(AbsoluteFrameContext);
}

/** The innermost sequence (start, length, name). */
export function useSequence(): SequenceScope {
  return useContext(SequenceContext);
}

/** Size, fps and length of the composition being drawn. Throws outside a composition. */
export function useVideoConfig(): CompositionMeta {
  const config = useContext(VideoConfigContext);
  if (!config)
    throw new Error(
      'useVideoConfig() was called outside a composition: render the component inside <CompositionFrame>.',
    );
  return config;
}
