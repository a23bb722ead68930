import { useExplainer } from './explainerContext';
import { projectToScreen, type Shot } from './cameraRig';
import { fonts, palette, typeScale } from './palette';
import type { Vec3 } from './synapseGeometry';

export interface StageLabel {
  text: string;
  /** World point the leader line ends on. */
  at: Vec3;
  /** Label offset from the projected point, px. */
  dx: number;
  dy: number;
  color: string;
  opacity?: number;
}

/** Labels on the 3D synapse: projected with the same camera as the canvas, with a leader line to the thing named. */
export function StageLabels({ labels, shot }: { labels: StageLabel[]; shot: Shot }) {
  const { layout } = useExplainer();
  const safeRight = layout.kind === 'portrait' ? layout.width * 0.85 : layout.width - 40;
  return (
    <svg width={layout.width} height={layout.height} style={{ position: 'absolute', left: 0, top: 0, overflow: 'visible' }}>
      {labels.map((l) => {
        const p = projectToScreen(l.at, shot, layout);
        if (!p) return null;
        const tx = Math.min(p.x + l.dx, safeRight - 12 * l.text.length * 0.55);
        const ty = p.y + l.dy;
        return (
          <g key={l.text} opacity={l.opacity ?? 1}>
            <line x1={p.x} y1={p.y} x2={tx} y2={ty} stroke={l.color} strokeWidth={3} />
            <circle cx={p.x} cy={p.y} r={6} fill={l.color} />
            <text
              x={tx} y={ty - 8} fill={palette.text} fontFamily={fonts.sans} fontWeight={700} fontSize={typeScale.label}
              textAnchor={l.dx < 0 ? 'end' : 'start'} stroke="#0b1020" strokeWidth={6} paintOrder="stroke"
            >
              {l.text}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
