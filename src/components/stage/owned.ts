/**
 * Three.js objects a stage component creates and must dispose: the studio
 * remounts frames on hot reload, and a geometry, material or instance buffer
 * that is never disposed stays on the GPU (renderer.info.memory counts it).
 */
import { useEffect, useState } from 'react';
import { Color, InstancedMesh, Matrix4, PlaneGeometry, type ShaderMaterial } from 'three';
import { moleculeMaterial } from './materials';

/** Something with GPU resources to free. */
export interface Disposable {
  dispose(): void;
}

/** Creates `make()` once per mount and disposes it on unmount. */
export function useOwned<T extends Disposable>(make: () => T): T {
  const [owned] = useState(make);
  useEffect(() => () => owned.dispose(), [owned]);
  return owned;
}

const tmpM = new Matrix4();
const tmpC = new Color();

/** How a molecule is drawn besides its place and size. */
export interface MoleculeLook {
  /** 0..1: glows instead of being lit (default 0.15). */
  glow?: number;
  /** 0..1 (default 1). */
  opacity?: number;
}

/** Floats staged per molecule: x, y, z, radius, glow, opacity, r, g, b. */
const STRIDE = 9;

/**
 * Molecules drawn in one instanced draw of sphere impostors, sorted far to
 * near every frame so each soft rim blends over what lies behind it (no dark
 * ring where two overlap). Per frame: `begin`, `add` each molecule, `finish`.
 */
export class MoleculeSet implements Disposable {
  readonly mesh: InstancedMesh;
  readonly material: ShaderMaterial;
  private readonly staged: Float32Array;
  private readonly order: number[] = [];
  private count = 0;

  constructor(capacity: number, renderOrder = 0) {
    this.material = moleculeMaterial();
    this.mesh = new InstancedMesh(new PlaneGeometry(2, 2), this.material, capacity);
    // Instances move every frame: the mesh's bounding sphere would be stale, so never cull it.
    this.mesh.frustumCulled = false;
    this.mesh.renderOrder = renderOrder;
    this.mesh.setColorAt(0, tmpC.set(1, 1, 1));
    this.mesh.count = 0;
    this.staged = new Float32Array(capacity * STRIDE);
  }

  get capacity(): number {
    return this.mesh.instanceMatrix.count;
  }

  begin(): void {
    this.count = 0;
  }

  /** A molecule at (x, y, z) with `radius` (units) and `color` (CSS colour or a three Color); ignored when full. */
  add(x: number, y: number, z: number, radius: number, color: string | Color, look: MoleculeLook = {}): void {
    if (this.count >= this.capacity) return;
    const c = typeof color === 'string' ? tmpC.set(color) : color;
    const o = this.count++ * STRIDE;
    const st = this.staged;
    st[o] = x;
    st[o + 1] = y;
    st[o + 2] = z;
    st[o + 3] = Math.max(radius, 1e-4);
    st[o + 4] = look.glow ?? 0.15;
    st[o + 5] = look.opacity ?? 1;
    st[o + 6] = c.r;
    st[o + 7] = c.g;
    st[o + 8] = c.b;
  }

  /** Uploads this frame's molecules, drawn far to near as seen from `eye` (units). */
  finish(eye: { x: number; y: number; z: number }): void {
    const n = this.count;
    const st = this.staged;
    const order = this.order;
    order.length = n;
    const d2 = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      order[i] = i;
      d2[i] = (st[i * STRIDE]! - eye.x) ** 2 + (st[i * STRIDE + 1]! - eye.y) ** 2 + (st[i * STRIDE + 2]! - eye.z) ** 2;
    }
    order.sort((a, b) => d2[b]! - d2[a]!);
    for (let k = 0; k < n; k++) {
      const o = (order[k] as number) * STRIDE;
      // x scale: radius; y scale: glow; z scale: opacity (read by moleculeMaterial).
      tmpM.makeScale(st[o + 3]!, st[o + 4]!, st[o + 5]!);
      tmpM.setPosition(st[o]!, st[o + 1]!, st[o + 2]!);
      this.mesh.setMatrixAt(k, tmpM);
      this.mesh.setColorAt(k, tmpC.setRGB(st[o + 6]!, st[o + 7]!, st[o + 8]!));
    }
    this.mesh.count = n;
    this.mesh.instanceMatrix.needsUpdate = true;
    if (this.mesh.instanceColor) this.mesh.instanceColor.needsUpdate = true;
    this.mesh.visible = n > 0;
  }

  dispose(): void {
    this.mesh.geometry.dispose();
    this.material.dispose();
    this.mesh.dispose();
  }
}

/** A mesh with a geometry and material of its own, both disposed together. */
export class OwnedMesh<G extends Disposable, M extends Disposable> implements Disposable {
  constructor(
    readonly geometry: G,
    readonly material: M,
  ) {}
  dispose(): void {
    this.geometry.dispose();
    this.material.dispose();
  }
}
