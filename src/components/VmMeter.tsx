import { interpolate } from '../engine';
import { Card, BigValue } from './Card';
import { fonts, palette, typeScale } from './palette';
import { formatMv, MG, MINUS, NBSP } from './units';

const VM_MIN = -80;
const VM_MAX = 20;
/** Depolarisation at which Mg2+ block is largely relieved, "about −40 mV and above" (seed article). */
const UNBLOCK_MV = -40;

/** Spine membrane potential on a −80..+20 mV bar, with the ≈ −40 mV Mg2+ threshold marked. */
export function VmMeter({ vmMv, mgUnblockedFraction }: { vmMv: number; mgUnblockedFraction?: number }) {
  const w = 460;
  const x = (v: number) => interpolate(v, [VM_MIN, VM_MAX], [0, w]);
  return (
    <Card heading="Spine membrane potential" accent={palette.vm}>
      <BigValue value={formatMv(vmMv).replace(' mV', '')} unit="mV" color={palette.vm} />
      <svg width="100%" viewBox={`-10 0 ${w + 20} 74`} style={{ display: 'block', marginTop: 8 }}>
        <rect x={0} y={10} width={w} height={18} rx={9} fill="#223056" />
        <rect x={0} y={10} width={x(vmMv)} height={18} rx={9} fill={palette.vm} />
        <line x1={x(UNBLOCK_MV)} x2={x(UNBLOCK_MV)} y1={2} y2={36} stroke={palette.threshold} strokeWidth={4} />
        <text
          x={0}
          y={66}
          fill={palette.textMuted}
          fontSize={typeScale.small - 2}
          fontFamily={fonts.mono}
        >{`${MINUS}80`}</text>
        <text
          x={x(UNBLOCK_MV)}
          y={66}
          fill={palette.threshold}
          fontSize={typeScale.small - 2}
          fontFamily={fonts.mono}
          textAnchor="middle"
        >{`${MINUS}40`}</text>
        <text
          x={w}
          y={66}
          fill={palette.textMuted}
          fontSize={typeScale.small - 2}
          fontFamily={fonts.mono}
          textAnchor="end"
        >
          +20 mV
        </text>
      </svg>
      {mgUnblockedFraction !== undefined && (
        <div style={{ fontSize: typeScale.small, color: palette.textMuted, marginTop: 4, fontFamily: fonts.sans }}>
          NMDA pores free of {MG}:{' '}
          <span style={{ color: palette.magnesium, fontFamily: fonts.mono, fontWeight: 700 }}>
            {Math.round(mgUnblockedFraction * 100)}
            {NBSP}%
          </span>
        </div>
      )}
    </Card>
  );
}
