import { useMemo } from 'react';
import type { SpineTrace } from '../sim/types';
import { testPulseResponse } from '../sim';
import { Card } from './Card';
import { fonts, palette, typeScale } from './palette';
import { NBSP } from './units';

/** Time after the test pulse that is drawn, ms (the simulated response is 60 ms long). */
const DRAWN_MS = 40;

/**
 * The same test pulse before and after induction: both responses are simulated from the trace's
 * synaptic state (testPulseResponse: AMPA receptor count, S831, post-tetanic release), drawn as the
 * spine EPSP in mV on one scale; the field EPSP slope (fepspPercent) of the "after" state is printed.
 */
export function FepspCompare({
  trace,
  beforeMs,
  afterMs,
  showAfter,
  label,
  width = 480,
  height = 170,
}: {
  trace: SpineTrace;
  /** Trace time of the baseline test pulse, ms. */
  beforeMs: number;
  /** Trace time whose state gives the "after" response, ms. */
  afterMs: number;
  showAfter: number;
  label: string;
  width?: number;
  height?: number;
}) {
  const pad = { l: 10, r: 10, t: 12, b: 10 };
  const before = useMemo(() => testPulseResponse(trace, beforeMs), [trace, beforeMs]);
  const after = testPulseResponse(trace, afterMs);
  const v0 = before.waveform.vmMv[0] ?? 0;
  const a0 = after.waveform.vmMv[0] ?? 0;
  const maxMv = Math.max(before.epspPeakMv, after.epspPeakMv, 1) * 1.08;
  const path = (r: typeof before, rest: number) =>
    r.waveform.tMs
      .map((t, i) => ({ t, v: (r.waveform.vmMv[i] ?? rest) - rest }))
      .filter((p) => p.t <= DRAWN_MS)
      .map((p, i) => {
        const x = pad.l + (p.t / DRAWN_MS) * (width - pad.l - pad.r);
        const y = height - pad.b - (p.v / maxMv) * (height - pad.t - pad.b);
        return `${i ? 'L' : 'M'}${x.toFixed(1)},${y.toFixed(1)}`;
      })
      .join(' ');
  return (
    <Card heading="Same test pulse: the spine's response" accent={palette.fepspAfter}>
      <svg width="100%" viewBox={`0 0 ${width} ${height}`} style={{ display: 'block' }}>
        <line
          x1={pad.l}
          x2={width - pad.r}
          y1={height - pad.b}
          y2={height - pad.b}
          stroke={palette.panelBorder}
          strokeWidth={2}
        />
        <path d={path(before, v0)} fill="none" stroke={palette.fepspBefore} strokeWidth={5} strokeLinejoin="round" />
        {showAfter > 0 && (
          <path
            d={path(after, a0)}
            fill="none"
            stroke={palette.fepspAfter}
            strokeWidth={6}
            strokeLinejoin="round"
            opacity={showAfter}
          />
        )}
      </svg>
      <div
        style={{
          display: 'flex',
          justifyContent: 'space-between',
          gap: 12,
          fontFamily: fonts.sans,
          fontSize: typeScale.small,
          color: palette.textMuted,
        }}
      >
        <span>
          <span style={{ color: palette.fepspBefore }}>━</span> before
        </span>
        <span style={{ opacity: Math.max(0.35, showAfter) }}>
          <span style={{ color: palette.fepspAfter }}>━</span> {label}
        </span>
      </div>
      <div
        style={{
          fontFamily: fonts.sans,
          fontSize: typeScale.small,
          color: palette.textMuted,
          marginTop: 4,
          opacity: Math.max(0.35, showAfter),
        }}
      >
        field EPSP slope{' '}
        <span style={{ fontFamily: fonts.mono, color: palette.fepspAfter, fontWeight: 700 }}>
          {Math.round(after.fepspPercent)}
        </span>
        {NBSP}% of baseline
      </div>
    </Card>
  );
}
