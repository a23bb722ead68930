import { scaleLinear } from 'd3-scale';
import type { SpineTrace } from '../sim/types';
import { Card } from './Card';
import { fonts, palette, typeScale } from './palette';

/** End of early LTP, h (1-3 h, seed article). */
const EARLY_END_H = 3;

/**
 * fEPSP slope (% of baseline) over hours after induction, read from the
 * trace, drawn up to the current physical time; the early-LTP window
 * (0-3 h) and, once revealed, the late phase that needs new protein.
 */
export function EarlyLateChart({
  trace,
  nowMs,
  toH,
  revealLate,
  width = 480,
  height = 230,
}: {
  trace: SpineTrace;
  nowMs: number;
  toH: number;
  revealLate: number;
  width?: number;
  height?: number;
}) {
  const pad = { l: 56, r: 34, t: 14, b: 40 };
  const x = scaleLinear()
    .domain([0, toH])
    .range([pad.l, width - pad.r]);
  // Up to 300 %: post-tetanic potentiation puts the first minutes near 280 % (trace), and the line must stay inside the plot.
  const y = scaleLinear()
    .domain([80, 300])
    .range([height - pad.b, pad.t]);
  const nowH = Math.min(toH, Math.max(0, nowMs / 3_600_000));
  const pts: string[] = [];
  for (let i = 0; i <= 150; i++) {
    const h = (nowH * i) / 150;
    pts.push(`${x(h).toFixed(1)},${y(trace.sample(h * 3_600_000).fepspPercent).toFixed(1)}`);
  }
  return (
    <Card heading="fEPSP slope, % of baseline" accent={palette.fepspAfter}>
      <svg width="100%" viewBox={`0 0 ${width} ${height}`} style={{ display: 'block' }}>
        <rect
          x={x(0)}
          y={pad.t}
          width={x(Math.min(EARLY_END_H, toH)) - x(0)}
          height={height - pad.t - pad.b}
          fill="#1b2750"
        />
        {EARLY_END_H < toH && (
          <rect
            x={x(EARLY_END_H)}
            y={pad.t}
            width={x(toH) - x(EARLY_END_H)}
            height={height - pad.t - pad.b}
            fill="#3a2a18"
            opacity={revealLate}
          />
        )}
        <line
          x1={pad.l}
          x2={width - pad.r}
          y1={y(100)}
          y2={y(100)}
          stroke={palette.fepspBefore}
          strokeDasharray="6 6"
          strokeWidth={2}
        />
        <polyline
          points={pts.join(' ')}
          fill="none"
          stroke={palette.fepspAfter}
          strokeWidth={5}
          strokeLinejoin="round"
        />
        <text
          x={x(0) + 8}
          y={pad.t + 30}
          fill={palette.text}
          fontFamily={fonts.sans}
          fontSize={typeScale.small - 2}
          fontWeight={700}
        >
          early
        </text>
        {EARLY_END_H < toH && (
          <text
            x={x(EARLY_END_H) + 8}
            y={pad.t + 30}
            fill={palette.calcium}
            fontFamily={fonts.sans}
            fontSize={typeScale.small - 2}
            fontWeight={700}
            opacity={revealLate}
          >
            late
          </text>
        )}
        {[100, 200, 300].map((v) => (
          <text
            key={v}
            x={pad.l - 8}
            y={y(v) + 8}
            fill={palette.textMuted}
            fontFamily={fonts.mono}
            fontSize={typeScale.small - 4}
            textAnchor="end"
          >
            {v}
          </text>
        ))}
        {Array.from({ length: Math.floor(toH) + 1 }, (_, h) => h)
          .filter((h) => h % Math.max(1, Math.round(toH / 4)) === 0)
          .map((h) => (
            <text
              key={h}
              x={x(h)}
              y={height - 10}
              fill={palette.textMuted}
              fontFamily={fonts.mono}
              fontSize={typeScale.small - 4}
              textAnchor="middle"
            >
              {h} h
            </text>
          ))}
      </svg>
    </Card>
  );
}
