import { interpolate } from '../engine';
import { Card } from './Card';
import { fonts, palette, typeScale } from './palette';
import { CA } from './units';

/** Subunits of one CaMKII holoenzyme: two stacked hexameric rings (Chao et al. 2011 Cell 146:732). */
export const CAMKII_SUBUNITS = 12;

/** Subunits drawn lit (T286-phosphorylated): round(12 x pT286 fraction). */
export function litSubunits(camkiiPT286Fraction: number): number {
  return subunitsOf(camkiiPT286Fraction);
}

/** round(12 x fraction), the fraction held to 0..1. */
function subunitsOf(fraction: number): number {
  return Math.round(interpolate(fraction, [0, 1], [0, CAMKII_SUBUNITS]));
}

/**
 * One CaMKII holoenzyme, seen from above: two rings of six kinase subunits.
 * Lit subunits = round(12 x camkiiPT286Fraction); a Ca2+/calmodulin halo
 * on round(12 x camkiiCaMBoundFraction) of them.
 */
export function CamkiiHoloenzyme({
  pT286Fraction,
  camBoundFraction,
  size = 230,
}: {
  pT286Fraction: number;
  camBoundFraction: number;
  size?: number;
}) {
  const lit = litSubunits(pT286Fraction);
  const cam = subunitsOf(camBoundFraction);
  const c = size / 2;
  const subunits = Array.from({ length: CAMKII_SUBUNITS }, (_, i) => {
    const ring = i < 6 ? 0 : 1;
    const k = i % 6;
    const ang = (k / 6) * Math.PI * 2 + (ring ? Math.PI / 6 : 0) - Math.PI / 2;
    const rr = ring ? size * 0.36 : size * 0.22;
    // Fill order alternates rings so lit subunits spread around the holoenzyme.
    const order = k * 2 + ring;
    return { x: c + Math.cos(ang) * rr, y: c + Math.sin(ang) * rr, order };
  });
  return (
    <Card heading="CaMKII holoenzyme (12 subunits)" accent={palette.camkiiLit}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 18 }}>
        <svg width={size} height={size}>
          <circle cx={c} cy={c} r={size * 0.1} fill="#1a2347" stroke={palette.panelBorder} strokeWidth={3} />
          {subunits.map((s) => (
            <g key={s.order}>
              {s.order < cam && (
                <circle
                  cx={s.x}
                  cy={s.y}
                  r={size * 0.1}
                  fill="none"
                  stroke={palette.calcium}
                  strokeWidth={4}
                  opacity={0.9}
                />
              )}
              <circle
                cx={s.x}
                cy={s.y}
                r={size * 0.075}
                fill={s.order < lit ? palette.camkiiLit : palette.camkiiDim}
                stroke="#0b1020"
                strokeWidth={2}
              />
            </g>
          ))}
        </svg>
        <div style={{ fontFamily: fonts.sans, fontSize: typeScale.small, color: palette.textMuted, lineHeight: 1.35 }}>
          <div>
            <span
              style={{
                fontFamily: fonts.mono,
                fontSize: typeScale.bigNumber,
                color: palette.camkiiLit,
                fontWeight: 700,
              }}
            >
              {lit}
            </span>
            <span style={{ fontFamily: fonts.mono, fontSize: typeScale.body }}> / 12</span>
          </div>
          <div>phosphorylated at T286:</div>
          <div>active without {CA}</div>
          <div style={{ marginTop: 8 }}>
            <span style={{ color: palette.calcium, fontFamily: fonts.mono, fontWeight: 700 }}>{cam}</span> with {CA}/CaM
          </div>
        </div>
      </div>
    </Card>
  );
}
