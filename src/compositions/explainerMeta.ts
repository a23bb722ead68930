/**
 * Metadata of the three explainer cuts, React-free (Node reads it): length
 * and poster frame come from the narration timeline, so a new voice re-times
 * the video with no edit here.
 */
import type { CompositionMeta } from '../engine/composition';
import { explainerTimeline as timeline } from '../story/narration';

/** Poster: just after Ca2+ floods the spine (the most colourful moment), or mid-video without that bookmark. */
function posterFrame(): number {
  const floods = timeline.scenes.find((s) => s.id === 'calcium-surge')?.bookmarkFrames['floods'];
  const f = floods === undefined ? Math.floor(timeline.totalFrames / 2) : floods + Math.round(timeline.fps * 0.8);
  return Math.min(timeline.totalFrames - 1, Math.max(0, f));
}

const base = {
  fps: timeline.fps,
  durationInFrames: timeline.totalFrames,
  audio: { kind: 'file', publicPath: 'voice/narration.wav' },
  posterFrame: posterFrame(),
} as const;

export const explainerMetas: CompositionMeta[] = [
  { ...base, id: 'explainer', width: 1920, height: 1080, description: 'The LTP explainer, 16:9 for the article page.' },
  {
    ...base,
    id: 'explainer-vertical',
    width: 1080,
    height: 1920,
    description: 'The LTP explainer, 9:16 for Shorts, Reels and TikTok.',
  },
  { ...base, id: 'explainer-square', width: 1080, height: 1080, description: 'The LTP explainer, 1:1 for feeds.' },
];
