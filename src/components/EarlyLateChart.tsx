import { scaleLinear } from 'd3-scale';
import type { SpineTrace } from '../sim/types';
import { Card } from './Card';
import { fonts, palette, typeScale } from './palette';

const HOUR_MS = 3_600_000;

/** One run drawn on the chart. */
export interface ChartRun {
  trace: SpineTrace;
  label: string;
  color: string;
  dashed?: boolean;
}

/**
 * fEPSP slope (% of baseline) of several runs on one axis, hours since the first train, each read
 * from its trace and drawn up to the current physical time; the early/late boundary (from the
 * model, see earlyLateBoundaryMs) splits the background once `revealLate` > 0.
 */
export function EarlyLateChart({
  runs,
  nowMs,
  toMs,
  boundaryMs,
  revealLate,
  opacity = 1,
  width = 480,
  height = 230,
}: {
  opacity?: number;
  runs: readonly ChartRun[];
  nowMs: number;
  /** End of the x axis, ms. */
  toMs: number;
  /** Early/late boundary, ms, or null when the model has none. */
  boundaryMs: number | null;
  revealLate: number;
  width?: number;
  height?: number;
}) {
  const toH = toMs / HOUR_MS;
  const pad = { l: 56, r: 20, t: 14, b: 40 };
  const x = scaleLinear()
    .domain([0, toH])
    .range([pad.l, width - pad.r]);
  // Up to 300 %: post-tetanic potentiation puts the first minutes near 280 % (trace); clamp keeps every line inside.
  const y = scaleLinear()
    .domain([80, 300])
    .range([height - pad.b, pad.t])
    .clamp(true);
  const nowH = Math.min(toH, Math.max(0, nowMs / HOUR_MS));
  const line = (trace: SpineTrace) => {
    const pts: string[] = [];
    for (let i = 0; i <= 160; i++) {
      const h = (nowH * i) / 160;
      pts.push(`${x(h).toFixed(1)},${y(trace.sample(h * HOUR_MS).fepspPercent).toFixed(1)}`);
    }
    return pts.join(' ');
  };
  const bH = boundaryMs === null ? null : Math.min(toH, boundaryMs / HOUR_MS);
  return (
    <Card heading="fEPSP slope, % of baseline" accent={palette.fepspAfter} style={{ opacity }}>
      <svg width="100%" viewBox={`0 0 ${width} ${height}`} style={{ display: 'block' }}>
        <rect x={x(0)} y={pad.t} width={x(toH) - x(0)} height={height - pad.t - pad.b} fill="#1b2750" />
        {bH !== null && (
          <rect
            x={x(bH)}
            y={pad.t}
            width={x(toH) - x(bH)}
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
        {runs.map((r) => (
          <polyline
            key={r.label}
            points={line(r.trace)}
            fill="none"
            stroke={r.color}
            strokeWidth={r.dashed ? 3 : 5}
            strokeDasharray={r.dashed ? '10 8' : undefined}
            strokeLinejoin="round"
          />
        ))}
        <text
          x={x(0) + 8}
          y={pad.t + 28}
          fill={palette.text}
          fontFamily={fonts.sans}
          fontSize={typeScale.small - 2}
          fontWeight={700}
        >
          early
        </text>
        {bH !== null && (
          <text
            x={x(toH) - 8}
            y={pad.t + 28}
            textAnchor="end"
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
          .filter((h) => h % 2 === 0)
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
      <div
        style={{
          display: 'flex',
          flexWrap: 'wrap',
          gap: '2px 16px',
          fontFamily: fonts.sans,
          fontSize: typeScale.small - 4,
          color: palette.textMuted,
        }}
      >
        {runs.map((r) => (
          <span key={r.label} style={{ whiteSpace: 'nowrap' }}>
            <span style={{ color: r.color }}>{r.dashed ? '╌' : '━'}</span> {r.label}
          </span>
        ))}
      </div>
    </Card>
  );
}
