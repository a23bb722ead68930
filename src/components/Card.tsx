import type { CSSProperties, ReactNode } from 'react';
import { fonts, palette, typeScale } from './palette';

/** A data card in the overlay panel: small heading, content. */
export function Card({
  heading,
  children,
  style,
  accent,
}: {
  heading: ReactNode;
  children: ReactNode;
  style?: CSSProperties;
  accent?: string;
}) {
  return (
    <div
      style={{
        background: 'rgba(18, 26, 54, 0.92)',
        border: `2px solid ${palette.panelBorder}`,
        borderLeft: `6px solid ${accent ?? palette.panelBorder}`,
        borderRadius: 18,
        padding: '16px 22px 18px',
        color: palette.text,
        fontFamily: fonts.sans,
        boxSizing: 'border-box',
        ...style,
      }}
    >
      <div
        style={{
          fontSize: typeScale.small,
          fontWeight: 600,
          color: palette.textMuted,
          letterSpacing: 0.5,
          marginBottom: 6,
        }}
      >
        {heading}
      </div>
      {children}
    </div>
  );
}

/** A big mono number with a unit. */
export function BigValue({ value, unit, color }: { value: string; unit?: string; color?: string }) {
  return (
    <div
      style={{
        fontFamily: fonts.mono,
        fontSize: typeScale.bigNumber,
        fontWeight: 700,
        color: color ?? palette.text,
        lineHeight: 1.1,
        whiteSpace: 'nowrap',
      }}
    >
      {value}
      {unit && <span style={{ fontSize: typeScale.body, fontWeight: 500, marginLeft: 10 }}>{unit}</span>}
    </div>
  );
}
