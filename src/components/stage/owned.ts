/**
 * Three.js objects a stage component creates and must dispose: the studio
 * remounts frames on hot reload, and a geometry, material or instance buffer
 * that is never disposed stays on the GPU (renderer.info.memory counts it).
 */
import { useEffect, useState } from 'react';
import { Color, InstancedMesh, Matrix4, PlaneGeometry, Quaternion, Vector3, type ShaderMaterial } from 'three';
import { moleculeMaterial, type MoleculeOptions } from './materials';

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
const tmpQ = new Quaternion();
const tmpV = new Vector3();
const tmpS = new Vector3();
const tmpC = new Color();

/**
 * One kind of molecule: up to `capacity` sphere impostors in one instanced
 * draw. Per frame: `put` each one shown, then `finish(count)`.
 */
export class MoleculeSet implements Disposable {
  readonly mesh: InstancedMesh;
  readonly material: ShaderMaterial;

  constructor(capacity: number, options: MoleculeOptions & { renderOrder?: number } = {}) {
    this.material = moleculeMaterial(options);
    this.mesh = new InstancedMesh(new PlaneGeometry(2, 2), this.material, capacity);
    // Instances move every frame: the mesh's bounding sphere would be stale, so never cull it.
    this.mesh.frustumCulled = false;
    this.mesh.renderOrder = options.renderOrder ?? 0;
    this.mesh.setColorAt(0, tmpC.set(1, 1, 1));
    this.mesh.count = 0;
  }

  get capacity(): number {
    return this.mesh.instanceMatrix.count;
  }

  /** Molecule i at (x, y, z) with `radius` (units) and `color` (CSS colour or a three Color). */
  put(i: number, x: number, y: number, z: number, radius: number, color: string | Color): void {
    tmpV.set(x, y, z);
    tmpS.setScalar(Math.max(radius, 1e-4));
    tmpM.compose(tmpV, tmpQ.identity(), tmpS);
    this.mesh.setMatrixAt(i, tmpM);
    this.mesh.setColorAt(i, typeof color === 'string' ? tmpC.set(color) : color);
  }

  /** Shows the first `count` molecules put this frame, at `opacity`. */
  finish(count: number, opacity = 1): void {
    this.mesh.count = Math.min(count, this.capacity);
    this.mesh.instanceMatrix.needsUpdate = true;
    if (this.mesh.instanceColor) this.mesh.instanceColor.needsUpdate = true;
    this.material.uniforms.uOpacity!.value = opacity;
    this.mesh.visible = opacity > 0.004 && this.mesh.count > 0;
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
