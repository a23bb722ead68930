import { useCurrentFrame, useVideoConfig } from '../../engine';
import { assertBenchFontLoaded, BENCH_FONT_FAMILY } from './benchFont';

/**
 * The 2D layer of both bench compositions, exactly as issue #19 specifies it
 * (1920x1080): a diagonal gradient, 36 moving shapes, 4 dashed cubic
 * Beziers, a progress bar and text. Every value is a function of the frame.
 */
export function BenchLayer2d({ backgroundOpacity }: { backgroundOpacity: number }) {
  const f = useCurrentFrame();
  const { width, height, durationInFrames } = useVideoConfig();
  assertBenchFontLoaded();
  return (
    <div style={{ position: 'absolute', inset: 0, fontFamily: `'${BENCH_FONT_FAMILY}'`, color: '#f8fafc' }}>
      <svg width={width} height={height} style={{ position: 'absolute', inset: 0 }}>
        <defs>
          <linearGradient id="bench-bg" x1="0" y1="0" x2="1" y2="1">
            <stop offset="0" stopColor="#0f172a" />
            <stop offset="1" stopColor="#1e3a8a" />
          </linearGradient>
        </defs>
        <rect width={width} height={height} fill="url(#bench-bg)" opacity={backgroundOpacity} />
        {Array.from({ length: 4 }, (_, k) => (
          <path
            key={k}
            d={`M 150 ${260 + 170 * k} C 700 ${100 + 200 * k}, 1200 ${900 - 150 * k}, 1770 ${260 + 170 * k}`}
            fill="none"
            stroke="#fbbf24"
            strokeWidth={4}
            strokeDasharray="40 20"
            strokeDashoffset={-(3 * f + 15 * k)}
          />
        ))}
        {Array.from({ length: 36 }, (_, i) => (
          <BenchShape key={i} i={i} f={f} />
        ))}
        <rect x={(width - 1600) / 2} y={1010} width={1600} height={14} rx={7} fill="#ffffff" opacity={0.2} />
        <rect
          x={(width - 1600) / 2}
          y={1010}
          width={(1600 * f) / (durationInFrames - 1)}
          height={14}
          rx={7}
          fill="#fbbf24"
        />
      </svg>
      <BenchText f={f} />
    </div>
  );
}

const STAR_POINTS = starPoints(8, 55, 27.5);

/** Shape i: a circle (r 50), a rounded square (90, rx 12) or an 8-point star (r 55), in turn. */
function BenchShape({ i, f }: { i: number; f: number }) {
  const x = 200 + (i % 9) * 190;
  const y = 330 + Math.floor(i / 9) * 150 + 30 * Math.sin(f / 15 + 0.5 * i);
  const rotationDeg = (2 * f + 10 * i) % 360;
  const scale = 0.8 + 0.3 * Math.sin(f / 20 + i);
  const fill = `hsl(${(10 * i + f) % 360}, 70%, 55%)`;
  const opacity = 0.6 + 0.4 * Math.sin(f / 25 + i);
  const kind = i % 3;
  return (
    <g transform={`translate(${x} ${y}) rotate(${rotationDeg}) scale(${scale})`} fill={fill} opacity={opacity}>
      {kind === 0 ? (
        <circle r={50} />
      ) : kind === 1 ? (
        <rect x={-45} y={-45} width={90} height={90} rx={12} />
      ) : (
        <polygon points={STAR_POINTS} />
      )}
    </g>
  );
}

/** `points` of a star with `tips` tips, outer radius `outer`, inner radius `inner`, first tip up. */
function starPoints(tips: number, outer: number, inner: number): string {
  return Array.from({ length: tips * 2 }, (_, k) => {
    const r = k % 2 === 0 ? outer : inner;
    const a = (Math.PI * k) / tips - Math.PI / 2;
    return `${(r * Math.cos(a)).toFixed(3)},${(r * Math.sin(a)).toFixed(3)}`;
  }).join(' ');
}

const BULLETS = ['36 shapes', '4 dashed curves', 'Cycling colours', 'Sliding text', 'Pure frames'];
const CAPTION = 'Every frame of this benchmark is drawn from its frame number alone.';

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));

/** Title (84 px bold, fades and slides in over 30 frames), subtitle, 5 bullets, frame counter, typewriter caption. */
function BenchText({ f }: { f: number }) {
  const titleIn = clamp01(f / 30);
  return (
    <>
      <div
        style={{
          position: 'absolute',
          left: 120,
          top: 60,
          fontSize: 84,
          fontWeight: 700,
          opacity: titleIn,
          transform: `translateX(${(1 - titleIn) * -80}px)`,
        }}
      >
        Renderer benchmark
      </div>
      <div style={{ position: 'absolute', left: 124, top: 170, fontSize: 40, color: '#cbd5e1' }}>
        SVG, text and motion at 1920x1080, 30 fps
      </div>
      <div style={{ position: 'absolute', left: 1340, top: 24, width: 520 }}>
        {BULLETS.map((text, k) => {
          const t = clamp01((f - 20 * k) / 20);
          return (
            <div
              key={k}
              style={{
                fontSize: 44,
                lineHeight: '54px',
                whiteSpace: 'nowrap',
                opacity: t,
                transform: `translateX(${(1 - t) * 120}px)`,
              }}
            >
              {text}
            </div>
          );
        })}
      </div>
      <div style={{ position: 'absolute', right: 60, bottom: 80, fontSize: 32, fontVariantNumeric: 'tabular-nums' }}>
        frame {f}
      </div>
      <div style={{ position: 'absolute', left: 160, top: 950, fontSize: 36, color: '#e2e8f0', whiteSpace: 'nowrap' }}>
        {CAPTION.slice(0, Math.floor(f / 2))}
      </div>
    </>
  );
}
