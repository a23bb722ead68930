import { Card, BigValue } from './Card';
import { caColor, caScalePosition, CA_COLOR_MAX_MICRO_M, CA_COLOR_MIN_MICRO_M, freeCaIonCount } from './caColor';
import { fonts, palette, typeScale } from './palette';
import { CA, formatCaMicroM, MICRO_M } from './units';

/**
 * Free spine [Ca2+] with the colour bar used on the 3D spine (log 50 nM - 10 µM), the resting level
 * marked on it (from the trace) and the number of free ions in the head; `note` adds one line
 * (the calcium scene: how long Ca2+ stays above 1 µM, from the trace).
 */
export function CaReadout({
  spineCaMicroM,
  spineHeadVolumeUm3,
  restCaMicroM,
  note,
}: {
  spineCaMicroM: number;
  spineHeadVolumeUm3: number;
  restCaMicroM?: number;
  note?: string;
}) {
  const w = 460;
  const stops = Array.from({ length: 11 }, (_, i) => i / 10);
  const ticks: [number, string][] = [
    restCaMicroM !== undefined ? [0.05, `rest ${formatCaMicroM(restCaMicroM)}`] : [0.05, '50 nM'],
    [1, `1 ${MICRO_M}`],
    [10, `10 ${MICRO_M}`],
  ];
  const ions = Math.round(freeCaIonCount(spineCaMicroM, spineHeadVolumeUm3));
  const [value, unit] = formatCaMicroM(spineCaMicroM).split(' ');
  return (
    <Card heading={<>Free {CA} in the spine head</>} accent={palette.calcium}>
      <BigValue value={value ?? ''} unit={unit ?? ''} color={palette.calcium} />
      <svg width="100%" viewBox={`-10 0 ${w + 20} 70`} style={{ display: 'block', marginTop: 8 }}>
        <defs>
          <linearGradient id="ca-bar" x1="0" x2="1" y1="0" y2="0">
            {stops.map((s) => {
              const c = CA_COLOR_MIN_MICRO_M * Math.pow(CA_COLOR_MAX_MICRO_M / CA_COLOR_MIN_MICRO_M, s);
              return <stop key={s} offset={s} stopColor={caColor(c)} />;
            })}
          </linearGradient>
        </defs>
        <rect x={0} y={8} width={w} height={18} rx={4} fill="url(#ca-bar)" />
        {restCaMicroM !== undefined && (
          <line
            x1={caScalePosition(restCaMicroM) * w}
            x2={caScalePosition(restCaMicroM) * w}
            y1={4}
            y2={30}
            stroke={palette.text}
            strokeWidth={3}
          />
        )}
        <path d={`M ${caScalePosition(spineCaMicroM) * w} 30 l -10 14 h 20 z`} fill={palette.text} />
        {ticks.map(([c, label], i) => (
          <text
            key={label}
            x={caScalePosition(c) * w}
            y={64}
            fill={palette.textMuted}
            fontSize={typeScale.small - 2}
            fontFamily={fonts.mono}
            textAnchor={i === 0 ? 'start' : i === ticks.length - 1 ? 'end' : 'middle'}
          >
            {label}
          </text>
        ))}
      </svg>
      <div style={{ fontSize: typeScale.small, color: palette.textMuted, marginTop: 2 }}>
        ≈ <span style={{ fontFamily: fonts.mono, color: palette.calcium, fontWeight: 700 }}>{ions}</span> free {CA} ions
        in the head
      </div>
      {note && <div style={{ fontSize: typeScale.small, color: palette.textMuted, marginTop: 2 }}>{note}</div>}
    </Card>
  );
}
