/**
 * The embed snippet as plain HTML: what the article shows before any script
 * runs (the light first paint) and what it keeps showing without JavaScript.
 *
 * - a poster <picture> (AVIF, WebP, JPEG; srcset by width) inside a native
 *   Play button, the title, and the transcript grouped by scene;
 * - a <noscript> block with the main MP4, its captions track and a stylesheet
 *   that hides the Play button, so a reader without JavaScript gets the video;
 * - the stylesheet and the small loader script (ltp-embed.js), which fetches
 *   the player (React, three.js, the scenes) only when the reader presses Play
 *   or a transcript line.
 *
 * Pure: data in, a string out. Every URL is `base` + a path inside the embed folder.
 */
import type { Chapter } from './sceneSteps';
import { frameToClock } from './timecode';
import type { TranscriptLine } from './transcriptLines';

export interface SnippetPoster {
  /** e.g. 'image/avif' */
  mime: string;
  width: number;
  /** Path inside the embed folder, e.g. 'assets/poster-960-1a2b3c4d.avif'. */
  file: string;
}

export interface SnippetInput {
  /** URL of the embed folder as the article page sees it, ending in '/': './' for the demo page, '/media/ltp/' on the site. */
  base: string;
  compositionId: string;
  /** Visible title and the player's accessible name. */
  title: string;
  fps: number;
  durationInFrames: number;
  /** Frame size: the poster's aspect ratio. */
  width: number;
  height: number;
  posters: readonly SnippetPoster[];
  /** Narration files inside the embed folder, by format key (webm, m4a), in order of preference. */
  audio: ReadonlyArray<{ key: string; mime: string; file: string }>;
  /** The no-script fallback: main MP4 and its caption sidecars, inside the embed folder. */
  video: { mp4: string; captionsVtt: string; chaptersVtt?: string };
  chapters: readonly Chapter[];
  lines: readonly TranscriptLine[];
  script: string;
  stylesheet: string;
  noscriptStylesheet: string;
}

/** The `sizes` of the poster: the player is at most 960 px wide and otherwise as wide as the article column. */
export const POSTER_SIZES = '(min-width: 1000px) 960px, 100vw';

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

const PLAY_ICON =
  '<svg width="32" height="32" viewBox="0 0 20 20" aria-hidden="true" focusable="false" fill="currentColor"><path d="M5 3l12 7-12 7z"/></svg>';

function srcset(base: string, posters: readonly SnippetPoster[], mime: string): string {
  return posters
    .filter((p) => p.mime === mime)
    .sort((a, b) => a.width - b.width)
    .map((p) => `${base}${p.file} ${p.width}w`)
    .join(', ');
}

/** The poster: <picture> with an AVIF and a WebP <source>, and a JPEG <img> (the fallback every browser reads). */
export function posterPicture(input: Pick<SnippetInput, 'base' | 'posters' | 'width' | 'height'>): string {
  const { base, posters, width, height } = input;
  const jpegs = posters.filter((p) => p.mime === 'image/jpeg').sort((a, b) => a.width - b.width);
  if (jpegs.length === 0) throw new Error('posterPicture: no JPEG poster (the <img> fallback needs one).');
  // The default src is the 960 px JPEG (or the widest below it): what a browser without srcset shows.
  const fallback = [...jpegs].reverse().find((p) => p.width <= 960) ?? jpegs[0]!;
  const sources = ['image/avif', 'image/webp']
    .filter((mime) => posters.some((p) => p.mime === mime))
    .map((mime) => `<source type="${mime}" srcset="${srcset(base, posters, mime)}" sizes="${POSTER_SIZES}">`);
  return [
    '<picture>',
    ...sources.map((s) => `  ${s}`),
    `  <img src="${base}${fallback.file}" srcset="${srcset(base, posters, 'image/jpeg')}" sizes="${POSTER_SIZES}" width="${width}" height="${height}" alt="" fetchpriority="high">`,
    '</picture>',
  ].join('\n');
}

/** The transcript as plain HTML: scene headings and timed lines (the loader turns each line into a seek button). */
export function transcriptHtml(chapters: readonly Chapter[], lines: readonly TranscriptLine[], fps: number): string {
  const scenes = chapters
    .map((c, k) => {
      const own = lines.filter((l) => l.chapterIndex === k);
      if (own.length === 0) return '';
      const items = own
        .map(
          (l) =>
            `<li><span class="ltp-line" data-start-frame="${l.startFrame}"><span class="ltp-line-time">${frameToClock(l.startFrame, fps)}</span> ${escapeHtml(l.text)}</span></li>`,
        )
        .join('\n');
      return `<div class="ltp-transcript-scene">\n<h4>${escapeHtml(c.title)}</h4>\n<ol>\n${items}\n</ol>\n</div>`;
    })
    .filter(Boolean)
    .join('\n');
  return `<h3 class="ltp-transcript-title">Transcript</h3>\n${scenes}`;
}

/** The whole snippet: stylesheet, the embed's markup (poster, title, no-script video, transcript) and the loader. */
export function snippetHtml(input: SnippetInput): string {
  const { base, title, fps, durationInFrames } = input;
  const duration = frameToClock(durationInFrames, fps);
  const audioAttrs = input.audio.map((a) => ` data-audio-${a.key}="${escapeHtml(a.file)}"`).join('');
  const audioTypes = input.audio.map((a) => ` data-audio-${a.key}-type="${escapeHtml(a.mime)}"`).join('');
  const posterJpeg = input.posters
    .filter((p) => p.mime === 'image/jpeg')
    .sort((a, b) => a.width - b.width)
    .find((p) => p.width >= 960);
  const { video } = input;
  return `<link rel="stylesheet" href="${base}${input.stylesheet}">
<section class="ltp-embed ltp-static" data-ltp-explainer data-composition="${escapeHtml(input.compositionId)}" data-title="${escapeHtml(title)}"${audioAttrs}${audioTypes} aria-label="${escapeHtml(title)}">
<button type="button" class="ltp-poster" data-ltp-play aria-label="Play: ${escapeHtml(title)} (${duration})">
${posterPicture(input)}
<span class="ltp-big-play" aria-hidden="true">${PLAY_ICON}</span>
</button>
<noscript>
<link rel="stylesheet" href="${base}${input.noscriptStylesheet}">
<video class="ltp-video" controls preload="none" playsinline width="${input.width}" height="${input.height}"${posterJpeg ? ` poster="${base}${posterJpeg.file}"` : ''}>
<source src="${base}${video.mp4}" type="video/mp4">
<track kind="captions" src="${base}${video.captionsVtt}" srclang="en" label="English" default>
${video.chaptersVtt ? `<track kind="chapters" src="${base}${video.chaptersVtt}" srclang="en" label="Scenes">\n` : ''}<a href="${base}${video.mp4}">Download the video (MP4)</a>
</video>
</noscript>
<h2 class="ltp-title">${escapeHtml(title)} <span class="ltp-duration">(${duration})</span></h2>
<div class="ltp-transcript">
${transcriptHtml(input.chapters, input.lines, fps)}
</div>
</section>
<script type="module" src="${base}${input.script}"></script>
`;
}
