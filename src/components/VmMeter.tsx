import { interpolate } from '../engine';
import { Card, BigValue } from './Card';
import { fonts, palette, typeScale } from './palette';
import { formatMv, MG, MINUS, NBSP } from './units';

const VM_MIN = -80;
const VM_MAX = 20;

/**
 * Spine membrane potential on a −80..+20 mV bar and, when given, the share of NMDA pores free of
 * Mg2+ (Jahr-Stevens B(V), from the trace) as a second bar with its half-way mark: relief is graded,
 * so no voltage is drawn as a threshold.
 */
export function VmMeter({ vmMv, mgUnblockedFraction }: { vmMv: number; mgUnblockedFraction?: number }) {
  const w = 460;
  const x = (v: number) => interpolate(v, [VM_MIN, VM_MAX], [0, w]);
  const free = mgUnblockedFraction === undefined ? null : Math.min(1, Math.max(0, mgUnblockedFraction));
  return (
    <Card heading="Spine membrane potential" accent={palette.vm}>
      <BigValue value={formatMv(vmMv).replace(' mV', '')} unit="mV" color={palette.vm} />
      <svg width="100%" viewBox={`-10 0 ${w + 20} 56`} style={{ display: 'block', marginTop: 8 }}>
        <rect x={0} y={4} width={w} height={18} rx={9} fill="#223056" />
        <rect x={0} y={4} width={x(vmMv)} height={18} rx={9} fill={palette.vm} />
        <text x={0} y={50} fill={palette.textMuted} fontSize={typeScale.small - 2} fontFamily={fonts.mono}>
          {`${MINUS}80`}
        </text>
        <text
          x={x(-40)}
          y={50}
          fill={palette.textMuted}
          fontSize={typeScale.small - 2}
          fontFamily={fonts.mono}
          textAnchor="middle"
        >{`${MINUS}40`}</text>
        <text
          x={w}
          y={50}
          fill={palette.textMuted}
          fontSize={typeScale.small - 2}
          fontFamily={fonts.mono}
          textAnchor="end"
        >
          +20 mV
        </text>
      </svg>
      {free !== null && (
        <>
          <div style={{ fontSize: typeScale.small, color: palette.textMuted, marginTop: 6, fontFamily: fonts.sans }}>
            NMDA pores free of {MG}:{' '}
            <span style={{ color: palette.magnesium, fontFamily: fonts.mono, fontWeight: 700 }}>
              {Math.round(free * 100)}
              {NBSP}%
            </span>
          </div>
          <svg width="100%" viewBox={`-10 0 ${w + 20} 30`} style={{ display: 'block', marginTop: 6 }}>
            <rect x={0} y={4} width={w} height={14} rx={7} fill="#223056" />
            <rect x={0} y={4} width={free * w} height={14} rx={7} fill={palette.magnesium} />
            <line x1={w / 2} x2={w / 2} y1={0} y2={22} stroke={palette.text} strokeWidth={2} opacity={0.7} />
          </svg>
        </>
      )}
    </Card>
  );
}
