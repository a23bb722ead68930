/** Writes the caption sidecars of a rendered MP4 next to it (atomic writes). Node only. */
import { writeFileAtomic } from '../publish/atomicWrite';
import type { SceneId } from '../script/sceneIds';
import type { Timeline } from '../timeline/types';
import { buildCues, sceneCutsMs } from './buildCues';
import { toChaptersVtt, toSrt, toTranscript, toWebVtt } from './formats';
import { validateCues } from './validateCues';

export interface SidecarPaths {
  vtt: string;
  srt: string;
  chaptersVtt: string;
  transcriptTxt: string;
}

/** `out/explainer.mp4` -> `out/explainer.vtt`, `.srt`, `.chapters.vtt`, `.txt`. */
export function sidecarPaths(mp4Path: string): SidecarPaths {
  const base = mp4Path.replace(/\.mp4$/i, '');
  return { vtt: `${base}.vtt`, srt: `${base}.srt`, chaptersVtt: `${base}.chapters.vtt`, transcriptTxt: `${base}.txt` };
}

/**
 * Builds the cues from the timeline and writes the WebVTT, SRT, chapters WebVTT and
 * transcript next to `mp4Path`. Throws (writing nothing) when a cue breaks a limit.
 *
 * @param titles chapter title per scene (default: src/story/narration.ts sceneTitle, from the script)
 */
export async function writeCaptionSidecars(
  mp4Path: string,
  timeline: Timeline,
  titles?: Partial<Record<SceneId, string>>,
): Promise<SidecarPaths> {
  let t = titles;
  if (!t) {
    const { narrationTimings } = await import('../story/narration');
    t = Object.fromEntries(narrationTimings.scenes.map((s) => [s.id, s.title ?? s.id]));
  }
  const cues = buildCues(timeline);
  const violations = validateCues(cues, {
    sceneCutsMs: sceneCutsMs(timeline),
    videoDurationMs: (timeline.totalFrames * 1000) / timeline.fps,
  });
  if (violations.length > 0)
    throw new Error(
      `captions for ${mp4Path} break the caption limits:\n  ${violations.map((v) => v.message).join('\n  ')}`,
    );
  const p = sidecarPaths(mp4Path);
  writeFileAtomic(p.vtt, toWebVtt(cues));
  writeFileAtomic(p.srt, toSrt(cues));
  writeFileAtomic(p.chaptersVtt, toChaptersVtt(timeline, t));
  writeFileAtomic(p.transcriptTxt, toTranscript(cues, timeline, t));
  return p;
}
