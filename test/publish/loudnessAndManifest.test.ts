import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loudnessProblems, measureLoudness, parseEbur128Summary } from '../../src/voiceover/loudness';
import { buildManifest, listOutputFiles, sha256OfFile, verifyManifest } from '../../src/publish/outputManifest';
import { makeTempDir, makeToneWav } from './mediaFixtures';

const tmp = makeTempDir('loudness-manifest');
afterAll(tmp.cleanup);

describe('loudness', () => {
  it('measures a tone 6 dB louder as 6 LU louder, and judges it against -16 LUFS / -1.5 dBTP', async () => {
    const quiet = await measureLoudness(makeToneWav(join(tmp.dir, 'quiet.wav'), 0.1, 3));
    const loud = await measureLoudness(makeToneWav(join(tmp.dir, 'loud.wav'), 0.2, 3));
    expect(loud.integratedLufs - quiet.integratedLufs).toBeCloseTo(6.0, 0);
    // A sine's true peak is its amplitude: 20 log10(0.2) = -14.0 dBTP.
    expect(loud.truePeakDbtp).toBeCloseTo(-14.0, 0);
    const full = await measureLoudness(makeToneWav(join(tmp.dir, 'full.wav'), 1, 3));
    const problems = loudnessProblems(full);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/LU louder than -16 LUFS/);
    expect(problems[1]).toMatch(/true peak -?0\.\d dBTP is above -1\.5 dBTP/);
    expect(loudnessProblems({ integratedLufs: -16.4, rangeLu: 3, truePeakDbtp: -1.5 })).toEqual([]);
    expect(loudnessProblems({ integratedLufs: -17.2, rangeLu: 3, truePeakDbtp: -2 })[0]).toMatch(/1\.2 LU quieter/);
  });

  it('reads silence as -inf and fails it', () => {
    const summary = `[Parsed_ebur128_0 @ 0x1] Summary:\n\n  Integrated loudness:\n    I:         -70.0 LUFS\n    Threshold:   0.0 LUFS\n\n  Loudness range:\n    LRA:         0.0 LU\n\n  True peak:\n    Peak:       -inf dBFS\n`;
    const m = parseEbur128Summary(summary);
    expect(m).toEqual({ integratedLufs: -70, rangeLu: 0, truePeakDbtp: -Infinity });
    expect(loudnessProblems(m)[0]).toMatch(/54\.0 LU quieter/);
    expect(() => parseEbur128Summary('no summary here')).toThrow(/no Summary block/);
  });
});

describe('output manifest', () => {
  it('lists files with size and SHA-256, skipping hidden temp files, and detects changes', async () => {
    const dir = join(tmp.dir, 'out');
    mkdirSync(join(dir, 'embed'), { recursive: true });
    writeFileSync(join(dir, 'a.vtt'), 'WEBVTT\n');
    writeFileSync(join(dir, 'embed', 'index.html'), '<html></html>');
    writeFileSync(join(dir, '.a.vtt.tmp-1-1.vtt'), 'half');
    expect(listOutputFiles(dir)).toEqual(['a.vtt', 'embed/index.html']);
    const manifest = await buildManifest(dir, new Date(0));
    // The streamed file hash equals a one-shot hash of the same bytes.
    expect(manifest.files[0]).toEqual({
      path: 'a.vtt',
      sizeBytes: 7,
      sha256: createHash('sha256').update('WEBVTT\n').digest('hex'),
    });
    expect(await sha256OfFile(join(dir, 'embed', 'index.html'))).toBe(
      createHash('sha256').update('<html></html>').digest('hex'),
    );
    expect(await verifyManifest(dir, manifest)).toEqual({ problems: [], unlisted: [] });
    writeFileSync(join(dir, 'a.vtt'), 'WEBVTT\n\n');
    writeFileSync(join(dir, 'extra.txt'), 'x');
    const diff = await verifyManifest(dir, {
      ...manifest,
      files: [...manifest.files, { path: 'gone.mp4', sizeBytes: 1, sha256: '0' }],
    });
    expect(diff.problems).toEqual(['a.vtt: 8 bytes, manifest says 7', 'gone.mp4: listed in manifest.json but missing']);
    expect(diff.unlisted).toEqual(['extra.txt']);
  });
});
