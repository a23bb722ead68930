import { useMemo } from 'react';
import { BufferAttribute, BufferGeometry, Color, ShaderMaterial } from 'three';
import { interpolate } from '../engine';
import { backdropColorAt, backdropFor } from './backdrop';
import type { Rect } from './layout';

/** Grid cells across the stage: the glow is soft, so 30-40 px cells are invisible as facets. */
const COLUMNS = 48;
const ROWS = 27;
/** Rows across the fade band: alpha is linear in v, so rows only follow the glow's colour. */
const FADE_ROWS = 6;

/**
 * Where the stage stops short of the frame's bottom (9:16), its lower edge
 * fades into the backdrop over this last fraction of its height, as a CSS
 * `linear-gradient(to bottom, black 80%, transparent 100%)` mask would.
 */
export const STAGE_FADE_FRACTION = 0.2;

export interface StageBackdropProps {
  /** The frame, px: the glow is laid out on it (backdrop.ts). */
  frameWidth: number;
  frameHeight: number;
  /** Where the stage's canvas sits in the frame, px. */
  stage: Rect;
}

/**
 * The page's glow (backdrop.ts), drawn first in the 3D stage, so the canvas
 * is opaque and the compositor copies it instead of blending it: a grid in
 * clip space (independent of the camera) whose vertices carry the CSS
 * gradient's sRGB colours at the frame pixels they cover, written out
 * unconverted, so it matches the CSS backdrop around it while costing
 * software WebGL almost nothing.
 */
export function StageBackdrop(props: StageBackdropProps) {
  const { geometry, material } = useStageGrid(props, stageBackdropGeometry, false);
  return <mesh geometry={geometry} material={material} frustumCulled={false} renderOrder={-1000} />;
}

/**
 * Drawn last in the stage when it ends above the frame's bottom: the glow's
 * own colours over the lower STAGE_FADE_FRACTION of the canvas, alpha 0 at
 * the top of that band to 1 at the edge. Blended on the canvas's sRGB values,
 * it gives what a CSS mask over the page's backdrop gave (canvas x mask +
 * backdrop x (1 - mask)), without making the canvas transparent: a masked,
 * transparent full-width stage cost the 9:16 cut a quarter of its capture speed.
 */
export function StageFade(props: StageBackdropProps) {
  const { geometry, material } = useStageGrid(props, stageFadeGeometry, true);
  return <mesh geometry={geometry} material={material} frustumCulled={false} renderOrder={1000} />;
}

/** One grid's geometry and material, rebuilt only when the frame size or the stage rect's numbers change. */
function useStageGrid(
  props: StageBackdropProps,
  geometryFor: (p: StageBackdropProps) => BufferGeometry,
  blended: boolean,
) {
  const { frameWidth, frameHeight, stage } = props;
  return useMemo(
    () => ({ geometry: geometryFor({ frameWidth, frameHeight, stage }), material: vertexColourMaterial(blended) }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the rect's numbers, not its identity
    [geometryFor, blended, frameWidth, frameHeight, stage.x, stage.y, stage.w, stage.h],
  );
}

/** The backdrop grid over the whole stage, opaque. */
export function stageBackdropGeometry({ frameWidth, frameHeight, stage }: StageBackdropProps): BufferGeometry {
  const b = backdropFor(frameWidth, frameHeight);
  return clipSpaceGrid(COLUMNS, ROWS, 0, 1, (u, v) => [
    backdropColorAt(b, stage.x + u * stage.w, stage.y + v * stage.h),
    1,
  ]);
}

/** The fade band: the backdrop's colours over the stage's lower edge, alpha by stageFadeAlpha. */
export function stageFadeGeometry({ frameWidth, frameHeight, stage }: StageBackdropProps): BufferGeometry {
  const b = backdropFor(frameWidth, frameHeight);
  return clipSpaceGrid(COLUMNS, FADE_ROWS, 1 - STAGE_FADE_FRACTION, 1, (u, v) => [
    backdropColorAt(b, stage.x + u * stage.w, stage.y + v * stage.h),
    stageFadeAlpha(v),
  ]);
}

/** Backdrop weight at height v (0 top, 1 bottom of the stage): 0 above the fade band, rising linearly to 1 at the edge. */
export function stageFadeAlpha(v: number): number {
  const top = 1 - STAGE_FADE_FRACTION;
  // The band runs from `top` to 1 (not top + fraction), so its ends are exactly 0 and 1 in floating point.
  return interpolate(v, [top, 1], [0, 1]);
}

/**
 * A grid of triangles in clip space covering the canvas's full width and
 * rows vTop..vBottom of its height (0 top, 1 bottom), each vertex coloured by
 * `colourAt(u, v)`: a CSS colour taken as raw sRGB, and an alpha.
 */
export function clipSpaceGrid(
  columns: number,
  rows: number,
  vTop: number,
  vBottom: number,
  colourAt: (u: number, v: number) => readonly [string, number],
): BufferGeometry {
  const positions = new Float32Array((columns + 1) * (rows + 1) * 3);
  const colours = new Float32Array((columns + 1) * (rows + 1) * 4);
  const c = new Color();
  for (let j = 0; j <= rows; j++) {
    for (let i = 0; i <= columns; i++) {
      const k = j * (columns + 1) + i;
      const u = i / columns;
      const v = vTop + (j / rows) * (vBottom - vTop);
      positions.set([u * 2 - 1, 1 - v * 2, 0], k * 3);
      const [css, alpha] = colourAt(u, v);
      // sRGB values as they are (no colour management): the shader writes them straight out.
      c.setStyle(css, 'srgb-linear');
      colours.set([c.r, c.g, c.b, alpha], k * 4);
    }
  }
  const index: number[] = [];
  for (let j = 0; j < rows; j++) {
    for (let i = 0; i < columns; i++) {
      const a = j * (columns + 1) + i;
      index.push(a, a + columns + 1, a + 1, a + 1, a + columns + 1, a + columns + 2);
    }
  }
  const g = new BufferGeometry();
  g.setAttribute('position', new BufferAttribute(positions, 3));
  g.setAttribute('colour', new BufferAttribute(colours, 4));
  g.setIndex(index);
  return g;
}

function vertexColourMaterial(blended: boolean): ShaderMaterial {
  return new ShaderMaterial({
    vertexShader:
      'attribute vec4 colour; varying vec4 vColour; void main() { vColour = colour; gl_Position = vec4(position.xy, 0.0, 1.0); }',
    fragmentShader: 'varying vec4 vColour; void main() { gl_FragColor = vColour; }',
    transparent: blended,
    depthTest: false,
    depthWrite: false,
  });
}
