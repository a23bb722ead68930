import { scaleLinear } from 'd3-scale';
import type { SpineTrace } from '../sim/types';
import { Card } from './Card';
import { fonts, palette, typeScale } from './palette';
import { formatCaMicroM, NBSP } from './units';
import type { ltdComparison } from '../story/filmQuantities';

const MINUTE_MS = 60_000;

/**
 * Long-term depression from the LFS run: a small fEPSP plot (% of baseline over the stimulation
 * and the 2 h after) and the numbers that make the contrast with LTP, all read from the model.
 */
export function LtdCard({
  heading,
  ltd,
  numbers,
  compact = false,
  width = 480,
}: {
  heading: string;
  ltd: SpineTrace;
  numbers: ReturnType<typeof ltdComparison>;
  /** Narrow panels (9:16, 1:1): shorter lines and a flatter plot. */
  compact?: boolean;
  width?: number;
}) {
  const height = compact ? 56 : 110;
  const pad = { l: 8, r: 8, t: 8, b: 8 };
  const toMs = numbers.durationMin * MINUTE_MS + 120 * MINUTE_MS;
  const x = scaleLinear()
    .domain([0, toMs])
    .range([pad.l, width - pad.r]);
  const y = scaleLinear()
    .domain([70, 105])
    .range([height - pad.b, pad.t])
    .clamp(true);
  const pts = Array.from({ length: 121 }, (_, i) => {
    const t = (toMs * i) / 120;
    return `${x(t).toFixed(1)},${y(ltd.sample(t).fepspPercent).toFixed(1)}`;
  }).join(' ');
  const mono = { fontFamily: fonts.mono, color: palette.text, fontWeight: 700 } as const;
  return (
    <Card heading={heading} accent={palette.threshold}>
      <div
        style={{
          fontFamily: fonts.sans,
          fontSize: compact ? typeScale.small - 4 : typeScale.small,
          color: palette.textMuted,
          lineHeight: 1.25,
        }}
      >
        <div>
          {numbers.rateHz.toFixed(0)}
          {NBSP}Hz × {numbers.pulses} pulses ({numbers.durationMin.toFixed(0)}
          {NBSP}min)
        </div>
        <div>
          {'Ca²⁺'} peak <span style={mono}>{formatCaMicroM(numbers.ltdCaPeakMicroM)}</span> (train{' '}
          {formatCaMicroM(numbers.trainCaPeakMicroM)})
        </div>
        <div>
          phosphatase <span style={mono}>{Math.round(numbers.ltdPhosphatasePeak * 100)}%</span> · CaMKII pT286{' '}
          <span style={mono}>{Math.round(numbers.ltdPT286Peak * 100)}%</span>
        </div>
      </div>
      <svg width="100%" viewBox={`0 0 ${width} ${height}`} style={{ display: 'block', marginTop: 4 }}>
        <rect x={pad.l} y={pad.t} width={width - pad.l - pad.r} height={height - pad.t - pad.b} fill="#0d1430" rx={6} />
        <line
          x1={pad.l}
          x2={width - pad.r}
          y1={y(100)}
          y2={y(100)}
          stroke={palette.fepspBefore}
          strokeDasharray="6 6"
          strokeWidth={2}
        />
        <polyline points={pts} fill="none" stroke={palette.threshold} strokeWidth={4} strokeLinejoin="round" />
      </svg>
      <div
        style={{
          fontFamily: fonts.sans,
          fontSize: compact ? typeScale.small - 4 : typeScale.small,
          color: palette.textMuted,
        }}
      >
        fEPSP 1{NBSP}h after:{' '}
        <span style={{ ...mono, color: palette.threshold }}>
          {Math.round(numbers.fepspPercent1hAfter)}
          {NBSP}%
        </span>{' '}
        of baseline
      </div>
    </Card>
  );
}
