import { scaleLinear, scaleLog } from 'd3-scale';
import type { SpineTrace } from '../sim/types';
import { Card } from './Card';
import { fonts, palette, typeScale } from './palette';
import { formatPhysicalTime } from '../story/storyTime';
import { CA, MICRO_M } from './units';

export interface LiveTraceProps {
  trace: SpineTrace;
  /** Physical window plotted, ms (the scene's start to its end). */
  fromMs: number;
  toMs: number;
  /** Current physical time: the lines are drawn up to here. */
  nowMs: number;
  width?: number;
  height?: number;
}

/**
 * A small live plot of spine Vm (mV, left axis, linear) and free Ca2+ (µM,
 * right axis, log 0.05-10) over the scene's physical window, drawn up to the
 * current time: both read from the trace, 160 samples across the window.
 */
export function LiveTrace({ trace, fromMs, toMs, nowMs, width = 480, height = 190 }: LiveTraceProps) {
  const pad = { l: 8, r: 8, t: 10, b: 34 };
  const x = scaleLinear()
    .domain([fromMs, toMs])
    .range([pad.l, width - pad.r]);
  const yVm = scaleLinear()
    .domain([-80, 20])
    .range([height - pad.b, pad.t]);
  const yCa = scaleLog()
    .domain([0.05, 10])
    .range([height - pad.b, pad.t])
    .clamp(true);
  const n = 160;
  const end = Math.min(Math.max(nowMs, fromMs), toMs);
  const vm: string[] = [];
  const ca: string[] = [];
  for (let i = 0; i <= n; i++) {
    const t = fromMs + ((end - fromMs) * i) / n;
    const s = trace.sample(t);
    vm.push(`${x(t).toFixed(1)},${yVm(s.vmMv).toFixed(1)}`);
    ca.push(`${x(t).toFixed(1)},${yCa(Math.max(s.spineCaMicroM, 0.05)).toFixed(1)}`);
  }
  return (
    <Card
      heading={
        <>
          <span style={{ color: palette.vm }}>
            V<sub>m</sub> (mV)
          </span>{' '}
          ·{' '}
          <span style={{ color: palette.calcium }}>
            {CA} ({MICRO_M}, log)
          </span>
        </>
      }
    >
      <svg width="100%" viewBox={`0 0 ${width} ${height}`} style={{ display: 'block' }}>
        <rect x={pad.l} y={pad.t} width={width - pad.l - pad.r} height={height - pad.t - pad.b} fill="#0d1430" rx={6} />
        <polyline points={ca.join(' ')} fill="none" stroke={palette.calcium} strokeWidth={4} strokeLinejoin="round" />
        <polyline points={vm.join(' ')} fill="none" stroke={palette.vm} strokeWidth={4} strokeLinejoin="round" />
        <line
          x1={x(end)}
          x2={x(end)}
          y1={pad.t}
          y2={height - pad.b}
          stroke={palette.text}
          strokeWidth={2}
          opacity={0.6}
        />
        <text x={pad.l} y={height - 6} fill={palette.textMuted} fontSize={typeScale.small - 2} fontFamily={fonts.mono}>
          {formatPhysicalTime(fromMs)}
        </text>
        <text
          x={width - pad.r}
          y={height - 6}
          fill={palette.textMuted}
          fontSize={typeScale.small - 2}
          fontFamily={fonts.mono}
          textAnchor="end"
        >
          {formatPhysicalTime(toMs)}
        </text>
      </svg>
    </Card>
  );
}
