import type { CompositionMeta } from '../engine/composition';
import { explainerMetas } from './explainerMeta';

const article = explainerMetas.find((m) => m.id === 'explainer');
if (!article) throw new Error('socialCardMeta: the "explainer" composition is missing from explainerMetas.');

/**
 * The 1200x630 link-preview card (Open Graph / Twitter "summary_large_image"
 * size). It shows the 16:9 cut's own frame beside the title, so it spans the
 * same frames as the video; its still is taken at the video's poster frame.
 */
export const socialCardMeta: CompositionMeta = {
  id: 'social-card',
  width: 1200,
  height: 630,
  fps: article.fps,
  durationInFrames: article.durationInFrames,
  audio: null,
  posterFrame: article.posterFrame,
  description: 'Social card, 1200x630: title beside the 16:9 frame (still at the poster frame).',
};

/** Which composition the card shows inside it. */
export const SOCIAL_CARD_SOURCE_ID = article.id;
