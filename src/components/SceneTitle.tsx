import { useExplainer } from './explainerContext';
import { fonts, palette, typeScale } from './palette';
import { useMemo } from 'react';
import { formatPhysicalTime, formatSpeedFactor } from '../story/storyTime';
import { inductionPhaseLabel, inductionTrains } from '../story/induction';

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
          maxWidth={kind === 'square' ? layout.panel.x - box.x - 24 : undefined}
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
        marginTop: 14,
        padding: '8px 16px',
        borderRadius: 12,
        background: 'rgba(11, 16, 32, 0.8)',
        border: `2px solid ${palette.panelBorder}`,
        fontFamily: fonts.mono,
        fontSize: compact ? 28 : typeScale.clock,
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
