import { describe, expect, it } from 'vitest';
import { buildCues } from '../../src/captions';
import { chaptersOf } from '../../src/embed/embedData';
import { narrationCues } from '../../src/embed/narrationCues';
import { chapterIndexAt, nextChapterFrame, previousChapterFrame, type Chapter } from '../../src/embed/sceneSteps';
import { frameToClock, frameToSpokenTime } from '../../src/embed/timecode';
import { activeLineIndex, transcriptLines } from '../../src/embed/transcriptLines';
import { explainerTimeline } from '../../src/story/narration';
import { SCENE_IDS } from '../../src/script/sceneIds';

const chapters: Chapter[] = [
  { id: 'a', title: 'A', startFrame: 0, durationFrames: 100 },
  { id: 'b', title: 'B', startFrame: 100, durationFrames: 50 },
  { id: 'c', title: 'C', startFrame: 150, durationFrames: 90 },
];

describe('scene stepping', () => {
  it('finds the chapter showing at a frame', () => {
    expect([0, 99, 100, 149, 150, 239].map((f) => chapterIndexAt(chapters, f))).toEqual([0, 0, 1, 1, 2, 2]);
  });
  it('next goes to the following scene start, and stops on the last scene', () => {
    expect(nextChapterFrame(chapters, 0)).toBe(100);
    expect(nextChapterFrame(chapters, 120)).toBe(150);
    expect(nextChapterFrame(chapters, 200)).toBeNull();
  });
  it('previous restarts the current scene when well into it, else goes one scene back', () => {
    expect(previousChapterFrame(chapters, 140)).toBe(100); // 40 frames in: restart scene B
    expect(previousChapterFrame(chapters, 100)).toBe(0); // at B's start: back to A
    expect(previousChapterFrame(chapters, 110)).toBe(0); // within 15 frames of B's start
    expect(previousChapterFrame(chapters, 5)).toBe(0);
  });
});

describe('transcript lines', () => {
  it('start on the first whole frame of their cue and belong to the scene they start in', () => {
    const lines = transcriptLines(
      [
        { text: 'one\ntwo', startMs: 0, endMs: 1000 },
        { text: 'three', startMs: 3340, endMs: 5000 },
        { text: 'four', startMs: 5000, endMs: 6000 },
      ],
      30,
      [0, 150],
    );
    expect(lines.map((l) => [l.text, l.startFrame, l.chapterIndex])).toEqual([
      ['one two', 0, 0],
      ['three', 101, 0], // 3.34 s * 30 = 100.2 -> frame 101, the first frame the cue is on screen
      ['four', 150, 1],
    ]);
    expect(activeLineIndex(lines, 100)).toBe(0);
    expect(activeLineIndex(lines, 101)).toBe(1);
    expect(activeLineIndex(lines, 10_000)).toBe(2);
  });

  it('are the captions layer cues of the narration, one chapter per scene', () => {
    const cues = buildCues(explainerTimeline);
    const fromEmbed = narrationCues();
    expect(fromEmbed).toHaveLength(cues.length);
    expect(fromEmbed[0]?.text).toBe(cues[0]?.lines.join(' '));
    const ch = chaptersOf(explainerTimeline);
    expect(ch.map((c) => c.id)).toEqual([...SCENE_IDS]);
    expect(
      ch.every(
        (c, k) => k === 0 || c.startFrame === (ch[k - 1] as Chapter).startFrame + (ch[k - 1] as Chapter).durationFrames,
      ),
    ).toBe(true);
  });
});

describe('time labels', () => {
  it('formats m:ss and a spoken form', () => {
    expect(frameToClock(0, 30)).toBe('0:00');
    expect(frameToClock(1679, 30)).toBe('0:55');
    expect(frameToClock(1830, 30)).toBe('1:01');
    expect(frameToSpokenTime(31, 30)).toBe('1 second');
    expect(frameToSpokenTime(1950, 30)).toBe('1 minute 5 seconds');
  });
});
