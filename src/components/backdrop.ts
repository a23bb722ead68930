import { interpolateRgb } from 'd3-interpolate';
import { palette } from './palette';

/**
 * The glow behind the synapse: an elliptical radial gradient centred at 40 % /
 * 45 % of the frame, sized like CSS `radial-gradient(ellipse farthest-corner)`
 * so its shape does not depend on who draws it. The 3D stage paints it into
 * its own background (an opaque canvas spares the compositor a full-frame
 * blend per frame; docs/render.md), and the page paints it with CSS where the
 * stage does not cover the frame (below it, in 9:16).
 */
export interface Backdrop {
  cx: number;
  cy: number;
  /** Ellipse radii, px, of the gradient's 100 % line. */
  rx: number;
  ry: number;
  /** Colour stops, offset 0-1 along the radius. */
  stops: ReadonlyArray<{ offset: number; color: string }>;
}

const CENTRE_X = 0.4;
const CENTRE_Y = 0.45;

export function backdropFor(width: number, height: number): Backdrop {
  const cx = CENTRE_X * width;
  const cy = CENTRE_Y * height;
  // CSS ellipse farthest-corner: the closest-side aspect ratio, scaled to pass through the farthest corner.
  const aspect = Math.min(cx, width - cx) / Math.min(cy, height - cy);
  const dx = Math.max(cx, width - cx);
  const dy = Math.max(cy, height - cy);
  const ry = Math.hypot(dx / aspect, dy);
  return {
    cx,
    cy,
    rx: ry * aspect,
    ry,
    stops: [
      { offset: 0, color: palette.backgroundGlow },
      { offset: 0.7, color: palette.background },
    ],
  };
}

export function backdropCss(b: Backdrop): string {
  const stops = b.stops.map((s) => `${s.color} ${s.offset * 100}%`).join(', ');
  return `radial-gradient(${b.rx}px ${b.ry}px at ${b.cx}px ${b.cy}px, ${stops})`;
}

/**
 * The backdrop's colour at a point (px), as CSS computes it: stops
 * interpolated in sRGB by the point's elliptical radius. Used to colour a
 * vertex grid that the 3D stage draws as its background: in software WebGL
 * interpolated vertex colours cost next to nothing, a textured quad a lot
 * (docs/render.md, "Where the time goes", 3).
 */
export function backdropColorAt(b: Backdrop, x: number, y: number): string {
  const t = Math.hypot((x - b.cx) / b.rx, (y - b.cy) / b.ry);
  const stops = b.stops;
  if (t <= stops[0]!.offset) return stops[0]!.color;
  for (let i = 1; i < stops.length; i++) {
    const a = stops[i - 1]!;
    const z = stops[i]!;
    if (t <= z.offset) return interpolateRgb(a.color, z.color)((t - a.offset) / (z.offset - a.offset));
  }
  return stops[stops.length - 1]!.color;
}
