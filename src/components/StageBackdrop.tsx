import { useMemo } from 'react';
import { BufferAttribute, BufferGeometry, Color, ShaderMaterial } from 'three';
import { backdropColorAt, backdropFor } from './backdrop';

/** Grid cells across the frame: the glow is soft, so 30-40 px cells are invisible as facets. */
const COLUMNS = 48;
const ROWS = 27;

/**
 * The page's glow (backdrop.ts) drawn as the first thing in the 3D stage: a
 * grid in clip space (independent of the camera) whose vertices carry the
 * CSS gradient's sRGB colours, written out unconverted, so it matches the
 * CSS backdrop it replaces while costing software WebGL almost nothing.
 */
export function StageBackdrop({ width, height }: { width: number; height: number }) {
  const { geometry, material } = useMemo(() => {
    const b = backdropFor(width, height);
    const positions = new Float32Array((COLUMNS + 1) * (ROWS + 1) * 3);
    const colors = new Float32Array((COLUMNS + 1) * (ROWS + 1) * 3);
    const c = new Color();
    for (let j = 0; j <= ROWS; j++) {
      for (let i = 0; i <= COLUMNS; i++) {
        const k = j * (COLUMNS + 1) + i;
        const u = i / COLUMNS; // 0..1 across the frame
        const v = j / ROWS; // 0..1 down the frame
        positions.set([u * 2 - 1, 1 - v * 2, 0], k * 3);
        // sRGB values as they are (no colour management): the shader writes them straight out.
        c.setStyle(backdropColorAt(b, u * width, v * height), 'srgb-linear');
        colors.set([c.r, c.g, c.b], k * 3);
      }
    }
    const index: number[] = [];
    for (let j = 0; j < ROWS; j++) {
      for (let i = 0; i < COLUMNS; i++) {
        const a = j * (COLUMNS + 1) + i;
        index.push(a, a + COLUMNS + 1, a + 1, a + 1, a + COLUMNS + 1, a + COLUMNS + 2);
      }
    }
    const g = new BufferGeometry();
    g.setAttribute('position', new BufferAttribute(positions, 3));
    g.setAttribute('color', new BufferAttribute(colors, 3));
    g.setIndex(index);
    const m = new ShaderMaterial({
      vertexShader: 'attribute vec3 color; varying vec3 vColor; void main() { vColor = color; gl_Position = vec4(position.xy, 0.0, 1.0); }',
      fragmentShader: 'varying vec3 vColor; void main() { gl_FragColor = vec4(vColor, 1.0); }',
      depthTest: false,
      depthWrite: false,
    });
    return { geometry: g, material: m };
  }, [width, height]);
  return <mesh geometry={geometry} material={material} frustumCulled={false} renderOrder={-1000} />;
}
