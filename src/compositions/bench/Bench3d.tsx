import { useThree } from '@react-three/fiber';
import { useLayoutEffect, useMemo } from 'react';
import { BoxGeometry, Color, SphereGeometry, TorusGeometry } from 'three';
import { defineComposition, ThreeCanvas, useCurrentFrame } from '../../engine';
import { registerBenchFont } from './benchFont';
import { bench3dMeta } from './benchMeta';
import { BenchLayer2d } from './BenchLayer2d';

if (typeof FontFace !== 'undefined') registerBenchFont();

const MESH_COUNT = 300;

/**
 * bench-3d (issue #19): the bench-2d layer, its background at opacity 0.35,
 * over a full-frame three.js canvas (pixel ratio 1, antialias off) of 300
 * lit meshes. The three geometries are shared by the meshes that use them
 * (same pixels as one geometry per mesh, less upload).
 */
function Bench3d() {
  return (
    <div style={{ position: 'absolute', inset: 0, background: '#0b1020' }}>
      <ThreeCanvas width={1920} height={1080} pixelRatio={1} opaque camera={{ fov: 50 }} label="bench-3d scene">
        <BenchScene />
      </ThreeCanvas>
      <BenchLayer2d backgroundOpacity={0.35} />
    </div>
  );
}

function BenchScene() {
  const f = useCurrentFrame();
  const camera = useThree((s) => s.camera);
  useLayoutEffect(() => {
    camera.position.set(3 * Math.sin(0.01 * f), 1.5, 9 + 2 * Math.cos(0.01 * f));
    camera.lookAt(0, 0, -3);
    camera.updateMatrixWorld();
  }, [camera, f]);
  const geometries = useMemo(
    () => [new BoxGeometry(0.7, 0.7, 0.7), new SphereGeometry(0.45, 24, 16), new TorusGeometry(0.35, 0.13, 16, 32)],
    [],
  );
  const colours = useMemo(
    () => Array.from({ length: MESH_COUNT }, (_, i) => new Color().setHSL(((37 * i) % 360) / 360, 0.6, 0.55)),
    [],
  );
  return (
    <>
      <color attach="background" args={['#0b1020']} />
      <ambientLight intensity={0.4} />
      <directionalLight intensity={1.2} position={[5, 10, 7]} />
      <pointLight color="#ff6688" intensity={30} distance={30} position={[-6, 3, 4]} />
      <pointLight color="#66aaff" intensity={30} distance={30} position={[6, -3, 4]} />
      {colours.map((colour, i) => (
        <mesh
          key={i}
          geometry={geometries[i % 3]}
          position={[(i % 15) - 7, (Math.floor(i / 15) % 5) - 2, -1.5 * Math.floor(i / 75)]}
          rotation={[0.02 * f + i, 0.03 * f + 0.5 * i, 0]}
        >
          <meshStandardMaterial color={colour} roughness={0.4} metalness={0.3} />
        </mesh>
      ))}
    </>
  );
}

export const bench3dComposition = defineComposition({ ...bench3dMeta, component: Bench3d, defaultProps: {} });
