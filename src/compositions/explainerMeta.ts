import type { CompositionMeta } from '../engine/composition';

/** Stub metadata for the three cuts; the scenes engineer derives durations from the narration timeline. */
const base = { fps: 30, durationInFrames: 1800, audio: null, posterFrame: 900 } as const;

export const explainerMetas: CompositionMeta[] = [
  { ...base, id: 'explainer', width: 1920, height: 1080, description: 'The LTP explainer, 16:9 for the article page.' },
  { ...base, id: 'explainer-vertical', width: 1080, height: 1920, description: 'The LTP explainer, 9:16 for Shorts, Reels and TikTok.' },
  { ...base, id: 'explainer-square', width: 1080, height: 1080, description: 'The LTP explainer, 1:1 for feeds.' },
];
