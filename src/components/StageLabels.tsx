import { useExplainer } from './explainerContext';
import { projectToScreen, type Shot } from './cameraRig';
import { fonts, palette, typeScale } from './palette';
import type { Layout, Rect } from './layout';
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

/** Where a label's text goes: its anchor point (baseline + 8 px) and which end the text hangs from. */
export interface LabelPlacement {
  tx: number;
  ty: number;
  anchorEnd: boolean;
}

const FRAME_MARGIN_PX = 32;
/** Clear space kept between a label's text and a box it must not cover, px. */
const KEEP_OUT_GAP_PX = 12;

/** Width of a label's text, px (bold sans at typeScale.label: about 0.56 em a character). */
function labelTextWidthPx(text: string): number {
  return text.length * typeScale.label * 0.56;
}

/** The box a label's text covers when anchored at (tx, ty) (the text's baseline is ty - 8). */
export function labelTextRect(text: string, { tx, ty, anchorEnd }: LabelPlacement): Rect {
  const size = typeScale.label;
  const w = labelTextWidthPx(text);
  return { x: anchorEnd ? tx - w : tx, y: ty - 8 - size * 0.9, w, h: size * 1.15 };
}

function overlaps(a: Rect, b: Rect, gap: number): boolean {
  return a.x < b.x + b.w + gap && b.x < a.x + a.w + gap && a.y < b.y + b.h + gap && b.y < a.y + a.h + gap;
}

/**
 * Places a label's text: offset (dx, dy) from its projected point, kept inside the frame, off the
 * data panel (and on 9:16 out of the right 15 %), and out of the `keepOut` boxes (the title block,
 * the labels placed before it) and the caption box: a label that would cover one moves just below
 * it (above it, for the caption box at the bottom). Pure, so a test can place every label of every scene.
 */
export function placeStageLabel(
  point: { x: number; y: number },
  label: Pick<StageLabel, 'text' | 'dx' | 'dy'>,
  layout: Layout,
  keepOut: readonly Rect[] = [],
): LabelPlacement {
  const { panel, width, kind, captions } = layout;
  const textW = labelTextWidthPx(label.text);
  const anchorEnd = label.dx < 0;
  /** The placement at height ty: x clamped into the frame and off the panel (which depends on the height). */
  const placeAt = (ty: number): LabelPlacement => {
    const besidePanel = kind !== 'portrait' && ty > panel.y - 20 && ty < panel.y + panel.h + 20;
    const right =
      kind === 'portrait' ? width * 0.85 - FRAME_MARGIN_PX : besidePanel ? panel.x - 16 : width - FRAME_MARGIN_PX;
    const x = point.x + label.dx;
    const tx = anchorEnd
      ? Math.min(Math.max(x, FRAME_MARGIN_PX + textW), right)
      : Math.max(Math.min(x, right - textW), FRAME_MARGIN_PX);
    return { tx, ty, anchorEnd };
  };
  const covers = (ty: number, box: Rect) => overlaps(labelTextRect(label.text, placeAt(ty)), box, KEEP_OUT_GAP_PX);
  let ty = point.y + label.dy;
  // Moving below one box can land on another (a label placed before): repeat until none is covered.
  for (let pass = 0; pass <= keepOut.length; pass++) {
    const covered = keepOut.find((box) => covers(ty, box));
    if (!covered) break;
    ty = covered.y + covered.h + KEEP_OUT_GAP_PX + 8 + typeScale.label * 0.9;
  }
  if (covers(ty, captions)) ty = captions.y - KEEP_OUT_GAP_PX + 8 - typeScale.label * 0.25;
  return placeAt(ty);
}

/**
 * Labels on the 3D synapse: projected with the same camera as the canvas, with a leader line to the
 * thing named. `keepOut`: boxes the text must not cover (the scene's title block, titleBlockRect);
 * a label also keeps out of the labels before it in the list.
 */
export function StageLabels({
  labels,
  shot,
  keepOut = [],
}: {
  labels: StageLabel[];
  shot: Shot;
  keepOut?: readonly Rect[];
}) {
  const { layout } = useExplainer();
  // Each label keeps out of those drawn before it too (the opening shot puts "dendrite" under
  // "dendritic spine" until the camera has moved).
  const placedText: Rect[] = [];
  return (
    <svg
      width={layout.width}
      height={layout.height}
      style={{ position: 'absolute', left: 0, top: 0, overflow: 'visible' }}
    >
      {labels.map((l, i) => {
        const p = projectToScreen(l.at, shot, layout);
        if (!p) return null;
        const placement = placeStageLabel(p, l, layout, [...keepOut, ...placedText]);
        placedText.push(labelTextRect(l.text, placement));
        const { tx, ty, anchorEnd } = placement;
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
