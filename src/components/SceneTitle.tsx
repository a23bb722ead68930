import { useExplainer } from './explainerContext';
import { fonts, palette, typeScale } from './palette';
import { useMemo } from 'react';
import { formatPhysicalTime, formatSpeedFactor } from '../story/storyTime';
import { inductionPhaseLabel, inductionTrains } from '../story/induction';
import type { Layout, Rect } from './layout';

/** Average advance of a character, as a fraction of the font size, measured in rendered frames. */
const TITLE_CHAR_EM = 0.52; // Inter ExtraBold: "Calcium floods the spine", 24 characters, 682 px at 56 px
const CLOCK_CHAR_EM = 0.6; // the mono face: "t = 3.90 ms · train 1 of 3 · 1/1,000 speed", 42 characters, 857 px at 34 px
/** The clock's box: font size when compact (9:16, 1:1), gap above, padding and border, px. */
const COMPACT_CLOCK_PX = 28;
const CLOCK_MARGIN_TOP = 14;
const CLOCK_PAD_Y = 8;
const CLOCK_PAD_X = 16;
const CLOCK_BORDER = 2;
/** Characters of a long clock line ("t = 12.345 s · after train 3 of 3 · 1/1,000 speed"). */
const CLOCK_MAX_CHARS = 46;

/**
 * The box the title block covers (kicker, title lines, clock), estimated from the text the way the
 * block lays out below, so stage labels can keep out of it (StageLabels' keepOut) without measuring the DOM.
 */
export function titleBlockRect(layout: Layout, title: string, withClock: boolean): Rect {
  const { title: box, kind } = layout;
  const titleWidthPx = title.length * TITLE_CHAR_EM * box.size;
  const titleLines = Math.max(1, Math.ceil(titleWidthPx / box.maxWidth));
  const kickerPx = typeScale.kicker * 1.2;
  const titlePx = 6 + titleLines * box.size * 1.1;
  const clockFontPx = kind !== 'landscape' ? COMPACT_CLOCK_PX : typeScale.clock;
  const clockWidthPx = CLOCK_MAX_CHARS * CLOCK_CHAR_EM * clockFontPx + CLOCK_PAD_X * 2;
  const clockMaxPx = clockMaxWidth(layout) ?? box.maxWidth;
  const clockLines = clockWidthPx > clockMaxPx ? 2 : 1;
  const clockPx = withClock ? CLOCK_MARGIN_TOP + 2 * (CLOCK_PAD_Y + CLOCK_BORDER) + clockLines * clockFontPx * 1.2 : 0;
  const widthPx = Math.max(Math.min(titleWidthPx, box.maxWidth), withClock ? Math.min(clockWidthPx, clockMaxPx) : 0);
  return { x: box.x, y: box.y, w: widthPx, h: kickerPx + titlePx + clockPx };
}

/** On 1:1 the panel starts beside the title: the clock wraps before it. */
function clockMaxWidth(layout: Layout): number | undefined {
  return layout.kind === 'square' ? layout.panel.x - layout.title.x - 24 : undefined;
}

/** Chapter kicker + title, top-left, with the physical clock under it ("t = 12.4 ms · 1/1000 speed"). */
export function SceneTitle({
  kicker,
  title,
  tMs,
  factor,
  replay = false,
}: {
  kicker: string;
  title: string;
  tMs: number | null;
  factor: number | null;
  /** The scene goes back in physical time from the previous one: say so on the clock. */
  replay?: boolean;
}) {
  const { layout, data } = useExplainer();
  const { title: box, kind } = layout;
  const trains = useMemo(() => inductionTrains(data.trace.protocol), [data.trace]);
  return (
    <div
      style={{
        position: 'absolute',
        left: box.x,
        top: box.y,
        maxWidth: box.maxWidth,
        fontFamily: fonts.sans,
        color: palette.text,
      }}
    >
      <div
        style={{
          fontSize: typeScale.kicker,
          fontWeight: 600,
          color: palette.textMuted,
          letterSpacing: 2,
          textTransform: 'uppercase',
        }}
      >
        {kicker}
      </div>
      <div
        style={{
          fontSize: box.size,
          fontWeight: 800,
          lineHeight: 1.1,
          marginTop: 6,
          textShadow: '0 2px 12px rgba(0,0,0,0.6)',
        }}
      >
        {title}
      </div>
      {tMs !== null && factor !== null && (
        <PhysicalClock
          tMs={tMs}
          factor={factor}
          phase={inductionPhaseLabel(tMs, trains)}
          replay={replay}
          compact={kind !== 'landscape'}
          maxWidth={clockMaxWidth(layout)}
        />
      )}
    </div>
  );
}

/**
 * The physical clock: simulated time since the first spike of the first train, where that time
 * falls in the induction ("train 1 of 3", "after train 3 of 3"), and the playback speed.
 */
export function PhysicalClock({
  tMs,
  factor,
  phase,
  replay = false,
  compact,
  maxWidth,
}: {
  tMs: number;
  factor: number;
  phase: string;
  replay?: boolean;
  compact?: boolean;
  /** Wrap onto a second line beyond this width, px (1:1, where the panel starts beside the title). */
  maxWidth?: number;
}) {
  return (
    <div
      data-testid="physical-clock"
      style={{
        display: 'inline-flex',
        flexWrap: 'wrap',
        maxWidth,
        boxSizing: 'border-box',
        columnGap: 14,
        rowGap: 2,
        alignItems: 'baseline',
        marginTop: CLOCK_MARGIN_TOP,
        padding: `${CLOCK_PAD_Y}px ${CLOCK_PAD_X}px`,
        borderRadius: 12,
        background: 'rgba(11, 16, 32, 0.8)',
        border: `${CLOCK_BORDER}px solid ${palette.panelBorder}`,
        fontFamily: fonts.mono,
        fontSize: compact ? COMPACT_CLOCK_PX : typeScale.clock,
        color: palette.text,
        whiteSpace: 'nowrap',
      }}
    >
      {replay && <span style={{ color: palette.threshold }}>↺ replay</span>}
      <span>t = {formatPhysicalTime(tMs)}</span>
      <span style={{ color: palette.textMuted }}>·</span>
      <span style={{ color: palette.textMuted }}>{phase}</span>
      <span style={{ color: palette.textMuted }}>·</span>
      <span style={{ color: palette.camkiiLit }}>{formatSpeedFactor(factor)}</span>
    </div>
  );
}
