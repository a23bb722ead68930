import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseScript } from '../../src/script/script';
import { buildTimeline } from '../../src/timeline/buildTimeline';
import { synthesiseScene } from '../../src/voiceover/festival';
import { buildVoiceTimings, type SceneAudio } from '../../src/voiceover/outputs';
import { DEFAULT_VOICE } from '../../src/voiceover/settings';
import { synthesiseScript, type SynthesisProgress } from '../../src/voiceover/synthetic';
import { pcmDurationMs, readWav } from '../../src/voiceover/wav';

const scriptText = readFileSync('captions/narration.script.md', 'utf8');
const script = parseScript(scriptText);
const work = mkdtempSync(join(tmpdir(), 'voice-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const voiceMeta = {
  engine: 'festival',
  voice: DEFAULT_VOICE.voice,
  rate: DEFAULT_VOICE.rate,
  source: 'synthetic' as const,
};
function timelineOf(s: typeof script, audio: SceneAudio[]) {
  const durations = audio.map((a) => Math.round(pcmDurationMs(readWav(a.wav48Path))));
  return buildTimeline(buildVoiceTimings(s, audio, voiceMeta, durations), 30);
}

/** A valid script with every scene and required bookmark, two or three words a scene. */
function miniScript(): string {
  const lines: Record<string, string> = {
    intro: 'It gets {bigger}.',
    'glutamate-release': 'Vesicles {release|release}, channels {open|ampa-open}.',
    'mg-expulsion': 'The block {pops out|mg-out}.',
    'calcium-surge': 'Ions {rush|floods} in.',
    'camkii-lock-in': 'It {drops|falls}.',
    'ampa-insertion': 'More {stay|traps}.',
    'spine-growth': 'It {grows}, and it {lasts}.',
    outro: 'Then {late} phases, then {weakens}.',
  };
  return Object.entries(lines)
    .map(([id, text]) => `## ${id}\ntitle: ${id}\n\n${text}\n`)
    .join('\n');
}

describe('festival synthesis', () => {
  it('is deterministic: the same scene twice gives byte-identical audio and the same word times', () => {
    const scene = script.scenes.find((s) => s.id === 'calcium-surge')!;
    const a = synthesiseScene(scene, DEFAULT_VOICE, join(work, 'a.wav'));
    const b = synthesiseScene(scene, DEFAULT_VOICE, join(work, 'b.wav'));
    expect(readFileSync(join(work, 'a.wav')).equals(readFileSync(join(work, 'b.wav')))).toBe(true);
    expect(a.words).toEqual(b.words);
    expect(a.words).toHaveLength(scene.words.length);
    // Word times come from the utterance: increasing, inside the audio.
    a.words.forEach((w, i) => {
      expect(w.endMs).toBeGreaterThan(w.startMs);
      expect(w.endMs).toBeLessThanOrEqual(a.durationMs);
      if (i > 0) expect(w.startMs).toBeGreaterThanOrEqual(a.words[i - 1]!.endMs);
    });
  }, 300_000);

  it('a slower rate stretches the audio and the word times', () => {
    const scene = script.scenes.find((s) => s.id === 'spine-growth')!;
    const normal = synthesiseScene(scene, DEFAULT_VOICE, join(work, 'n.wav'));
    const slow = synthesiseScene(scene, { ...DEFAULT_VOICE, rate: DEFAULT_VOICE.rate * 0.8 }, join(work, 's.wav'));
    const ratio = slow.durationMs / normal.durationMs;
    expect(ratio).toBeGreaterThan(1.15);
    expect(ratio).toBeLessThan(1.35);
    expect(slow.words.at(-1)!.endMs / normal.words.at(-1)!.endMs).toBeCloseTo(ratio, 1);
  }, 300_000);

  it('a changed sentence re-synthesises only its scene and shifts the later scenes', () => {
    // A short script (same scenes and bookmarks, a few words each) keeps this quick.
    const mini = miniScript();
    const base = parseScript(mini, 'mini.md');
    const cache = join(work, 'cache');
    const first: SynthesisProgress[] = [];
    const before = synthesiseScript(base, DEFAULT_VOICE, cache, (p) => first.push(p));
    expect(first.every((p) => !p.cached)).toBe(true);

    const changedText = mini.replace('Ions {rush|floods} in.', 'Ions {rush|floods} in, then fall away.');
    expect(changedText).not.toBe(mini);
    const changed = parseScript(changedText, 'mini.md');
    const second: SynthesisProgress[] = [];
    const after = synthesiseScript(changed, DEFAULT_VOICE, cache, (p) => second.push(p));
    expect(second.filter((p) => !p.cached).map((p) => p.sceneId)).toEqual(['calcium-surge']);

    after.forEach((a, i) => {
      const same = readFileSync(a.wav48Path).equals(readFileSync(before[i]!.wav48Path));
      expect(same, a.scene.id).toBe(a.scene.id !== 'calcium-surge');
    });

    const t0 = timelineOf(base, before);
    const t1 = timelineOf(changed, after);
    const k = t0.scenes.findIndex((s) => s.id === 'calcium-surge');
    const delta = t1.scenes[k]!.durationFrames - t0.scenes[k]!.durationFrames;
    expect(delta).toBeGreaterThan(10); // "then falls away" is > 0.3 s of speech
    t0.scenes.forEach((s, i) => {
      const shift = i > k ? delta : 0;
      expect(t1.scenes[i]!.startFrame, s.id).toBe(s.startFrame + shift);
      if (i !== k) {
        for (const [name, f] of Object.entries(s.bookmarkFrames))
          expect(t1.scenes[i]!.bookmarkFrames[name], `${s.id}/${name}`).toBe(f + shift);
      }
    });
    expect(t1.totalFrames).toBe(t0.totalFrames + delta);
  }, 600_000);
});

describe('voiceover CLI', () => {
  const run = (...args: string[]) => spawnSync('npx', ['tsx', 'src/voiceover/cli.ts', ...args], { encoding: 'utf8' });
  it('--help explains the options and exits 0', () => {
    const r = run('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('--recording');
    expect(r.stdout).toContain('--scene');
  });
  it('--check passes on the committed timings', () => {
    const r = run('--check');
    expect(r.status, r.stderr).toBe(0);
  });
  it('bad options fail with a message naming them', () => {
    const a = run('--scene', 'nope', '--recording', 'x.wav');
    expect(a.status).toBe(1);
    expect(a.stderr).toMatch(/--scene "nope" is not a scene; use one of intro/);
    const b = run('--rate', 'fast');
    expect(b.status).toBe(1);
    expect(b.stderr).toMatch(/--rate must be a number/);
    const c = run('--recording', 'does-not-exist.wav');
    expect(c.status).toBe(1);
    expect(c.stderr).toMatch(/does-not-exist\.wav: file not found/);
  });
});
