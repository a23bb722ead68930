/**
 * Burned-in captions: the cue on screen at the current frame, at most 2 lines,
 * the word being spoken highlighted, inside the title-safe area (and, on 9:16,
 * clear of the bottom 20 % and right 15 % that social apps cover).
 *
 * `Captions` reads the frame from the engine; `CaptionsView` is the pure part
 * (time, size in; elements out) for tests and the studio.
 */
import '@fontsource/inter/600.css';
import type { CSSProperties, ReactElement } from 'react';
import { buildCues } from '../captions/buildCues';
import type { CaptionCue } from '../captions/types';
import { interpolate, useAbsoluteFrame, useVideoConfig } from '../engine';
import type { Timeline } from '../timeline/types';

/** Text colours, checked for WCAG AA (>= 4.5:1) against the box over a white frame in test/captions. */
export const CAPTION_COLORS = {
  text: '#ffffff',
  /** The word being spoken. */
  active: '#ffd166',
  /** Box behind the text: dark navy, 84 % opaque. */
  box: 'rgba(8, 12, 28, 0.84)',
  boxRgb: [8, 12, 28] as const,
  boxAlpha: 0.84,
} as const;

export interface SafeAreaOptions {
  /** Fraction of the height kept clear at the bottom (default 0.2 on portrait frames, else 0). */
  bottomReservedFraction?: number;
  /** Fraction of the width kept clear at the right (default 0.15 on portrait frames, else 0). */
  rightReservedFraction?: number;
  /** Title-safe margin on every side as a fraction of each dimension (EBU R 95: 5 %). Default 0.05. */
  titleSafeFraction?: number;
}

export interface CaptionBox {
  /** Horizontal centre and bottom edge of the caption block, px. */
  centerX: number;
  bottomY: number;
  /** Widest the block may be, px. */
  maxWidth: number;
  fontSizePx: number;
}

/**
 * Where captions go in a frame: bottom-centre of the title-safe area minus the
 * reserved strips, type sized to the short side (4.4 %, ~48 px at 1080) but small
 * enough that 42 characters fit the width.
 */
export function captionBox(width: number, height: number, safe: SafeAreaOptions = {}): CaptionBox {
  const portrait = height > width * 1.2;
  const margin = safe.titleSafeFraction ?? 0.05;
  const bottomReserved = safe.bottomReservedFraction ?? (portrait ? 0.2 : 0);
  const rightReserved = safe.rightReservedFraction ?? (portrait ? 0.15 : 0);
  const left = width * margin;
  const right = width * (1 - Math.max(margin, rightReserved));
  const bottomY = height * (1 - Math.max(margin, bottomReserved)) - height * 0.01;
  const maxWidth = right - left;
  // Inter semibold averages ~0.55 em a character; 42 characters + padding must fit.
  const fontSizePx = Math.round(Math.min(Math.min(width, height) * 0.044, maxWidth / (42 * 0.56 + 1.4)));
  return { centerX: (left + right) / 2, bottomY, maxWidth, fontSizePx };
}

/** The cue on screen at `timeMs`, or null. */
export function activeCue(cues: readonly CaptionCue[], timeMs: number): CaptionCue | null {
  return cues.find((c) => timeMs >= c.startMs && timeMs < c.endMs) ?? null;
}

/** Index in cue.words of the word being spoken at `timeMs` (the last started word), or -1 before the first. */
export function activeWordIndex(cue: CaptionCue, timeMs: number): number {
  let k = -1;
  cue.words.forEach((w, i) => {
    if (timeMs >= w.startMs) k = i;
  });
  return k;
}

export interface CaptionsViewProps extends SafeAreaOptions {
  cues: readonly CaptionCue[];
  /** Video time, ms. */
  timeMs: number;
  width: number;
  height: number;
}

/** Pure caption renderer: same inputs, same elements. */
export function CaptionsView({ cues, timeMs, width, height, ...safe }: CaptionsViewProps): ReactElement | null {
  const cue = activeCue(cues, timeMs);
  if (!cue) return null;
  const box = captionBox(width, height, safe);
  const active = activeWordIndex(cue, timeMs);
  // Fade in over 100 ms so a cue change does not flash.
  const opacity = interpolate(timeMs - cue.startMs, [0, 100], [0, 1]);
  let wordIndex = 0;
  const lines = cue.lines.map((line, li) => {
    const words = line.split(' ');
    return (
      <div key={li} style={{ whiteSpace: 'pre' }}>
        {words.map((w, wi) => {
          const k = wordIndex++;
          const style: CSSProperties = { color: k === active ? CAPTION_COLORS.active : CAPTION_COLORS.text };
          return (
            <span key={wi} data-word={k} data-active={k === active ? 'true' : undefined} style={style}>
              {wi > 0 ? ' ' : ''}
              {w}
            </span>
          );
        })}
      </div>
    );
  });
  const container: CSSProperties = {
    position: 'absolute',
    left: box.centerX,
    top: box.bottomY,
    transform: 'translate(-50%, -100%)',
    maxWidth: box.maxWidth,
    padding: `${Math.round(box.fontSizePx * 0.28)}px ${Math.round(box.fontSizePx * 0.55)}px`,
    background: CAPTION_COLORS.box,
    borderRadius: Math.round(box.fontSizePx * 0.3),
    fontFamily: "'Inter', 'DejaVu Sans', sans-serif",
    fontWeight: 600,
    fontSize: box.fontSizePx,
    lineHeight: 1.28,
    textAlign: 'center',
    letterSpacing: '0.005em',
    opacity,
    pointerEvents: 'none',
  };
  return (
    <div className="burned-captions" data-cue={cue.index} style={container}>
      {lines}
    </div>
  );
}

export interface CaptionsProps extends SafeAreaOptions {
  /** Cues to show, or a timeline to build them from. */
  captions: readonly CaptionCue[] | Timeline;
}

const cueCache = new WeakMap<Timeline, CaptionCue[]>();

/** Captions at the engine's current frame (absolute, so cues in video time line up inside any Sequence). */
export function Captions({ captions, ...safe }: CaptionsProps): ReactElement | null {
  const frame = useAbsoluteFrame();
  const { fps, width, height } = useVideoConfig();
  let cues: readonly CaptionCue[];
  if (Array.isArray(captions)) cues = captions;
  else {
    const timeline = captions as Timeline;
    cues = cueCache.get(timeline) ?? buildCues(timeline);
    cueCache.set(timeline, cues as CaptionCue[]);
  }
  return <CaptionsView cues={cues} timeMs={(frame * 1000) / fps} width={width} height={height} {...safe} />;
}
