import type { CompositionMeta } from '../engine/composition';
import { benchMetas } from './bench/benchMeta';
import { explainerMetas } from './explainerMeta';
import { placeholderMeta } from './placeholderMeta';
import { socialCardMeta } from './socialCardMeta';

/**
 * Every composition's metadata, with no React or three imported: what Node
 * code (render CLI, render:all, output checks) reads. The browser registry in
 * ./index.ts pairs each entry with its component.
 */
export const compositionCatalog: readonly CompositionMeta[] = [
  ...explainerMetas,
  placeholderMeta,
  socialCardMeta,
  // Benchmarks (issue #19, npm run bench): renderable, but not part of the published set.
  ...benchMetas,
];

/** The composition rendered when none is named: the 16:9 article cut. */
export const DEFAULT_COMPOSITION_ID = 'explainer';

/** Looks up a composition's metadata, or throws listing the valid ids. */
export function findCompositionMeta(id: string): CompositionMeta {
  const meta = compositionCatalog.find((c) => c.id === id);
  if (!meta)
    throw new Error(`Unknown composition "${id}". Valid ids: ${compositionCatalog.map((c) => c.id).join(', ')}.`);
  return meta;
}
