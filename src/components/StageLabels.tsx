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
  const { panel, width, kind } = layout;
  const margin = 32;
  return (
    <svg
      width={layout.width}
      height={layout.height}
      style={{ position: 'absolute', left: 0, top: 0, overflow: 'visible' }}
    >
      {labels.map((l, i) => {
        const p = projectToScreen(l.at, shot, layout);
        if (!p) return null;
        const textW = l.text.length * typeScale.label * 0.56;
        const ty = p.y + l.dy;
        // Keep the label inside the frame, off the data panel, and on 9:16 out of the right 15 %.
        const besidePanel = kind !== 'portrait' && ty > panel.y - 20 && ty < panel.y + panel.h + 20;
        const right = kind === 'portrait' ? width * 0.85 - margin : besidePanel ? panel.x - 16 : width - margin;
        const anchorEnd = l.dx < 0;
        let tx = p.x + l.dx;
        if (anchorEnd) tx = Math.min(Math.max(tx, margin + textW), right);
        else tx = Math.max(Math.min(tx, right - textW), margin);
        return (
          // By position: an editor may give two labels the same text (scene looks).
          <g key={i} opacity={l.opacity ?? 1}>
            <line x1={p.x} y1={p.y} x2={tx} y2={ty} stroke={l.color} strokeWidth={3} />
            <circle cx={p.x} cy={p.y} r={6} fill={l.color} />
            <text
              x={tx}
              y={ty - 8}
              fill={palette.text}
              fontFamily={fonts.sans}
              fontWeight={700}
              fontSize={typeScale.label}
              textAnchor={anchorEnd ? 'end' : 'start'}
              stroke="#0b1020"
              strokeWidth={6}
              paintOrder="stroke"
            >
              {l.text}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
