import { describe, expect, it } from 'vitest';
import { shuttleRate, studioKeyAction, type KeyPress } from '../../src/studio/app/keyboard';
import { parseRenderProgress, renderCliArgs, renderCommandLine } from '../../src/studio/shared/renderCommand';
import { bookmarkMarkers, captionCues, sceneAtFrame, type StudioTimeline } from '../../src/studio/app/studioTimeline';
import { formatStudioUrl, parseStudioUrl } from '../../src/studio/app/studioUrl';
import { decodeWav, waveformPeaks } from '../../src/studio/server/wavPeaks';

const key = (k: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key: k,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe('studio keys', () => {
  it('maps editor keys to actions at the composition fps', () => {
    expect(studioKeyAction(key('ArrowRight'), 30)).toEqual({ kind: 'step', frames: 1 });
    expect(studioKeyAction(key('ArrowLeft', { shiftKey: true }), 30)).toEqual({ kind: 'step', frames: -30 });
    expect(studioKeyAction(key('ArrowRight', { shiftKey: true }), 25)).toEqual({ kind: 'step', frames: 25 });
    expect(studioKeyAction(key('L', { shiftKey: true }), 30)).toEqual({ kind: 'shuttle', direction: 1 });
    expect(studioKeyAction(key('j'), 30)).toEqual({ kind: 'shuttle', direction: -1 });
    expect(studioKeyAction(key('k'), 30)).toEqual({ kind: 'pause' });
    expect(studioKeyAction(key(' '), 30)).toEqual({ kind: 'toggle' });
    expect(studioKeyAction(key('Home'), 30)).toEqual({ kind: 'home' });
    // Browser shortcuts are left alone.
    expect(studioKeyAction(key('l', { ctrlKey: true }), 30)).toBeNull();
    expect(studioKeyAction(key('q'), 30)).toBeNull();
  });

  it('shuttles faster on repeated J/L, up to 4x', () => {
    expect(shuttleRate(false, 1, 1)).toBe(1);
    expect(shuttleRate(true, 1, 1)).toBe(2);
    expect(shuttleRate(true, 2, 1)).toBe(4);
    expect(shuttleRate(true, 4, 1)).toBe(4);
    expect(shuttleRate(true, 2, -1)).toBe(-1);
    expect(shuttleRate(true, -1, -1)).toBe(-2);
  });
});

describe('studio URL', () => {
  it('round-trips composition, frame, range and flags', () => {
    const state = parseStudioUrl('?composition=explainer&frame=123&range=90-240&selftest=1&zoom=0.5');
    expect(state).toEqual({
      compositionId: 'explainer',
      frame: 123,
      range: { first: 90, last: 240 },
      selftest: true,
      zoom: 0.5,
    });
    expect(parseStudioUrl(formatStudioUrl(state))).toEqual(state);
  });

  it('falls back to safe values on a mangled link', () => {
    expect(parseStudioUrl('?frame=-4&range=9-2&zoom=big')).toEqual({
      compositionId: null,
      frame: 0,
      range: null,
      selftest: false,
      zoom: 'fit',
    });
  });
});

describe('render command', () => {
  it('renders a range to its own file with the same CLI as npm run render', () => {
    expect(renderCommandLine({ compositionId: 'explainer', range: null })).toBe(
      'npx tsx --max-semi-space-size=1 src/render/cli.ts --composition explainer',
    );
    const { args, outPath } = renderCliArgs({ compositionId: 'explainer-vertical', range: { first: 30, last: 89 } });
    expect(args).toEqual([
      '--max-semi-space-size=1',
      'src/render/cli.ts',
      '--composition',
      'explainer-vertical',
      '--frames',
      '30-89',
      '--out',
      'out/studio/explainer-vertical_30-89.mp4',
    ]);
    expect(outPath).toBe('out/studio/explainer-vertical_30-89.mp4');
    expect(() => renderCliArgs({ compositionId: 'x; rm -rf /', range: null })).toThrow(/Bad composition id/);
  });

  it('renders the project copy the studio works on (--project DIR), quoted for a shell', () => {
    const request = { compositionId: 'explainer', range: { first: 500, last: 500 } };
    expect(renderCliArgs(request, '/tmp/my copy').args.slice(-2)).toEqual(['--project', '/tmp/my copy']);
    expect(renderCommandLine(request, "/tmp/it's mine")).toBe(
      "npx tsx --max-semi-space-size=1 src/render/cli.ts --composition explainer --frames 500-500 --out out/studio/explainer_500-500.mp4 --project '/tmp/it'\\''s mine'",
    );
    expect(renderCliArgs(request).args).not.toContain('--project');
  });

  it('reads frames done/total from a progress line', () => {
    // The line src/render/progressLine.ts prints.
    expect(parseRenderProgress('render explainer capture   120/1800 frames (6.7%)  9.8 fps  ETA 2:51')).toEqual({
      done: 120,
      total: 1800,
      stage: 'capture',
      fps: 9.8,
      etaSeconds: 171,
    });
    expect(parseRenderProgress('render placeholder bundle      0/2 frames (0.0%)  -- fps  ETA --')).toEqual({
      done: 0,
      total: 2,
      stage: 'bundle',
      fps: null,
      etaSeconds: null,
    });
    expect(parseRenderProgress('date 2026/11 frames 5/10')).toMatchObject({ done: 5, total: 10 });
    expect(parseRenderProgress('bundling...')).toBeNull();
  });
});

describe('timeline model', () => {
  const timeline: StudioTimeline = {
    fps: 30,
    totalFrames: 300,
    scenes: [
      { id: 'a', startFrame: 0, durationFrames: 120, bookmarkFrames: { go: 60 } },
      { id: 'b', startFrame: 130, durationFrames: 170, bookmarkFrames: { stop: 250, start: 140 } },
    ],
    captions: [
      { text: 'Hello', startMs: 0, endMs: 400, timestampMs: 0, confidence: null },
      { text: ' there', startMs: 400, endMs: 900, timestampMs: 400, confidence: null },
      { text: ' later', startMs: 6000, endMs: 6500, timestampMs: 6000, confidence: null },
    ],
  };

  it('finds the scene under the playhead, and none in a gap', () => {
    expect(sceneAtFrame(timeline, 0)?.id).toBe('a');
    expect(sceneAtFrame(timeline, 119)?.id).toBe('a');
    expect(sceneAtFrame(timeline, 125)).toBeNull();
    expect(sceneAtFrame(timeline, 299)?.id).toBe('b');
    expect(sceneAtFrame(null, 5)).toBeNull();
  });

  it('lists bookmarks in frame order', () => {
    expect(bookmarkMarkers(timeline).map((b) => `${b.sceneId}:${b.name}@${b.frame}`)).toEqual([
      'a:go@60',
      'b:start@140',
      'b:stop@250',
    ]);
  });

  it('uses the video cues when given, else pages the words', () => {
    const paged = captionCues(timeline);
    expect(paged.map((c) => c.text)).toEqual(['Hello there', 'later']);
    expect(paged[1]!.startFrame).toBe(180);
    const cued = captionCues({ ...timeline, cues: [{ startMs: 1000, endMs: 2500, lines: ['Two', 'lines'] }] });
    expect(cued).toEqual([{ text: 'Two lines', startFrame: 30, endFrame: 75 }]);
  });
});

/** A PCM WAV file in memory. */
function wav(samples: number[][], sampleRate: number, bits: 16 | 24): Uint8Array {
  const channels = samples.length;
  const frames = samples[0]!.length;
  const bytesPer = bits / 8;
  const data = Buffer.alloc(frames * channels * bytesPer);
  for (let i = 0; i < frames; i++) {
    for (let c = 0; c < channels; c++) {
      const v = Math.round(samples[c]![i]! * (bits === 16 ? 32767 : 8388607));
      const at = (i * channels + c) * bytesPer;
      if (bits === 16) data.writeInt16LE(v, at);
      else data.writeIntLE(v, at, 3);
    }
  }
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8, 'latin1');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(channels, 22);
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * channels * bytesPer, 28);
  header.writeUInt16LE(channels * bytesPer, 32);
  header.writeUInt16LE(bits, 34);
  header.write('data', 36, 'latin1');
  header.writeUInt32LE(data.length, 40);
  return new Uint8Array(Buffer.concat([header, data]));
}

describe('waveform peaks', () => {
  it('decodes 16-bit stereo to mono and finds per-bucket min/max', () => {
    // 1 s at 1 kHz: silence for the first half, a +-0.5 square in the second (left), mirrored on the right.
    const left = Array.from({ length: 1000 }, (_, i) => (i < 500 ? 0 : i % 2 ? 0.5 : -0.5));
    const right = left.map((v) => v * 0.5);
    const audio = decodeWav(wav([left, right], 1000, 16));
    expect(audio.sampleRate).toBe(1000);
    expect(audio.samples.length).toBe(1000);
    const peaks = waveformPeaks(audio, 4);
    expect(peaks.durationSec).toBe(1);
    expect(peaks.minMax.slice(0, 4)).toEqual([0, 0, 0, 0]);
    expect(peaks.minMax[4]).toBeCloseTo(-0.375, 3);
    expect(peaks.minMax[5]).toBeCloseTo(0.375, 3);
  });

  it('reads 24-bit samples', () => {
    const audio = decodeWav(wav([[0.25, -0.75, 0.5]], 8000, 24));
    expect([...audio.samples].map((v) => Math.round(v * 1000) / 1000)).toEqual([0.25, -0.75, 0.5]);
  });

  it('says what is wrong with a file that is not a WAV', () => {
    expect(() => decodeWav(new TextEncoder().encode('ID3 not a wav at all'), 'public/voice/x.mp3')).toThrow(
      /public\/voice\/x\.mp3: not a WAV file/,
    );
  });
});
