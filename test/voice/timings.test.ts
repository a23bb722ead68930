import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScript } from '../../src/script/script';
import { parseVoiceTimings } from '../../src/timeline/timingsSchema';
import { explainerTimeline } from '../../src/story/narration';
import { checkTimingsFresh, checkTimingsFileFresh } from '../../src/voiceover/staleness';
import { measureLoudness } from '../../src/voiceover/loudness';
import { readWav } from '../../src/voiceover/wav';

const SCRIPT = 'captions/narration.script.md';
const TIMINGS = 'captions/timings.json';
const scriptText = readFileSync(SCRIPT, 'utf8');
const timings = parseVoiceTimings(JSON.parse(readFileSync(TIMINGS, 'utf8')));

describe('committed timings (captions/timings.json)', () => {
  it('are fresh against the script (CI fails here when someone edits the script without `npm run voiceover`)', () => {
    const r = checkTimingsFileFresh(SCRIPT, TIMINGS);
    expect(r.message).toBe('captions/timings.json matches the script');
    expect(r.fresh).toBe(true);
  });

  it('a stale timing file is detected: a changed word, a changed voice rate', () => {
    const changed = scriptText.replace('Vesicles fuse,', 'Vesicles merge,');
    expect(changed).not.toBe(scriptText);
    const r = checkTimingsFresh(changed, timings);
    expect(r.fresh).toBe(false);
    expect(r.message).toMatch(/stale.*npm run voiceover/);
    const otherRate = { ...timings, voice: { ...timings.voice, rate: timings.voice.rate + 0.1 } };
    expect(checkTimingsFresh(scriptText, otherRate).fresh).toBe(false);
  });

  it('editing a writer note does not make them stale', () => {
    const noted = scriptText.replace('## calcium-surge\n', '## calcium-surge\n> a new note for the writer\n');
    expect(checkTimingsFresh(noted, timings).fresh).toBe(true);
  });

  it('word times are monotonic and inside each scene audio; caption text matches the script', () => {
    const script = parseScript(scriptText, SCRIPT);
    timings.scenes.forEach((s, si) => {
      const words = script.scenes[si]!.words;
      expect(s.words.map((w) => w.text.trim())).toEqual(words.map((w) => w.text));
      s.words.forEach((w, i) => {
        expect(w.startMs, `${s.id} word ${i}`).toBeGreaterThanOrEqual(0);
        expect(w.endMs, `${s.id} "${w.text}"`).toBeGreaterThan(w.startMs);
        expect(w.endMs).toBeLessThanOrEqual(s.audioDurationMs);
        if (i > 0) expect(w.startMs, `${s.id} "${w.text}"`).toBeGreaterThanOrEqual(s.words[i - 1]!.endMs);
      });
    });
  });

  it('bookmark times are the start times of the bookmarked words', () => {
    const script = parseScript(scriptText, SCRIPT);
    timings.scenes.forEach((s, si) => {
      for (const b of script.scenes[si]!.bookmarks) expect(s.bookmarksMs[b.name]).toBe(s.words[b.wordIndex]!.startMs);
    });
  });
});

describe('committed narration track (public/voice/narration.wav)', () => {
  const wav = readWav('public/voice/narration.wav');

  it('is 48 kHz and exactly as long as the 30 fps timeline', () => {
    expect(wav.sampleRateHz).toBe(48_000);
    expect(wav.samples.length).toBe(explainerTimeline.totalFrames * 1600);
  });

  it('has each scene where the timeline says: silence before audioStartFrame, speech at the first word', () => {
    const rms = (a: number, b: number): number => {
      let s = 0;
      for (let i = a; i < b; i++) s += wav.samples[i]! ** 2;
      return Math.sqrt(s / (b - a));
    };
    for (const scene of explainerTimeline.scenes) {
      const at = scene.audioStartFrame * 1600;
      expect(rms(at - 4800, at), `${scene.id} lead-in`).toBeLessThan(30);
      const first = explainerTimeline.captions.find((c) => c.startMs >= (scene.audioStartFrame * 1000) / 30)!;
      const w = Math.round(first.startMs * 48);
      expect(rms(w, w + 9600), `${scene.id} first word "${first.text}"`).toBeGreaterThan(300);
    }
  });

  it('is at -16 LUFS (+-1) integrated with true peak <= -1.5 dBTP', async () => {
    const m = await measureLoudness('public/voice/narration.wav');
    expect(Math.abs(m.integratedLufs + 16)).toBeLessThanOrEqual(1);
    expect(m.truePeakDbtp).toBeLessThanOrEqual(-1.5 + 0.05);
  });
});
