import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import {
  CompositionFrame,
  defineComposition,
  RenderReadiness,
  Sequence,
  useCurrentFrame,
  useSequence,
  useVideoConfig,
} from '../../src/engine';

/** Prints the frame it sees, tagged, so the server-rendered HTML can be read back. */
function Probe({ tag }: { tag: string }) {
  const frame = useCurrentFrame();
  const { name, durationInFrames } = useSequence();
  return <i>{`[${tag}:${frame}:${name}:${durationInFrames}]`}</i>;
}

function Scene() {
  const { fps } = useVideoConfig();
  return (
    <>
      <Probe tag="root" />
      <Sequence from={10} durationInFrames={20} name="outer" layout="none">
        <Probe tag="outer" />
        <Sequence from={5} name="inner" layout="none">
          <Probe tag="inner" />
        </Sequence>
        <Sequence from={15} durationInFrames={100} name="clipped" layout="none">
          <Probe tag="clipped" />
        </Sequence>
      </Sequence>
      <Sequence from={-5} durationInFrames={fps / 3} name="early" layout="none">
        <Probe tag="early" />
      </Sequence>
    </>
  );
}

const composition = defineComposition({
  id: 'sequence-test',
  width: 64,
  height: 36,
  fps: 30,
  durationInFrames: 100,
  audio: null,
  posterFrame: 0,
  description: 'test',
  component: Scene,
  defaultProps: {},
});

function probesAt(frame: number): string[] {
  const html = renderToString(
    <CompositionFrame composition={composition} frame={frame} readiness={new RenderReadiness()} />,
  );
  return [...html.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1] as string);
}

describe('Sequence', () => {
  it('gives children a frame relative to its start, and nested offsets add up', () => {
    expect(probesAt(17)).toEqual(['root:17:root:Infinity', 'outer:7:outer:20', 'inner:2:inner:15']);
  });

  it('renders nothing before `from` or from `from + durationInFrames` on', () => {
    expect(probesAt(9)).toContain('root:9:root:Infinity');
    expect(probesAt(9).some((p) => p.startsWith('outer'))).toBe(false);
    expect(probesAt(29).some((p) => p.startsWith('outer:19'))).toBe(true);
    expect(probesAt(30).some((p) => p.startsWith('outer'))).toBe(false);
  });

  it('is clipped by its parent: a child cannot outlive the parent sequence', () => {
    // "clipped" starts at 25 and asks for 100 frames, but "outer" ends at 30: 5 frames left
    expect(probesAt(25)).toContain('clipped:0:clipped:5');
    expect(probesAt(29)).toContain('clipped:4:clipped:5');
    expect(probesAt(30).some((p) => p.startsWith('clipped'))).toBe(false);
  });

  it('accepts a negative start (a scene that began before the cut)', () => {
    expect(probesAt(0)).toContain('early:5:early:10');
    expect(probesAt(4)).toContain('early:9:early:10');
    expect(probesAt(5).some((p) => p.startsWith('early'))).toBe(false);
  });

  it('rejects a zero or negative length, naming the sequence', () => {
    const Bad = () => (
      <Sequence name="broken" durationInFrames={0}>
        <Probe tag="x" />
      </Sequence>
    );
    const bad = defineComposition({ ...composition, id: 'bad', component: Bad });
    expect(() =>
      renderToString(<CompositionFrame composition={bad} frame={0} readiness={new RenderReadiness()} />),
    ).toThrow(
      /<Sequence name="broken">: from must be finite and durationInFrames > 0 \(got from=0, durationInFrames=0\)/,
    );
  });
});

describe('RenderReadiness', () => {
  it('blocks a frame until every hold is released and every participant drew that frame', async () => {
    const r = new RenderReadiness();
    const canvas = {};
    r.addParticipant(canvas, 'knot canvas');
    const hold = r.hold('texture');
    expect(r.pending(3).sort()).toEqual(['knot canvas', 'texture']);
    let ready = false;
    const waiting = r.waitUntilReady(3, 1000).then(() => (ready = true));
    r.release(hold);
    r.reportDrawn(canvas, 2); // an older frame does not count
    await Promise.resolve();
    expect(ready).toBe(false);
    r.reportDrawn(canvas, 3);
    await waiting;
    expect(ready).toBe(true);
    expect(r.pending(4)).toEqual(['knot canvas']);
  });

  it('times out naming what is still pending', async () => {
    const r = new RenderReadiness();
    r.hold('narration font');
    await expect(r.waitUntilReady(7, 20)).rejects.toThrow(
      /frame 7 was not ready after 20 ms; still waiting for: narration font/,
    );
  });
});
