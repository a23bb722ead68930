import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSrt, type Caption } from '@remotion/captions';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCues, sceneCutsMs } from '../../src/captions/buildCues';
import { toChaptersVtt, toSrt, toTranscript, toWebVtt } from '../../src/captions/formats';
import { breakLines } from '../../src/captions/lineBreak';
import { CAPTION_LIMITS } from '../../src/captions/limits';
import { writeCaptionSidecars } from '../../src/captions/sidecars';
import { validateCues } from '../../src/captions/validateCues';
import { explainerTimeline, narrationTimings } from '../../src/story/narration';
import { SCENE_IDS } from '../../src/script/sceneIds';
import type { Timeline } from '../../src/timeline/types';

const t = explainerTimeline;
const cues = buildCues(t);
const videoMs = (t.totalFrames * 1000) / t.fps;
const titles = Object.fromEntries(narrationTimings.scenes.map((s) => [s.id, s.title ?? s.id]));
const work = mkdtempSync(join(tmpdir(), 'captions-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('cues of the real script', () => {
  it('obey every DESIGN.md limit and never cross a scene cut', () => {
    expect(validateCues(cues, { sceneCutsMs: sceneCutsMs(t), videoDurationMs: videoMs })).toEqual([]);
    for (const c of cues) {
      expect(c.lines.length).toBeLessThanOrEqual(2);
      for (const l of c.lines) expect(l.length).toBeLessThanOrEqual(42);
      const dur = c.endMs - c.startMs;
      expect(dur).toBeGreaterThanOrEqual(830);
      expect(dur).toBeLessThanOrEqual(7000);
      expect((c.lines.join(' ').length * 1000) / dur).toBeLessThanOrEqual(20);
      const scene = t.scenes.find((s) => s.id === c.sceneId)!;
      expect(c.startMs).toBeGreaterThanOrEqual((scene.startFrame * 1000) / t.fps);
      expect(c.endMs).toBeLessThanOrEqual(((scene.startFrame + scene.durationFrames) * 1000) / t.fps);
    }
  });

  it('carry every word once, in order, and show each word while it is spoken', () => {
    const words = cues.flatMap((c) => c.words.map((w) => w.text));
    expect(words).toEqual(t.captions.map((c) => c.text.trim()));
    expect(cues.map((c) => c.lines.join(' ')).join(' ')).toBe(words.join(' '));
    for (const c of cues) for (const w of c.words) expect(w.startMs >= c.startMs && w.startMs < c.endMs).toBe(true);
  });

  it('start each scene with a new cue', () => {
    for (const id of SCENE_IDS) expect(cues.some((c) => c.sceneId === id)).toBe(true);
    const ids = cues.map((c) => c.sceneId);
    expect(ids.filter((id, i) => i === 0 || ids[i - 1] !== id)).toEqual([...SCENE_IDS]);
  });
});

describe('cue building on fast or long speech', () => {
  /** One scene of words, each `msPerWord` long, in an otherwise tiny timeline. */
  function timelineOf(words: string[], msPerWord: number, sceneMs: number): Timeline {
    const captions: Caption[] = words.map((text, i) => ({
      text: i ? ` ${text}` : text,
      startMs: 100 + i * msPerWord,
      endMs: 100 + (i + 1) * msPerWord - 10,
      timestampMs: null,
      confidence: null,
    }));
    const fps = 30;
    const frames = Math.ceil((sceneMs * fps) / 1000);
    return {
      fps,
      totalFrames: frames,
      scenes: [{ id: 'intro', startFrame: 0, durationFrames: frames, audioStartFrame: 0, bookmarkFrames: {} }],
      captions,
    };
  }

  it('a long monologue splits into cues of at most 7 s and 2 x 42 characters', () => {
    const words = Array.from({ length: 60 }, (_, i) => (i % 9 === 8 ? 'calmly.' : 'word'));
    const tl = timelineOf(words, 400, 100 + 60 * 400 + 800);
    const c = buildCues(tl);
    expect(c.length).toBeGreaterThan(3);
    expect(validateCues(c, { sceneCutsMs: [] })).toEqual([]);
  });

  it('prefers breaking at sentence ends', () => {
    const words = 'The spine grows. Then the test pulse gives a much bigger response than before, about double.'.split(
      ' ',
    );
    const c = buildCues(timelineOf(words, 330, 100 + words.length * 330 + 1000));
    expect(c[0]!.lines.join(' ').endsWith('grows.')).toBe(true);
  });

  it('validateCues reports each broken limit', () => {
    const bad = [
      { index: 1, startMs: 0, endMs: 500, lines: ['short'] },
      { index: 2, startMs: 520, endMs: 9000, lines: ['x'.repeat(43), 'b', 'c'] },
      { index: 3, startMs: 8000, endMs: 9000, lines: ['this line is fine but far too fast to read'] },
    ];
    const rules = validateCues(bad, { sceneCutsMs: [5000] }).map((v) => `${v.cue}:${v.rule}`);
    expect(rules).toEqual(
      expect.arrayContaining([
        '1:min-duration',
        '2:gap',
        '2:lines',
        '2:chars-per-line',
        '2:max-duration',
        '2:scene-cut',
        '3:overlap',
        '3:reading-speed',
      ]),
    );
    expect(rules).toHaveLength(8);
  });

  it('breakLines keeps lines within the limit and balanced', () => {
    const lines = breakLines('Only glutamate plus depolarisation to about −40 mV pops it out:'.split(' '), 42)!;
    expect(lines).toHaveLength(2);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(42);
    expect(breakLines(['x'.repeat(50)], 42)).toBeNull();
    expect(breakLines('short text'.split(' '), CAPTION_LIMITS.maxCharsPerLine)).toEqual(['short text']);
  });
});

describe('caption files', () => {
  it('WebVTT and SRT carry the same cues and times', () => {
    const vtt = toWebVtt(cues);
    expect(vtt.startsWith('WEBVTT\n')).toBe(true);
    const vttTimes = [...vtt.matchAll(/(\d\d):(\d\d):(\d\d)\.(\d{3}) --> (\d\d):(\d\d):(\d\d)\.(\d{3})/g)].map((m) => [
      ((+m[1]! * 60 + +m[2]!) * 60 + +m[3]!) * 1000 + +m[4]!,
      ((+m[5]! * 60 + +m[6]!) * 60 + +m[7]!) * 1000 + +m[8]!,
    ]);
    expect(vttTimes).toEqual(cues.map((c) => [c.startMs, c.endMs]));
    const srt = parseSrt({ input: toSrt(cues) }).captions;
    expect(srt).toHaveLength(cues.length);
    srt.forEach((s, i) => {
      expect(s.startMs).toBe(cues[i]!.startMs);
      expect(s.endMs).toBe(cues[i]!.endMs);
      expect(s.text.replace(/\s+/g, ' ').trim()).toBe(cues[i]!.lines.join(' '));
    });
  });

  it('chapters: one per scene, titled from the script, contiguous from 0 to the end', () => {
    const ch = toChaptersVtt(t, titles);
    const times = [...ch.matchAll(/(\d\d:\d\d:\d\d\.\d{3}) --> (\d\d:\d\d:\d\d\.\d{3})\n(.+)/g)];
    expect(times).toHaveLength(SCENE_IDS.length);
    expect(times[0]![1]).toBe('00:00:00.000');
    times.forEach((m, i) => {
      expect(m[3]).toBe(titles[SCENE_IDS[i]!]);
      if (i > 0) expect(m[1]).toBe(times[i - 1]![2]);
    });
    const endMs = Math.round(videoMs);
    expect(times.at(-1)![2]).toBe(
      `00:00:${String(Math.floor(endMs / 1000)).padStart(2, '0')}.${String(endMs % 1000).padStart(3, '0')}`,
    );
  });

  it('transcript has every caption word in order, under the chapter titles', () => {
    const tx = toTranscript(cues, t, titles);
    let at = 0;
    for (const w of t.captions.map((c) => c.text.trim())) {
      const k = tx.indexOf(w, at);
      expect(k, w).toBeGreaterThanOrEqual(0);
      at = k + w.length;
    }
    expect(tx).toContain(titles['mg-expulsion']);
  });

  it('writeCaptionSidecars writes .vtt, .srt, .chapters.vtt and .txt next to the MP4', async () => {
    const mp4 = join(work, 'explainer.mp4');
    const p = await writeCaptionSidecars(mp4, t, titles);
    expect(p.vtt).toBe(join(work, 'explainer.vtt'));
    expect(readFileSync(p.vtt, 'utf8')).toBe(toWebVtt(cues));
    expect(readFileSync(p.srt, 'utf8')).toBe(toSrt(cues));
    expect(readFileSync(p.chaptersVtt, 'utf8')).toBe(toChaptersVtt(t, titles));
    expect(readFileSync(p.transcriptTxt, 'utf8')).toBe(toTranscript(cues, t, titles));
  });
});
