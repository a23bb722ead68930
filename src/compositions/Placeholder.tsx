import '@fontsource/inter/latin-400.css';
import '@fontsource/inter/latin-700.css';
import '@fontsource/jetbrains-mono/latin-400.css';
import {
  defineComposition,
  ease,
  interpolate,
  Sequence,
  spring,
  ThreeCanvas,
  useCurrentFrame,
  useVideoConfig,
} from '../engine';
import { placeholderMeta } from './placeholderMeta';

export interface PlaceholderProps {
  /**
   * Test hook: when set, the scene throws at this absolute frame, so tests can
   * check that a scene error names the composition, frame and component stack.
   * Never set in real renders.
   */
  throwAtFrame?: number | null;
}

/**
 * The pipeline check: SVG shapes, text and one react-three-fiber object, every
 * one of them a pure function of the frame. If this renders right (motion,
 * fonts, 3D, a 440 Hz tone under it) the chain from React to MP4 works.
 */
function Placeholder({ throwAtFrame = null }: PlaceholderProps) {
  const frame = useCurrentFrame();
  const { fps, durationInFrames, width, height } = useVideoConfig();
  return (
    <div
      style={{
        position: 'absolute',
        inset: 0,
        background: 'linear-gradient(160deg, #0b1020 0%, #141b34 100%)',
        fontFamily: 'Inter, sans-serif',
        color: '#e8ecf8',
      }}
    >
      <OrbitingDots width={width} height={height} />
      <ScrollingWave width={width} height={height} />
      <div style={{ position: 'absolute', right: 120, top: 200 }}>
        <ThreeCanvas
          width={640}
          height={640}
          pixelRatio={1}
          camera={{ position: [0, 0, 5], fov: 45 }}
          label="placeholder knot"
        >
          <SpinningKnot />
        </ThreeCanvas>
      </div>
      <Title />
      <Sequence from={60} name="subtitle">
        <Subtitle />
      </Sequence>
      <FrameClock frame={frame} fps={fps} durationInFrames={durationInFrames} />
      {throwAtFrame !== null && <FaultProbe throwAtFrame={throwAtFrame} />}
    </div>
  );
}

function Title() {
  const frame = useCurrentFrame();
  const { fps } = useVideoConfig();
  const enter = spring({ frame, fps, config: { damping: 14 } });
  return (
    <div
      style={{
        position: 'absolute',
        left: 120,
        top: 180,
        transform: `translateY(${(1 - enter) * 80}px)`,
        opacity: Math.min(1, enter * 1.5),
      }}
    >
      <div style={{ fontSize: 96, fontWeight: 700, letterSpacing: -2 }}>Render pipeline check</div>
    </div>
  );
}

function Subtitle() {
  const frame = useCurrentFrame();
  const opacity = interpolate(frame, [0, 30], [0, 1], { easing: ease.easeCubicOut });
  return (
    <div style={{ position: 'absolute', left: 124, top: 320, fontSize: 40, opacity, color: '#9fb0e0', maxWidth: 980 }}>
      SVG, text and a three.js object, each a pure function of the frame, with a 440 Hz tone underneath.
    </div>
  );
}

function OrbitingDots({ width, height }: { width: number; height: number }) {
  const frame = useCurrentFrame();
  const cx = 560;
  const cy = 700;
  const dots = Array.from({ length: 12 }, (_, i) => {
    const angle = (i / 12) * 2 * Math.PI + frame * 0.02;
    const r = 170 + 30 * Math.sin(frame * 0.05 + i);
    return { x: cx + r * Math.cos(angle), y: cy + r * Math.sin(angle), hue: (i * 30 + frame) % 360 };
  });
  return (
    <svg width={width} height={height} style={{ position: 'absolute', inset: 0 }}>
      <circle cx={cx} cy={cy} r={120} fill="none" stroke="#3b4a80" strokeWidth={4} />
      {dots.map((d, i) => (
        <circle key={i} cx={d.x} cy={d.y} r={18} fill={`hsl(${d.hue} 80% 62%)`} />
      ))}
    </svg>
  );
}

function ScrollingWave({ width, height }: { width: number; height: number }) {
  const frame = useCurrentFrame();
  const baseY = height - 250;
  const points: string[] = [];
  for (let x = 0; x <= width; x += 16) {
    const y = baseY + 40 * Math.sin((x + frame * 12) / 90) * Math.cos(frame / 45);
    points.push(`${x},${y.toFixed(2)}`);
  }
  return (
    <svg width={width} height={height} style={{ position: 'absolute', inset: 0 }}>
      <polyline points={points.join(' ')} fill="none" stroke="#5ad1c8" strokeWidth={5} />
    </svg>
  );
}

/** A torus knot turned by the frame; Lambert shading with two lights keeps software WebGL cheap. */
function SpinningKnot() {
  const frame = useCurrentFrame();
  const t = frame / 30;
  return (
    <>
      <ambientLight intensity={0.5} />
      <directionalLight position={[3, 4, 5]} intensity={2.2} />
      <mesh rotation={[t * 0.7, t * 1.1, 0]} scale={1 + 0.08 * Math.sin(t * 2)}>
        <torusKnotGeometry args={[0.9, 0.3, 128, 16]} />
        <meshLambertMaterial color={`hsl(${(frame * 2) % 360}, 70%, 60%)`} />
      </mesh>
    </>
  );
}

function FrameClock({ frame, fps, durationInFrames }: { frame: number; fps: number; durationInFrames: number }) {
  const seconds = frame / fps;
  const mm = String(Math.floor(seconds / 60)).padStart(2, '0');
  const ss = (seconds % 60).toFixed(2).padStart(5, '0');
  const progress = (frame + 1) / durationInFrames;
  return (
    <div
      style={{
        position: 'absolute',
        left: 120,
        bottom: 60,
        right: 120,
        fontFamily: '"JetBrains Mono", monospace',
        fontSize: 32,
        color: '#c9d3f2',
      }}
    >
      <div>{`frame ${String(frame).padStart(4, '0')} / ${durationInFrames}   ${mm}:${ss}`}</div>
      <div style={{ marginTop: 12, height: 8, background: '#24305a' }}>
        <div style={{ width: `${(progress * 100).toFixed(3)}%`, height: '100%', background: '#5ad1c8' }} />
      </div>
    </div>
  );
}

/** Throws at one frame when asked to (test hook); named so it shows in the component stack. */
function FaultProbe({ throwAtFrame }: { throwAtFrame: number }) {
  const frame = useCurrentFrame();
  if (frame === throwAtFrame) throw new Error(`FaultProbe: deliberate test failure at frame ${frame}`);
  return null;
}

export const placeholderComposition = defineComposition<PlaceholderProps>({
  ...placeholderMeta,
  component: Placeholder,
  defaultProps: { throwAtFrame: null },
});
