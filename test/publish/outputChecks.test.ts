import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureLoudness } from '../../src/voiceover/loudness';
import { checkOutputs, comparableWords, type CheckRow, type OutputExpectations } from '../../src/publish/outputChecks';
import { cutFiles } from '../../src/publish/outputLayout';
import { writeManifest } from '../../src/publish/outputManifest';
import { makeStill, makeTempDir, makeTestMp4, makeToneWav } from './mediaFixtures';

/** A 1 s, 160x90 "cut" keeps ffmpeg work tiny. */
const TINY = { id: 'tiny', width: 160, height: 90, fps: 30, durationInFrames: 60 };

const expectations = (overrides: Partial<OutputExpectations> = {}): OutputExpectations => ({
  cuts: [TINY],
  sceneCount: 2,
  maxDurationS: 60,
  socialCard: null,
  embed: false,
  manifest: false,
  loudness: true,
  ...overrides,
});

const GOOD_VTT = `WEBVTT

1
00:00:00.000 --> 00:00:01.000
A synapse learns.

2
00:00:01.000 --> 00:00:02.000
It grows stronger.
`;
const GOOD_SRT = `1
00:00:00,000 --> 00:00:01,000
A synapse learns.

2
00:00:01,000 --> 00:00:02,000
It grows stronger.
`;
const GOOD_CHAPTERS = `WEBVTT

chapter-1
00:00:00.000 --> 00:00:01.000
Intro

chapter-2
00:00:01.000 --> 00:00:02.000
Growth
`;

const good = makeTempDir('outputs-good');
const bad = makeTempDir('outputs-bad');
/** Gain of a 440 Hz sine that measures -16 LUFS here (calibrated in beforeAll with ffmpeg itself). */
let gainFor16Lufs = 0.2;

function writeGoodSet(dir: string): void {
  const f = cutFiles(dir, TINY.id);
  makeTestMp4(f.mp4, { width: TINY.width, height: TINY.height, durationS: 2, toneVolume: gainFor16Lufs });
  writeFileSync(f.vtt, GOOD_VTT);
  writeFileSync(f.srt, GOOD_SRT);
  writeFileSync(f.chaptersVtt, GOOD_CHAPTERS);
  writeFileSync(f.transcriptTxt, 'Intro\nA synapse learns.\n\nGrowth\nIt grows stronger.\n');
  makeStill(f.posterPng, TINY.width, TINY.height);
  makeStill(f.posterJpg, TINY.width, TINY.height);
}

beforeAll(async () => {
  const probe = makeToneWav(join(good.dir, 'probe.wav'), 0.1);
  const m = await measureLoudness(probe);
  gainFor16Lufs = 0.1 * 10 ** ((-16 - m.integratedLufs) / 20);
  execFileSync('rm', [probe]);
  writeGoodSet(good.dir);
});
afterAll(() => {
  good.cleanup();
  bad.cleanup();
});

const failures = (rows: CheckRow[]) => rows.filter((r) => r.status === 'fail');

describe('checkOutputs on a good set', () => {
  it('passes every check and measures what it reports', async () => {
    const rows = await checkOutputs(good.dir, expectations({ cuts: [{ ...TINY }], durationToleranceS: 0.1 }));
    expect(failures(rows)).toEqual([]);
    const measured = (file: string, check: string) => rows.find((r) => r.file === file && r.check === check)?.measured;
    expect(measured('tiny.mp4', 'codec')).toBe('h264 High');
    expect(measured('tiny.mp4', 'size')).toBe('160x90');
    expect(measured('tiny.mp4', 'frame rate')).toBe('30.000 fps');
    expect(measured('tiny.mp4', 'moov before mdat')).toMatch(/^ftyp .*moov .*mdat/);
    expect(measured('tiny.mp4', 'loudness')).toMatch(/^-1[56]\.\d LUFS/);
    expect(measured('tiny.poster.jpg', 'still')).toBe('mjpeg 160x90');
  });

  it('verifies manifest.json and catches a file changed after it was written', async () => {
    await writeManifest(good.dir, new Date(0), ['tiny.mp4', 'tiny.vtt']);
    const ok = await checkOutputs(good.dir, expectations({ manifest: true, loudness: false }));
    expect(ok.find((r) => r.file === 'manifest.json' && r.check === 'sizes and SHA-256')?.status).toBe('pass');
    writeFileSync(join(good.dir, 'tiny.vtt'), GOOD_VTT.replace('learns', 'LEARNS'));
    const rows = await checkOutputs(good.dir, expectations({ manifest: true, loudness: false }));
    expect(
      failures(rows)
        .map((r) => r.detail)
        .join('\n'),
    ).toMatch(/tiny\.vtt: SHA-256 differs/);
    writeFileSync(join(good.dir, 'tiny.vtt'), GOOD_VTT);
  });
});

describe('checkOutputs on deliberately broken outputs', () => {
  it('names a wrong-size MP4, a wrong frame rate, too-long video and a missing audio track', async () => {
    const f = cutFiles(bad.dir, TINY.id);
    makeTestMp4(f.mp4, { width: 128, height: 128, fps: 25, durationS: 2, toneVolume: null });
    const rows = await checkOutputs(bad.dir, expectations({ maxDurationS: 1.5 }));
    const mp4 = failures(rows).filter((r) => r.file === 'tiny.mp4');
    const byCheck = Object.fromEntries(mp4.map((r) => [r.check, r]));
    expect(byCheck['size']?.measured).toBe('128x128');
    expect(byCheck['size']?.detail).toMatch(/must be 160x90/);
    expect(byCheck['frame rate']?.measured).toBe('25.000 fps');
    expect(byCheck['duration']?.detail).toMatch(/longer than 1\.5 s/);
    expect(byCheck['audio stream']?.detail).toMatch(/no audio stream/);
  });

  it('flags moov after mdat, a non-yuv420p picture and too-loud audio', async () => {
    const f = cutFiles(bad.dir, TINY.id);
    makeTestMp4(f.mp4, {
      width: 160,
      height: 90,
      durationS: 2,
      toneVolume: 1,
      faststart: false,
      pixelFormat: 'yuv444p',
      profile: 'high444',
    });
    const rows = failures(await checkOutputs(bad.dir, expectations()));
    const check = (name: string) => rows.find((r) => r.file === 'tiny.mp4' && r.check === name);
    expect(check('moov before mdat')?.detail).toMatch(/moov after mdat/);
    expect(check('pixel format')?.measured).toBe('yuv444p');
    expect(check('codec')?.measured).toMatch(/^h264 High 4:4:4/);
    expect(check('loudness')?.detail).toMatch(/LU louder than -16 LUFS/);
    expect(check('loudness')?.detail).toMatch(/true peak -?\d+\.\d dBTP is above -1\.5 dBTP/);
  });

  it('names the caption file, line and cue that break the rules, and a mismatched SRT', async () => {
    const f = cutFiles(bad.dir, TINY.id);
    writeFileSync(
      f.vtt,
      'WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nA synapse learns.\n\n00:00:01.000 --> 00:00:01.400\nThis second cue is far too long for one caption line\n',
    );
    writeFileSync(f.srt, GOOD_SRT);
    const rows = failures(await checkOutputs(bad.dir, expectations({ loudness: false })));
    const vtt = rows.filter((r) => r.file === 'tiny.vtt').map((r) => r.detail);
    expect(vtt.some((d) => /^line 6: cue 2 .*52 characters \(max 42\)/.test(d))).toBe(true);
    expect(vtt.some((d) => /^line 6: cue 2 .*on screen 0\.400 s/.test(d))).toBe(true);
    expect(vtt.some((d) => /^line 6: cue 2 .*characters\/s \(max 20\)/.test(d))).toBe(true);
    expect(rows.find((r) => r.file === 'tiny.srt' && r.check === 'same cues as .vtt')?.detail).toMatch(
      /cue 2: \.srt 00:00:01\.000-00:00:02\.000 vs \.vtt 00:00:01\.000-00:00:01\.400/,
    );
  });

  it('reports an unparseable caption file with its line, missing chapters, and a transcript from other captions', async () => {
    const f = cutFiles(bad.dir, TINY.id);
    writeFileSync(
      f.vtt,
      'WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nfine\n\n00:00:01.000 -> 00:00:02.000\nbroken arrow\n',
    );
    writeFileSync(f.chaptersVtt, 'WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nOnly one chapter\n');
    writeFileSync(f.transcriptTxt, 'Something else entirely.\n');
    const rows = failures(await checkOutputs(bad.dir, expectations({ loudness: false })));
    expect(rows.find((r) => r.file === 'tiny.vtt')?.detail).toMatch(/tiny\.vtt:6: expected a cue timing line/);
    expect(rows.find((r) => r.file === 'tiny.chapters.vtt')?.detail).toBe('1 chapters, expected 2 (one per scene)');
    expect(rows.find((r) => r.file === 'tiny.txt')?.detail).toMatch(/caption word 1 "a" is not in the transcript/);
  });

  it('reports a missing poster and a poster of the wrong size', async () => {
    const f = cutFiles(bad.dir, TINY.id);
    makeStill(f.posterPng, 320, 180);
    execFileSync('rm', ['-f', f.posterJpg]);
    const rows = failures(await checkOutputs(bad.dir, expectations({ loudness: false })));
    expect(rows.find((r) => r.file === 'tiny.poster.png')?.detail).toBe('expected png 160x90');
    expect(rows.find((r) => r.file === 'tiny.poster.jpg')?.measured).toBe('missing');
  });
});

describe('MP4s that are not a published cut', () => {
  it('are checked but only warned about', async () => {
    const dir = makeTempDir('outputs-stray');
    try {
      writeGoodSet(dir.dir);
      makeTestMp4(join(dir.dir, 'scratch.mp4'), {
        width: 64,
        height: 64,
        durationS: 1,
        toneVolume: null,
        faststart: false,
      });
      const rows = await checkOutputs(dir.dir, expectations({ loudness: false }));
      expect(failures(rows)).toEqual([]);
      const stray = rows.filter((r) => r.file === 'scratch.mp4' && r.status === 'warn').map((r) => r.detail);
      expect(stray.some((d) => /^not a published cut .*moov after mdat/.test(d))).toBe(true);
      expect(stray.some((d) => /no audio stream/.test(d))).toBe(true);
    } finally {
      dir.cleanup();
    }
  });
});

describe('comparableWords', () => {
  it('drops punctuation and case', () => {
    expect(comparableWords('Ca2+ floods in -- "fast".')).toEqual(['ca2', 'floods', 'in', 'fast']);
  });
});

describe('npm run check:outputs (CLI)', () => {
  it('exits 1 and names the wrong-size MP4 and the broken caption cue', () => {
    const dir = makeTempDir('outputs-cli');
    try {
      const f = cutFiles(dir.dir, 'explainer-square');
      makeTestMp4(f.mp4, { width: 640, height: 480, durationS: 1, toneVolume: 0.1 });
      writeFileSync(f.vtt, 'WEBVTT\n\n00:00:00.000 --> 00:00:00.300\nToo quick\n');
      const r = spawnSync(
        'npx',
        ['tsx', 'src/publish/checkOutputs.ts', '--dir', dir.dir, '--cuts', 'explainer-square', '--skip-loudness'],
        { encoding: 'utf8' },
      );
      expect(r.status).toBe(1);
      expect(r.stdout).toMatch(/explainer-square\.mp4: size: cut "explainer-square" must be 1080x1080/);
      expect(r.stdout).toMatch(
        /explainer-square\.vtt: captions: line 3: cue 1 at 0\.000 s "Too quick": on screen 0\.300 s/,
      );
      expect(r.stdout).toMatch(/\d+ passed, \d+ warnings, [1-9]\d* failed/);
      const help = spawnSync('npx', ['tsx', 'src/publish/checkOutputs.ts', '--help'], { encoding: 'utf8' });
      expect(help.status).toBe(0);
      expect(help.stdout).toMatch(/--dir <path>/);
      const wrong = spawnSync('npx', ['tsx', 'src/publish/checkOutputs.ts', '--cuts', 'nope'], { encoding: 'utf8' });
      expect(wrong.status).toBe(2);
      expect(wrong.stderr).toMatch(/Unknown composition "nope"/);
    } finally {
      dir.cleanup();
    }
  });
});
