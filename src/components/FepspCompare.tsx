import { Card } from './Card';
import { fonts, palette, typeScale } from './palette';
import { NBSP } from './units';

/**
 * Field EPSP to the same test pulse before and after induction. The slope
 * ratio comes from the trace (fepspPercent); the waveform is a generic
 * difference-of-exponentials field EPSP (rise 1 ms, decay 6 ms), scaled by it.
 */
export function FepspCompare({
  afterPercent,
  showAfter,
  label,
  width = 480,
  height = 200,
}: {
  afterPercent: number;
  showAfter: number;
  label: string;
  width?: number;
  height?: number;
}) {
  const pad = { l: 10, r: 10, t: 16, b: 16 };
  const durMs = 25;
  const shape = (t: number) => (t < 2 ? 0 : Math.exp(-(t - 2) / 6) - Math.exp(-(t - 2) / 1));
  const peak = Math.max(...Array.from({ length: 200 }, (_, i) => shape((i / 200) * durMs)));
  // Room for the largest response the trace gives (post-tetanic potentiation reaches ~280 % in the first minutes).
  const maxScale = Math.max(2.2, (afterPercent / 100) * 1.08);
  const path = (scale: number) =>
    Array.from({ length: 121 }, (_, i) => {
      const t = (i / 120) * durMs;
      const x = pad.l + (t / durMs) * (width - pad.l - pad.r);
      const y = pad.t + (((shape(t) / peak) * scale) / maxScale) * (height - pad.t - pad.b);
      return `${i ? 'L' : 'M'}${x.toFixed(1)},${y.toFixed(1)}`;
    }).join(' ');
  return (
    <Card heading="Same test pulse, field EPSP" accent={palette.fepspAfter}>
      <svg width="100%" viewBox={`0 0 ${width} ${height}`} style={{ display: 'block' }}>
        <line x1={pad.l} x2={width - pad.r} y1={pad.t} y2={pad.t} stroke={palette.panelBorder} strokeWidth={2} />
        <path d={path(1)} fill="none" stroke={palette.fepspBefore} strokeWidth={5} strokeLinejoin="round" />
        {showAfter > 0 && (
          <path
            d={path(afterPercent / 100)}
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
          fontFamily: fonts.sans,
          fontSize: typeScale.small,
          color: palette.textMuted,
        }}
      >
        <span>
          <span style={{ color: palette.fepspBefore }}>━</span> before:{' '}
          <span style={{ fontFamily: fonts.mono, color: palette.text }}>100{NBSP}%</span>
        </span>
        <span style={{ opacity: Math.max(0.35, showAfter) }}>
          <span style={{ color: palette.fepspAfter }}>━</span> {label}:{' '}
          <span style={{ fontFamily: fonts.mono, color: palette.fepspAfter, fontWeight: 700 }}>
            {Math.round(afterPercent)}
            {NBSP}%
          </span>
        </span>
      </div>
    </Card>
  );
}
