/** Caption file serialisers: WebVTT, SRT (@remotion/captions serializeSrt), chapters WebVTT, plain-text transcript. */
import { serializeSrt } from '@remotion/captions';
import type { SceneId } from '../script/sceneIds';
import type { Timeline } from '../timeline/types';
import type { CaptionCue } from './types';

/** ms -> "hh:mm:ss.mmm" (WebVTT). */
export function vttTimestamp(ms: number): string {
  const t = Math.max(0, Math.round(ms));
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${p(Math.floor(t / 3_600_000))}:${p(Math.floor((t % 3_600_000) / 60_000))}:${p(Math.floor((t % 60_000) / 1000))}.${p(t % 1000, 3)}`;
}

/** WebVTT subtitles. */
export function toWebVtt(cues: readonly CaptionCue[]): string {
  const body = cues.map(
    (c) => `${c.index}\n${vttTimestamp(c.startMs)} --> ${vttTimestamp(c.endMs)}\n${c.lines.join('\n')}`,
  );
  return `WEBVTT\nKind: captions\nLanguage: en\n\n${body.join('\n\n')}\n`;
}

/** SRT subtitles (same cues and times as toWebVtt). */
export function toSrt(cues: readonly CaptionCue[]): string {
  const lines = cues.map((c) => [
    {
      text: c.lines.join('\n'),
      startMs: Math.round(c.startMs),
      endMs: Math.round(c.endMs),
      timestampMs: null,
      confidence: null,
    },
  ]);
  return serializeSrt({ lines }) + '\n';
}

/** WebVTT chapters: one cue per scene, from its first to its last frame, titled from the script. */
export function toChaptersVtt(timeline: Timeline, titles: Partial<Record<SceneId, string>>): string {
  const ms = (f: number): number => (f * 1000) / timeline.fps;
  const body = timeline.scenes.map(
    (s, k) =>
      `chapter-${k + 1}\n${vttTimestamp(ms(s.startFrame))} --> ${vttTimestamp(ms(s.startFrame + s.durationFrames))}\n${titles[s.id] ?? s.id}`,
  );
  return `WEBVTT\nKind: chapters\nLanguage: en\n\n${body.join('\n\n')}\n`;
}

/** Plain-text transcript: one paragraph per scene under its chapter title. */
export function toTranscript(
  cues: readonly CaptionCue[],
  timeline: Timeline,
  titles: Partial<Record<SceneId, string>>,
): string {
  return (
    timeline.scenes
      .map((s) => {
        const text = cues
          .filter((c) => c.sceneId === s.id)
          .flatMap((c) => c.words.map((w) => w.text.trim()))
          .join(' ');
        return `${titles[s.id] ?? s.id}\n${text}`;
      })
      .join('\n\n') + '\n'
  );
}
