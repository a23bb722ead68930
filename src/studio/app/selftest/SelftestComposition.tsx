import { defineComposition, interpolate, Sequence, useCurrentFrame, useVideoConfig } from '../../../engine';
import type { StudioTimeline } from '../studioTimeline';

/**
 * A small composition the studio's end-to-end test drives (listed in the
 * picker only with ?selftest=1; never registered for rendering): two named
 * parts, colour and motion that change every frame, and a scene that throws
 * on purpose at frames SELFTEST_THROW_FRAMES, to exercise the error panel.
 */
export const SELFTEST_THROW_FRAMES = { from: 200, to: 209 } as const;

/**
 * Hot-reload fixture: the end-to-end test writes live/fault.json
 * (`{"fixed": true}`) to "fix" the fault and checks the studio clears the
 * error in place, or `{"brokenModule": true}` to break this module; it deletes
 * the file afterwards. Absent = the fault is on, the module loads.
 */
const liveOverrides = import.meta.glob<{ default: { fixed?: boolean; brokenModule?: boolean } }>('./live/*.json', {
  eager: true,
});
const faultFixed = Object.values(liveOverrides).some((m) => m.default.fixed === true);
// `{"brokenModule": true}` makes this module fail while loading, as a syntax error or bad data would.
if (Object.values(liveOverrides).some((m) => m.default.brokenModule === true)) {
  throw new Error('selftest: deliberate module load error (src/studio/app/selftest/live/fault.json)');
}

function DeliberateFault() {
  const frame = useCurrentFrame(); // relative to part-b
  const absolute = frame + 150;
  if (!faultFixed && absolute >= SELFTEST_THROW_FRAMES.from && absolute <= SELFTEST_THROW_FRAMES.to) {
    throw new Error(`selftest: deliberate scene error at frame ${absolute}`);
  }
  return null;
}

function Part({ hue, label }: { hue: number; label: string }) {
  const frame = useCurrentFrame();
  const { width, durationInFrames } = useVideoConfig();
  const x = interpolate(frame, [0, 149], [80, width - 280]);
  return (
    <div style={{ position: 'absolute', inset: 0, background: `hsl(${hue} 55% 22%)` }}>
      <div
        style={{
          position: 'absolute',
          left: x,
          top: 300,
          width: 200,
          height: 200,
          borderRadius: 24,
          background: `hsl(${(hue + 150) % 360} 80% 60%)`,
        }}
      />
      <div style={{ position: 'absolute', left: 80, top: 60, color: '#fff', font: 'bold 96px sans-serif' }}>
        {label} · {frame}
      </div>
      <div style={{ position: 'absolute', left: 80, bottom: 40, color: '#fff', font: '40px sans-serif' }}>
        of {durationInFrames} frames
      </div>
    </div>
  );
}

function Selftest() {
  return (
    <>
      <Sequence from={0} durationInFrames={150} name="part-a">
        <Part hue={210} label="A" />
      </Sequence>
      <Sequence from={150} durationInFrames={150} name="part-b">
        <Part hue={20} label="B" />
        <DeliberateFault />
      </Sequence>
    </>
  );
}

export const selftestComposition = defineComposition({
  id: 'studio-selftest',
  width: 1280,
  height: 720,
  fps: 30,
  durationInFrames: 300,
  audio: null,
  posterFrame: 0,
  description: 'Studio self-test: two parts, a scene error at frames 200-209.',
  component: Selftest,
  defaultProps: {},
});

/** The self-test's timeline: two scenes, a bookmark in each, a few caption words. */
export const selftestTimeline: StudioTimeline = {
  fps: 30,
  totalFrames: 300,
  scenes: [
    { id: 'part-a', startFrame: 0, durationFrames: 150, bookmarkFrames: { mid: 75 } },
    { id: 'part-b', startFrame: 150, durationFrames: 150, bookmarkFrames: { fault: SELFTEST_THROW_FRAMES.from } },
  ],
  captions: [
    { text: 'Part', startMs: 500, endMs: 900, timestampMs: 500, confidence: null },
    { text: ' A', startMs: 900, endMs: 1400, timestampMs: 900, confidence: null },
    { text: ' Part', startMs: 5500, endMs: 5900, timestampMs: 5500, confidence: null },
    { text: ' B', startMs: 5900, endMs: 6400, timestampMs: 5900, confidence: null },
  ],
};
