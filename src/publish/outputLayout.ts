import { join } from 'node:path';

/**
 * Where each published file lives under the output directory. One place, so
 * render:all (which writes), check:outputs (which verifies) and the docs agree.
 */

/** The video cuts published, by composition id (shared/DESIGN.md "Output targets"). */
export const PUBLISHED_CUT_IDS = ['explainer', 'explainer-vertical', 'explainer-square'] as const;
export type PublishedCutId = (typeof PUBLISHED_CUT_IDS)[number];

/** The 1200x630 link-preview card (Open Graph / Twitter summary_large_image size). */
export const SOCIAL_CARD_ID = 'social-card';
export const SOCIAL_CARD_SIZE = { width: 1200, height: 630 } as const;

export interface CutFiles {
  mp4: string;
  /** WebVTT subtitles. */
  vtt: string;
  srt: string;
  /** WebVTT chapters, one cue per scene. */
  chaptersVtt: string;
  /** Plain-text transcript. */
  transcriptTxt: string;
  posterPng: string;
  posterJpg: string;
}

/** Files of one cut: `<id>.mp4`, `<id>.vtt`, `<id>.srt`, `<id>.chapters.vtt`, `<id>.txt`, `<id>.poster.png|jpg`. */
export function cutFiles(outDir: string, id: string): CutFiles {
  const at = (suffix: string) => join(outDir, `${id}${suffix}`);
  return {
    mp4: at('.mp4'),
    vtt: at('.vtt'),
    srt: at('.srt'),
    chaptersVtt: at('.chapters.vtt'),
    transcriptTxt: at('.txt'),
    posterPng: at('.poster.png'),
    posterJpg: at('.poster.jpg'),
  };
}

export function socialCardFile(outDir: string): string {
  return join(outDir, `${SOCIAL_CARD_ID}.png`);
}

export function embedDir(outDir: string): string {
  return join(outDir, 'embed');
}

export function manifestFile(outDir: string): string {
  return join(outDir, 'manifest.json');
}
