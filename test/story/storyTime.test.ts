import { describe, expect, it } from 'vitest';
import {
  formatPhysicalTime,
  formatSpeedFactor,
  isReplay,
  physicalMsAtFrame,
  sceneClock,
  sceneClocks,
  SCENE_TIME_MAPS,
} from '../../src/story/storyTime';
import { loadExplainerData } from '../../src/story/explainerData';
import { SCENE_IDS } from '../../src/script/sceneIds';

describe('story-time maps', () => {
  it('map frames to physical time with one factor: 1/1000 speed moves 1 ms per second of video', () => {
    expect(physicalMsAtFrame(130, 30, 100, 5, 1 / 1000)).toBeCloseTo(6, 9);
    expect(physicalMsAtFrame(70, 30, 100, 5, 1 / 1000)).toBeCloseTo(4, 9);
    expect(physicalMsAtFrame(160, 30, 100, 0, 600)).toBeCloseTo(1_200_000, 6);
  });

  it('every scene of the real timeline has a clock whose frameAt inverts physicalMs and pins the bookmark', () => {
    const { timeline, clocks } = loadExplainerData();
    for (const id of SCENE_IDS) {
      const c = clocks[id];
      const span = timeline.scenes.find((s) => s.id === id)!;
      expect(c.bookmarkFrame).toBe(span.bookmarkFrames[SCENE_TIME_MAPS[id].bookmark]);
      expect(c.physicalMs(c.bookmarkFrame)).toBeCloseTo(c.anchorMs, 9);
      const f = span.startFrame + 17;
      expect(c.frameAt(c.physicalMs(f))).toBeCloseTo(f, 6);
    }
  });

  it('physical time never jumps backwards at a cut on the film (continuing clocks are exactly continuous)', () => {
    const { timeline, clocks } = loadExplainerData();
    timeline.scenes.forEach((span, i) => {
      if (i === 0) return;
      const prev = timeline.scenes[i - 1]!;
      const before = clocks[prev.id].physicalMs(span.startFrame - 1);
      const after = clocks[span.id].physicalMs(span.startFrame);
      expect(after, `${prev.id} -> ${span.id}`).toBeGreaterThan(before);
      expect(isReplay(timeline, clocks, i)).toBe(false);
      if (SCENE_TIME_MAPS[span.id].anchor.kind === 'continue')
        expect(after).toBeCloseTo(clocks[prev.id].physicalMs(span.startFrame), 6);
    });
  });

  it('a scene that starts before the previous one ended is a replay (the clock says so)', () => {
    const { timeline, trace } = loadExplainerData();
    // Move the Mg2+ scene 1 s of video slower than declared: it then starts before the glutamate scene's end.
    const mg = timeline.scenes.findIndex((s) => s.id === 'mg-expulsion');
    const clocks = { ...sceneClocks(timeline, trace) };
    const span = timeline.scenes[mg]!;
    clocks['mg-expulsion'] = sceneClock(span, timeline.fps, trace);
    const slow = {
      ...clocks['mg-expulsion'],
      physicalMs: (f: number) => clocks['glutamate-release'].physicalMs(span.startFrame) - 1 + (f - span.startFrame),
    };
    expect(isReplay(timeline, { ...clocks, 'mg-expulsion': slow }, mg)).toBe(true);
    expect(isReplay(timeline, clocks, mg)).toBe(false);
  });

  it('formats the on-screen clock with the right unit and a true minus sign', () => {
    expect(formatPhysicalTime(12.4)).toBe('12.40 ms');
    expect(formatPhysicalTime(-3.5)).toBe('\u22123.50 ms');
    expect(formatPhysicalTime(2500)).toBe('2.50 s');
    expect(formatPhysicalTime(180_000)).toBe('3.0 min');
    expect(formatPhysicalTime(3 * 3_600_000)).toBe('3.00 h');
    expect(formatSpeedFactor(1 / 200)).toBe('1/200 speed');
    expect(formatSpeedFactor(1)).toBe('real time');
    expect(formatSpeedFactor(600)).toBe('600\u00d7 speed');
  });
});

describe('refineCrossing', () => {
  it('pins a threshold crossing between coarse stored samples to within a microsecond', async () => {
    const { refineCrossing } = await import('../../src/story/keyEvents');
    // A crossing at 12.3456 ms found coarsely at a stored sample 20 ms.
    expect(refineCrossing((t) => t >= 12.3456, 0, 20)).toBeCloseTo(12.3456, 3);
    expect(refineCrossing((t) => t >= 12.3456, 15, 20)).toBe(15);
    expect(refineCrossing((t) => t >= 30, 0, 20)).toBe(20);
  });
});
