import { useExplainer } from './explainerContext';
import { projectToScreen, type Shot } from './cameraRig';
import { fonts, palette, typeScale } from './palette';

/**
 * A dashed circle showing the spine head's size at baseline, drawn over the
 * 3D head (projected with the stage camera) so growth reads at a glance.
 */
export function BaselineOutline({
  shot,
  baselineRadius,
  label,
  opacity = 1,
}: {
  shot: Shot;
  baselineRadius: number;
  label: string;
  opacity?: number;
}) {
  const { layout } = useExplainer();
  const az = (shot.azimuthDeg * Math.PI) / 180;
  const c = projectToScreen([0, 0, 0], shot, layout);
  const edge = projectToScreen([Math.cos(az) * baselineRadius, 0, -Math.sin(az) * baselineRadius], shot, layout);
  if (!c || !edge) return null;
  const rPx = Math.hypot(edge.x - c.x, edge.y - c.y);
  return (
    <svg width={layout.width} height={layout.height} style={{ position: 'absolute', left: 0, top: 0, opacity }}>
      <circle cx={c.x} cy={c.y} r={rPx} fill="none" stroke={palette.text} strokeWidth={3} strokeDasharray="10 8" />
      <text
        x={c.x - rPx - 14}
        y={c.y}
        fill={palette.text}
        fontFamily={fonts.sans}
        fontWeight={700}
        fontSize={typeScale.label}
        textAnchor="end"
        stroke="#0b1020"
        strokeWidth={6}
        paintOrder="stroke"
      >
        {label}
      </text>
    </svg>
  );
}
