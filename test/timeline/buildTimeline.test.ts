import { describe, expect, it } from 'vitest';
import {
  buildTimeline,
  DEFAULT_TIMELINE_OPTIONS,
  sceneAtFrame,
  TimelineOverrunError,
} from '../../src/timeline/buildTimeline';
import type { VoiceTimings } from '../../src/timeline/types';
import { SCENE_IDS } from '../../src/script/sceneIds';
import { explainerTimeline, narrationTimings } from '../../src/story/narration';

/** Synthetic timings: scene i has `durationsMs[i]` of audio, two words, one bookmark at its second word. */
function fakeTimings(durationsMs: number[]): VoiceTimings {
  return {
    scriptHash: 'x',
    voice: { engine: 'test', voice: 'test', rate: 1, source: 'synthetic' },
    scenes: SCENE_IDS.map((id, i) => {
      const d = durationsMs[i]!;
      return {
        id,
        audioDurationMs: d,
        words: [
          { text: 'one', startMs: 200, endMs: d / 2, timestampMs: 200, confidence: null },
          { text: ' two', startMs: d / 2, endMs: d - 10, timestampMs: d / 2, confidence: null },
        ],
        bookmarksMs: { cue: d / 2 },
      };
    }),
  };
}

describe('buildTimeline', () => {
  const durations = [5000, 4000, 9000, 3000, 6000, 4000, 4500, 5000];

  it('places scenes back to back: lead-in, audio (whole frames, rounded up), tail', () => {
    const fps = 30;
    const t = buildTimeline(fakeTimings(durations), fps);
    const o = DEFAULT_TIMELINE_OPTIONS;
    let expectStart = 0;
    t.scenes.forEach((s, i) => {
      expect(s.startFrame).toBe(expectStart);
      const lead = Math.round(((o.leadInMs + (i === 0 ? o.videoLeadInMs : 0)) * fps) / 1000);
      const tail = Math.round(((o.tailMs + (i === durations.length - 1 ? o.videoTailMs : 0)) * fps) / 1000);
      expect(s.audioStartFrame - s.startFrame).toBe(lead);
      expect(s.durationFrames).toBe(lead + Math.ceil((durations[i]! * fps) / 1000) + tail);
      expectStart += s.durationFrames;
    });
    expect(t.totalFrames).toBe(expectStart);
  });

  it('bookmark frames are absolute and land on the bookmarked word', () => {
    const t = buildTimeline(fakeTimings(durations), 30);
    t.scenes.forEach((s, i) => {
      expect(s.bookmarkFrames.cue).toBe(s.audioStartFrame + Math.round((durations[i]! / 2) * 0.03));
    });
  });

  it('captions move to video time, in order, with one leading space per word after the first', () => {
    const fps = 25;
    const t = buildTimeline(fakeTimings(durations), fps);
    expect(t.captions).toHaveLength(16);
    expect(t.captions[0]!.text).toBe('one');
    expect(t.captions[2]!.text).toBe(' one');
    const s2 = t.scenes[2]!;
    expect(t.captions[4]!.startMs).toBe(Math.round((s2.audioStartFrame * 1000) / fps + 200));
    for (let i = 1; i < t.captions.length; i++)
      expect(t.captions[i]!.startMs).toBeGreaterThanOrEqual(t.captions[i - 1]!.endMs);
  });

  it('over 60.0 s: throws naming the overrun and the longest scenes', () => {
    const long = [5000, 4000, 14000, 3000, 12000, 4000, 4500, 9000];
    let err: unknown;
    try {
      buildTimeline(fakeTimings(long), 30);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(TimelineOverrunError);
    const e = err as TimelineOverrunError;
    const total = long.reduce((a, b) => a + b, 0);
    expect(e.overrunMs).toBeGreaterThan(total - 60_000);
    expect(e.longestScenes.map((s) => s.id)).toEqual(['mg-expulsion', 'camkii-lock-in', 'outro']);
    expect(e.message).toMatch(/over the 60\.0 s limit/);
    expect(e.message).toContain('mg-expulsion 14.');
  });

  it('exactly at the limit passes; a custom limit is honoured', () => {
    const t = buildTimeline(fakeTimings(durations), 30);
    const ms = (t.totalFrames * 1000) / 30;
    expect(() => buildTimeline(fakeTimings(durations), 30, { maxTotalMs: ms })).not.toThrow();
    expect(() => buildTimeline(fakeTimings(durations), 30, { maxTotalMs: ms - 1 })).toThrow(TimelineOverrunError);
  });

  it('rejects a bookmark outside its audio, wrong scene order and a bad fps', () => {
    const bad = fakeTimings(durations);
    bad.scenes[3]!.bookmarksMs.cue = 99_999;
    expect(() => buildTimeline(bad, 30)).toThrow(/bookmark "cue" of scene calcium-surge/);
    const swapped = fakeTimings(durations);
    [swapped.scenes[0], swapped.scenes[1]] = [swapped.scenes[1]!, swapped.scenes[0]!];
    expect(() => buildTimeline(swapped, 30)).toThrow(/expected \[intro/);
    expect(() => buildTimeline(fakeTimings(durations), 0)).toThrow(/fps/);
  });
});

describe('explainerTimeline (the committed narration at 30 fps)', () => {
  it('fits in 60 s, scenes contiguous in SCENE_IDS order', () => {
    const t = explainerTimeline;
    expect(t.fps).toBe(30);
    expect(t.totalFrames / t.fps).toBeLessThanOrEqual(60);
    expect(t.scenes.map((s) => s.id)).toEqual([...SCENE_IDS]);
    t.scenes.forEach((s, i) => {
      if (i > 0) expect(s.startFrame).toBe(t.scenes[i - 1]!.startFrame + t.scenes[i - 1]!.durationFrames);
    });
  });

  it('every bookmark resolves to a frame inside its scene, while its word is spoken', () => {
    for (const s of explainerTimeline.scenes) {
      const timing = narrationTimings.scenes.find((x) => x.id === s.id)!;
      expect(Object.keys(s.bookmarkFrames).sort()).toEqual(Object.keys(timing.bookmarksMs).sort());
      for (const [name, frame] of Object.entries(s.bookmarkFrames)) {
        expect(frame, `${s.id}/${name}`).toBeGreaterThanOrEqual(s.audioStartFrame);
        expect(frame, `${s.id}/${name}`).toBeLessThan(s.startFrame + s.durationFrames);
        const word = timing.words.find((w) => w.startMs === timing.bookmarksMs[name])!;
        expect(word, `${s.id}/${name} is the start of a word`).toBeDefined();
        const wordEndFrame = s.audioStartFrame + (word.endMs * 30) / 1000;
        expect(frame).toBeLessThanOrEqual(Math.ceil(wordEndFrame));
      }
    }
  });

  it('scene audio fits inside the scene', () => {
    for (const s of explainerTimeline.scenes) {
      const timing = narrationTimings.scenes.find((x) => x.id === s.id)!;
      expect(s.audioStartFrame + (timing.audioDurationMs * 30) / 1000).toBeLessThanOrEqual(
        s.startFrame + s.durationFrames,
      );
    }
  });
});

describe('sceneAtFrame', () => {
  it('finds the scene holding a frame, its first and last frame included, and null outside every scene', () => {
    const [first, second] = explainerTimeline.scenes;
    const boundary = second!.startFrame;
    expect(sceneAtFrame(explainerTimeline, 0)?.id).toBe(first!.id);
    expect(sceneAtFrame(explainerTimeline, boundary - 1)?.id).toBe(first!.id);
    expect(sceneAtFrame(explainerTimeline, boundary)?.id).toBe(second!.id);
    expect(sceneAtFrame(explainerTimeline, explainerTimeline.totalFrames - 1)?.id).toBe('outro');
    expect(sceneAtFrame(explainerTimeline, explainerTimeline.totalFrames)).toBeNull();
    expect(sceneAtFrame(explainerTimeline, -1)).toBeNull();
    expect(sceneAtFrame(null, 0)).toBeNull();
  });
});
