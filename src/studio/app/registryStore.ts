import type { LookSchema, SceneLook } from '../../components/sceneLook';
import type { PlayableComposition } from '../../player';
import type { StudioTimeline } from './studioTimeline';

/** What the studio can show right now: compositions and their timelines, as of the latest hot update. */
export interface StudioRegistry {
  /** Compositions for the picker (self-test ones included; the app filters them). */
  compositions: readonly PlayableComposition[];
  /** Ids of the studio-only self-test compositions. */
  selftestIds: readonly string[];
  /** The narration timeline drawn under a composition, or null when it has none. */
  timelineFor(compositionId: string): StudioTimeline | null;
  /** Narration audio (URL under public/) a composition plays under, or null for silence. */
  audioFor(compositionId: string): string | null;
  /** The scenes' editable looks (src/scenes/*.look.ts), with what their .look.json files hold. */
  looks: readonly SceneLook<LookSchema>[];
  /** Modules that failed to load on the last (hot) load; the studio shows them and keeps the last good version. */
  loadErrors: readonly ModuleLoadError[];
  /** Bumped on every hot update of the registry. */
  version: number;
}

/** A module that could not be loaded (syntax error, throws while loading, invalid data). */
export interface ModuleLoadError {
  /** Repo-relative path of the module the studio imported (the error may sit in one of its imports). */
  module: string;
  message: string;
  stack: string;
}

type Listener = () => void;

interface Store {
  snapshot: StudioRegistry | null;
  listeners: Set<Listener>;
}

declare global {
  interface Window {
    __ltpStudioRegistry?: Store;
  }
}

/**
 * The page's one registry store. It lives on `window` rather than in this
 * module because the registry module re-executes on every hot update (that is
 * how new scenes and timings arrive) while the app keeps subscribing here.
 */
function store(): Store {
  window.__ltpStudioRegistry ??= { snapshot: null, listeners: new Set() };
  return window.__ltpStudioRegistry;
}

export function publishRegistry(next: Omit<StudioRegistry, 'version'>): void {
  const s = store();
  s.snapshot = { ...next, version: (s.snapshot?.version ?? 0) + 1 };
  for (const listener of [...s.listeners]) listener();
}

export function subscribeRegistry(listener: Listener): () => void {
  const s = store();
  s.listeners.add(listener);
  return () => s.listeners.delete(listener);
}

export function registrySnapshot(): StudioRegistry | null {
  return store().snapshot;
}
