import { useContext, useMemo, type CSSProperties, type ReactNode } from 'react';
import { AbsoluteFrameContext, SequenceContext, type SequenceScope } from './frameContext';

export interface SequenceProps {
  /** Frame (relative to the parent sequence) at which this sequence starts. */
  from?: number;
  /** How many frames it lasts; children are not rendered outside [from, from + durationInFrames). */
  durationInFrames?: number;
  /** Name shown in errors and the studio (for a scene, its id). */
  name?: string;
  /** 'absolute-fill' (default) wraps children in a full-size absolutely positioned box; 'none' adds no element. */
  layout?: 'absolute-fill' | 'none';
  style?: CSSProperties;
  children?: ReactNode;
}

/**
 * Offsets and limits time for its children: inside, `useCurrentFrame()` is 0
 * at `from`. Outside its range it renders nothing, so a scene never runs
 * before it starts or after it ends. Nested sequences add up and are clipped
 * by their parents.
 */
export function Sequence({
  from = 0,
  durationInFrames = Infinity,
  name = 'sequence',
  layout = 'absolute-fill',
  style,
  children,
}: SequenceProps) {
  if (!Number.isFinite(from) || !(durationInFrames > 0)) {
    throw new Error(
      `<Sequence name="${name}">: from must be finite and durationInFrames > 0 (got from=${from}, durationInFrames=${durationInFrames}).`,
    );
  }
  const parent = useContext(SequenceContext);
  const absoluteFrame = useContext(AbsoluteFrameContext);
  const startFrame = parent.startFrame + from;
  const parentEnd = parent.startFrame + parent.durationInFrames;
  const endFrame = Math.min(startFrame + durationInFrames, parentEnd);
  const scope = useMemo<SequenceScope>(
    () => ({ startFrame, durationInFrames: endFrame - startFrame, name }),
    [startFrame, endFrame, name],
  );
  if (absoluteFrame < startFrame || absoluteFrame >= endFrame) return null;
  return (
    <SequenceContext.Provider value={scope}>
      {layout === 'none' ? (
        children
      ) : (
        <div data-sequence={name} style={{ position: 'absolute', inset: 0, ...style }}>
          {children}
        </div>
      )}
    </SequenceContext.Provider>
  );
}
