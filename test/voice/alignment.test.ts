/**
 * Forced alignment of a "human" recording: the committed synthetic narration,
 * slowed (sox tempo 0.95), pitch-shifted down 150 cents and mixed with white
 * noise, stands in for a narrator. Its word times are known exactly (synthetic
 * times / 0.95), so the aligner's error is measurable.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explainerTimeline, narrationTimings } from '../../src/story/narration';
import { parseScript } from '../../src/script/script';
import { measureLoudness } from '../../src/voiceover/loudness';
import { alignRecording, alignRecordingWords } from '../../src/voiceover/recording';
import { DEFAULT_VOICE } from '../../src/voiceover/settings';
import { checkTimingsFresh } from '../../src/voiceover/staleness';
import { readWav } from '../../src/voiceover/wav';

const TEMPO = 0.95;
const scriptText = readFileSync('captions/narration.script.md', 'utf8');
const script = parseScript(scriptText);
const work = mkdtempSync(join(tmpdir(), 'align-test-'));
const recording = join(work, 'narrator.wav');

beforeAll(() => {
  const slowed = join(work, 'slowed.wav');
  const noise = join(work, 'noise.wav');
  execFileSync('sox', ['public/voice/narration.wav', slowed, 'tempo', String(TEMPO), 'pitch', '-150']);
  execFileSync('sox', ['-R', slowed, noise, 'synth', 'whitenoise', 'vol', '0.02']); // -R: repeatable noise
  execFileSync('sox', ['-m', slowed, noise, recording]);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('aligning a recording to the script (pocketsphinx)', () => {
  it('puts >= 90 % of words within 50 ms of their known times', () => {
    const aligned = alignRecordingWords(recording, script.scenes).flat();
    const known = explainerTimeline.captions.map((c) => c.startMs / TEMPO);
    expect(aligned).toHaveLength(known.length);
    const errors = aligned.map((w, i) => Math.abs(w.startMs - known[i]!));
    const within = errors.filter((e) => e <= 50).length / errors.length;
    const meanMs = errors.reduce((a, b) => a + b, 0) / errors.length;
    console.log(
      `alignment: ${(within * 100).toFixed(1)} % of ${errors.length} words within 50 ms, mean error ${meanMs.toFixed(1)} ms`,
    );
    expect(within).toBeGreaterThanOrEqual(0.9);
    expect(meanMs).toBeLessThan(30);
  }, 300_000);

  it('fails clearly when the recording does not say the script', () => {
    const silence = join(work, 'silence.wav');
    execFileSync('sox', ['-n', '-r', '16000', '-c', '1', '-b', '16', silence, 'trim', '0', '2']);
    expect(() => alignRecordingWords(silence, script.scenes)).toThrow(/does not seem to say the script/);
  }, 120_000);

  it('--recording writes the same outputs: timings (source recording), scene WAVs, a normalised narration track', async () => {
    const out = join(work, 'out');
    const paths = {
      timingsJson: join(out, 'timings.json'),
      narrationWav: join(out, 'narration.wav'),
      scenesDir: join(out, 'scenes'),
    };
    const r = alignRecording({
      script,
      recording,
      voice: DEFAULT_VOICE,
      cacheDir: join(work, 'cache'),
      paths,
      fps: 30,
      log: () => {},
    });
    const timings = JSON.parse(readFileSync(paths.timingsJson, 'utf8'));
    expect(timings.voice.source).toBe('recording');
    expect(checkTimingsFresh(scriptText, timings).fresh).toBe(true);
    expect(r.timeline.totalFrames / 30).toBeLessThanOrEqual(60);
    // Slower narrator -> longer scenes than the synthetic voice.
    expect(r.timeline.totalFrames).toBeGreaterThan(explainerTimeline.totalFrames);
    for (const s of script.scenes) expect(existsSync(join(paths.scenesDir, `${s.id}.wav`))).toBe(true);
    // Bookmarks follow the slower voice: time from a scene's first word to each bookmark = synthetic / 0.95 (within 100 ms: two aligned times, each within ~50 ms).
    for (const rec of r.timings.scenes) {
      const syn = narrationTimings.scenes.find((s) => s.id === rec.id)!;
      for (const [name, ms] of Object.entries(rec.bookmarksMs)) {
        const expected = (syn.bookmarksMs[name]! - syn.words[0]!.startMs) / TEMPO;
        expect(Math.abs(ms - rec.words[0]!.startMs - expected), `${rec.id}/${name}`).toBeLessThan(100);
      }
      const span = r.timeline.scenes.find((s) => s.id === rec.id)!;
      for (const f of Object.values(span.bookmarkFrames)) expect(f).toBeGreaterThanOrEqual(span.audioStartFrame);
    }
    const wav = readWav(paths.narrationWav);
    expect(wav.sampleRateHz).toBe(48_000);
    expect(wav.samples.length).toBe(r.timeline.totalFrames * 1600);
    const m = await measureLoudness(paths.narrationWav);
    expect(Math.abs(m.integratedLufs + 16)).toBeLessThanOrEqual(1);
    expect(m.truePeakDbtp).toBeLessThanOrEqual(-1.45);
  }, 600_000);

  it('--recording --scene replaces one scene and keeps the synthetic others', () => {
    const take = join(work, 'mg-take.wav');
    execFileSync('sox', ['public/voice/scenes/mg-expulsion.wav', take, 'tempo', String(TEMPO), 'pitch', '150']);
    const out = join(work, 'out-scene');
    const paths = {
      timingsJson: join(out, 'timings.json'),
      narrationWav: join(out, 'narration.wav'),
      scenesDir: join(out, 'scenes'),
    };
    // The project's voice cache: unchanged synthetic scenes are reused, not re-synthesised.
    const r = alignRecording({
      script,
      recording: take,
      scene: 'mg-expulsion',
      voice: DEFAULT_VOICE,
      cacheDir: '.cache/voice',
      paths,
      fps: 30,
      log: () => {},
    });
    expect(r.timings.voice.source).toBe('recording');
    expect(r.timings.voice.voice).toContain('mg-expulsion: recording mg-take.wav');
    for (const s of r.timings.scenes) {
      const syn = narrationTimings.scenes.find((x) => x.id === s.id)!;
      if (s.id !== 'mg-expulsion') {
        expect(s.words, s.id).toEqual(syn.words);
        continue;
      }
      const starts = s.words.map((w) => w.startMs - s.words[0]!.startMs);
      const expected = syn.words.map((w) => (w.startMs - syn.words[0]!.startMs) / TEMPO);
      const within = starts.filter((v, i) => Math.abs(v - expected[i]!) <= 100).length / starts.length;
      expect(within).toBeGreaterThanOrEqual(0.9);
    }
    const k = r.timeline.scenes.findIndex((s) => s.id === 'mg-expulsion');
    // Earlier scenes keep their frames; later ones shift by the longer take.
    expect(r.timeline.scenes.slice(0, k + 1).map((s) => s.startFrame)).toEqual(
      explainerTimeline.scenes.slice(0, k + 1).map((s) => s.startFrame),
    );
    const delta = r.timeline.scenes[k]!.durationFrames - explainerTimeline.scenes[k]!.durationFrames;
    expect(delta).toBeGreaterThan(0);
    expect(r.timeline.scenes[k + 1]!.startFrame).toBe(explainerTimeline.scenes[k + 1]!.startFrame + delta);
  }, 600_000);
});
