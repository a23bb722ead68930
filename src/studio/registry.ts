/**
 * Loads every composition and the narration timeline and publishes them to
 * the registry store. This module accepts its own hot updates: when a scene,
 * captions/timings.json, the narration or a simulation parameter file changes,
 * Vite re-runs it with the new modules and the studio redraws in place
 * (same composition, same frame) instead of reloading the page.
 */
import { compositions } from '../compositions';
import { publishRegistry } from './registryStore';
import { selftestComposition, selftestTimeline } from './selftest/SelftestComposition';
import type { StudioTimeline } from './studioTimeline';

// Timeline sources, newest contract first; a glob so a file that does not exist yet is simply absent.
const explainerData = import.meta.glob<{ explainerTimelineData?: () => StudioTimeline }>('../story/explainerData.ts', { eager: true });
const narration = import.meta.glob<{ explainerTimeline?: StudioTimeline }>('../story/narration.ts', { eager: true });
const captionsModule = import.meta.glob<{ buildCues?: (timeline: never) => { startMs: number; endMs: number; lines: string[] }[] }>(
  '../captions/index.ts',
  { eager: true },
);

function explainerTimeline(): StudioTimeline | null {
  for (const mod of Object.values(explainerData)) {
    if (typeof mod.explainerTimelineData === 'function') return mod.explainerTimelineData();
  }
  for (const mod of Object.values(narration)) {
    if (mod.explainerTimeline) return mod.explainerTimeline;
  }
  return null;
}

/** The explainer's timeline with the subtitle cues the video shows (the captions module's own cue builder). */
function withCues(t: StudioTimeline | null): StudioTimeline | null {
  if (!t) return null;
  for (const mod of Object.values(captionsModule)) {
    if (typeof mod.buildCues === 'function') {
      try {
        return { ...t, cues: mod.buildCues(t as never) };
      } catch (e) {
        console.warn('studio: could not build caption cues, showing words instead:', e);
      }
    }
  }
  return t;
}

/** Narration written by `npm run voiceover` (public/voice/narration.wav). */
const NARRATION_AUDIO = '/voice/narration.wav';

function isExplainerCut(id: string): boolean {
  return id === 'explainer' || id.startsWith('explainer-');
}

const timeline = withCues(explainerTimeline());

publishRegistry({
  compositions: [...compositions, selftestComposition],
  selftestIds: [selftestComposition.id],
  timelineFor(id) {
    if (id === selftestComposition.id) return selftestTimeline;
    // Every cut of the explainer (16:9, 9:16, 1:1) runs on the narration timeline.
    if (isExplainerCut(id)) return timeline;
    return null;
  },
  audioFor(id) {
    const meta = compositions.find((c) => c.id === id);
    if (meta?.audio?.kind === 'file') return `/${meta.audio.publicPath.replace(/^\/+/, '')}`;
    // The cuts play under the narration even while their metadata names no audio yet.
    return isExplainerCut(id) ? NARRATION_AUDIO : null;
  },
});

if (import.meta.hot) import.meta.hot.accept();
