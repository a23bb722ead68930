import { describe, expect, it } from 'vitest';
import { CaptionFileError, parseCaptionFile } from '../../src/publish/captionFile';
import { checkCaptionCues, checkChapterCues } from '../../src/publish/captionRules';

const GOOD_VTT = `WEBVTT
Kind: captions
Language: en

1
00:00:00.000 --> 00:00:02.000
Memories are stored

00:00:02.000 --> 00:00:04.500 line:80%
in <i>synapses</i> that grow
stronger with use.
`;

describe('parseCaptionFile', () => {
  it('reads cue ids, times, lines and the timing line number, and strips markup', () => {
    const cues = parseCaptionFile(GOOD_VTT, 'vtt');
    expect(cues).toHaveLength(2);
    expect(cues[0]).toMatchObject({
      index: 1,
      id: '1',
      line: 6,
      startMs: 0,
      endMs: 2000,
      lines: ['Memories are stored'],
    });
    expect(cues[1]).toMatchObject({
      index: 2,
      id: '',
      line: 9,
      startMs: 2000,
      endMs: 4500,
      lines: ['in synapses that grow', 'stronger with use.'],
    });
  });

  it('reads SRT with comma decimals and CRLF line ends', () => {
    const srt = '1\r\n00:00:01,250 --> 00:00:03,000\r\nHello\r\n\r\n2\r\n00:01:00,000 --> 00:01:02,500\r\nWorld\r\n';
    const cues = parseCaptionFile(srt, 'srt');
    expect(cues.map((c) => [c.startMs, c.endMs])).toEqual([
      [1250, 3000],
      [60_000, 62_500],
    ]);
  });

  it('names the file and line of a malformed timing', () => {
    const bad = 'WEBVTT\n\n00:00:01.000 -> 00:00:02.000\nOops\n';
    expect(() => parseCaptionFile(bad, 'vtt', 'bad.vtt')).toThrow(CaptionFileError);
    expect(() => parseCaptionFile(bad, 'vtt', 'bad.vtt')).toThrow(/^bad\.vtt:3: expected a cue timing line/);
    expect(() => parseCaptionFile('WEBVTT\n\n00:00:01.000 --> 00:00:0x.000\nx\n', 'vtt', 'b.vtt')).toThrow(
      /^b\.vtt:3: malformed timing line/,
    );
    expect(() => parseCaptionFile('1\n00:00:01,000 --> 00:00:01,000\nx\n', 'srt', 'z.srt')).toThrow(
      /z\.srt:2: cue 1 ends/,
    );
    expect(() => parseCaptionFile('00:00:01.000 --> 00:00:02.000\nx\n', 'vtt', 'h.vtt')).toThrow(/h\.vtt:1: .*WEBVTT/);
  });
});

describe('checkCaptionCues', () => {
  it('passes cues within the DESIGN.md limits', () => {
    expect(checkCaptionCues(parseCaptionFile(GOOD_VTT, 'vtt'))).toEqual([]);
  });

  it('reports each broken rule with its cue number and line', () => {
    const vtt = [
      'WEBVTT',
      '',
      '00:00:00.000 --> 00:00:00.500', // cue 1, line 3: too short
      'Short.',
      '',
      '00:00:00.400 --> 00:00:03.000', // cue 2, line 6: overlaps cue 1
      'one',
      'two',
      'three',
      '',
      '00:00:03.020 --> 00:00:11.000', // cue 3, line 12: 20 ms gap, too long
      'This line is far too long to fit the caption width limit',
      '',
      '00:00:11.000 --> 00:00:12.000', // cue 4, line 15: too fast (37 chars in 1 s)
      'Twenty-five characters, in one second',
    ].join('\n');
    const problems = checkCaptionCues(parseCaptionFile(vtt, 'vtt', 'bad.vtt'));
    const rulesOf = (n: number) =>
      problems
        .filter((p) => p.cue === n)
        .map((p) => p.rule)
        .sort();
    const byCue = (n: number) =>
      problems
        .filter((p) => p.cue === n)
        .map((p) => p.message)
        .join(' | ');
    expect(rulesOf(1)).toEqual(['min-duration']);
    expect(byCue(1)).toMatch(/on screen 0\.500 s \(min 0\.830 s\)/);
    expect(rulesOf(2)).toEqual(['lines', 'overlap']);
    expect(byCue(2)).toMatch(/overlaps cue 1 by 100 ms/);
    expect(rulesOf(3)).toEqual(['chars-per-line', 'gap', 'max-duration']);
    expect(byCue(3)).toMatch(/20 ms gap after cue 2/);
    expect(byCue(3)).toMatch(/line 1 has 56 characters \(max 42\)/);
    expect(byCue(3)).toMatch(/on screen 7\.980 s \(max 7\.000 s\)/);
    expect(rulesOf(4)).toEqual(['reading-speed']);
    expect(byCue(4)).toMatch(/37\.0 characters\/s \(max 20\)/);
    expect(problems.find((p) => p.cue === 3)?.line).toBe(11);
    expect(problems.every((p) => p.severity === 'error')).toBe(true);
  });

  it('reports cues out of time order', () => {
    const vtt =
      'WEBVTT\n\n00:00:05.000 --> 00:00:06.500\nLater first\n\n00:00:01.000 --> 00:00:02.500\nEarlier second\n';
    const problems = checkCaptionCues(parseCaptionFile(vtt, 'vtt'));
    expect(problems.map((p) => p.rule)).toContain('order');
    expect(problems.find((p) => p.rule === 'order')).toMatchObject({ cue: 2, line: 6 });
  });

  it('warns when a cue spans a scene cut and fails one past the end of the video', () => {
    const cues = parseCaptionFile('WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nAcross the cut\n', 'vtt');
    const problems = checkCaptionCues(cues, undefined, { sceneCutsMs: [2000], videoDurationMs: 2500 });
    expect(problems.map((p) => p.severity).sort()).toEqual(['error', 'warning']);
    expect(problems.find((p) => p.severity === 'warning')?.message).toMatch(/scene cut at 2\.000 s/);
  });
});

describe('checkChapterCues', () => {
  const chapters = (ends: number[]) =>
    parseCaptionFile(
      `WEBVTT\n\n${ends.map((end, k) => `${fmt(k === 0 ? 0 : (ends[k - 1] as number))} --> ${fmt(end)}\nScene ${k + 1}\n`).join('\n')}`,
      'vtt',
    );
  it('accepts contiguous chapters covering the video, one per scene', () => {
    expect(checkChapterCues(chapters([5000, 12_000, 20_000]), 3, 20_000)).toEqual([]);
  });
  it('fails the wrong number of chapters and a chapter track shorter than the video', () => {
    const problems = checkChapterCues(chapters([5000, 12_000]), 3, 20_000).map((p) => p.message);
    expect(problems).toContain('2 chapters, expected 3 (one per scene)');
    expect(problems.join('\n')).toMatch(/chapter 2: ends at 00:00:12\.000, the video at 00:00:20\.000/);
  });
});

function fmt(ms: number): string {
  return `00:00:${String(Math.floor(ms / 1000)).padStart(2, '0')}.${String(ms % 1000).padStart(3, '0')}`;
}
