/**
 * Loads every composition and the narration timeline and publishes them to
 * the registry store. This module accepts its own hot updates: when a scene,
 * captions/timings.json, the narration or a simulation parameter file changes,
 * Vite re-runs it with the new modules and the studio redraws in place (same
 * composition, same frame) instead of reloading the page.
 *
 * Modules are imported dynamically so that one that fails to load (a syntax
 * error, invalid timings) is reported in the studio's error panel while the
 * last good version keeps playing; saving the fix loads it again.
 */
import type { LookSchema, SceneLook } from '../../components/sceneLook';
import type { PlayableComposition } from '../../player';
import { publishRegistry, registrySnapshot, type ModuleLoadError } from './registryStore';
import type { StudioTimeline } from './studioTimeline';

type CueBuilder = (timeline: never) => { startMs: number; endMs: number; lines: string[] }[];

// Globs, so a source that does not exist yet is simply absent.
const compositionModules = import.meta.glob<{ compositions: readonly PlayableComposition[] }>(
  '../../compositions/index.ts',
);
const selftestModules = import.meta.glob<{
  selftestComposition: PlayableComposition;
  selftestTimeline: StudioTimeline;
}>('./selftest/SelftestComposition.tsx');
// Timeline sources, newest contract first.
const explainerDataModules = import.meta.glob<{ explainerTimelineData?: () => StudioTimeline }>(
  '../../story/explainerData.ts',
);
const narrationModules = import.meta.glob<{ explainerTimeline?: StudioTimeline }>('../../story/narration.ts');
const captionModules = import.meta.glob<{ buildCues?: CueBuilder }>('../../captions/index.ts');
// Each scene's editable look; a look file that fails validation is a load error naming the file and field.
const lookModules = import.meta.glob<Record<string, unknown>>('../../scenes/*.look.ts');

/** Narration written by `npm run voiceover` (public/voice/narration.wav). */
const NARRATION_AUDIO = '/voice/narration.wav';

function isExplainerCut(id: string): boolean {
  return id === 'explainer' || id.startsWith('explainer-');
}

/** Imports the first module of a glob; a failure is recorded (file, message, stack) and gives null. */
async function loadFirst<T>(glob: Record<string, () => Promise<T>>, errors: ModuleLoadError[]): Promise<T | null> {
  for (const [path, load] of Object.entries(glob)) {
    try {
      return await load();
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      errors.push({
        module: path.replace(/^(\.\.\/)+/, 'src/').replace(/^\.\//, 'src/studio/app/'),
        message: err.message,
        stack: err.stack ?? '',
      });
      return null;
    }
  }
  return null;
}

async function loadRegistry(): Promise<void> {
  const previous = registrySnapshot();
  const errors: ModuleLoadError[] = [];
  const [compositionsModule, selftest, explainerData, narration, captions] = await Promise.all([
    loadFirst(compositionModules, errors),
    loadFirst(selftestModules, errors),
    loadFirst(explainerDataModules, errors),
    loadFirst(narrationModules, errors),
    loadFirst(captionModules, errors),
  ]);

  const looks: SceneLook<LookSchema>[] = [];
  for (const [path, load] of Object.entries(lookModules)) {
    const mod = await loadFirst({ [path]: load }, errors);
    const previousLook = previous?.looks.find((l) =>
      path.endsWith(`/${l.file.split('/').pop()!.replace(/json$/, 'ts')}`),
    );
    if (!mod) {
      if (previousLook) looks.push(previousLook);
      continue;
    }
    for (const v of Object.values(mod)) if (isSceneLook(v)) looks.push(v);
  }

  let timeline: StudioTimeline | null = null;
  try {
    timeline = explainerData?.explainerTimelineData?.() ?? narration?.explainerTimeline ?? null;
    if (timeline && typeof captions?.buildCues === 'function')
      timeline = { ...timeline, cues: captions.buildCues(timeline as never) };
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    errors.push({ module: 'narration timeline', message: err.message, stack: err.stack ?? '' });
  }
  // What failed to load keeps its last good version.
  const main =
    compositionsModule?.compositions ??
    previous?.compositions.filter((c) => !previous.selftestIds.includes(c.id)) ??
    [];
  const selftestComposition =
    selftest?.selftestComposition ?? previous?.compositions.find((c) => previous.selftestIds.includes(c.id)) ?? null;
  const selftestTimeline =
    selftest?.selftestTimeline ??
    (selftestComposition ? (previous?.timelineFor(selftestComposition.id) ?? null) : null);
  const explainerTimeline = timeline ?? (errors.length ? (previous?.timelineFor('explainer') ?? null) : null);

  publishRegistry({
    compositions: selftestComposition ? [...main, selftestComposition] : main,
    selftestIds: selftestComposition ? [selftestComposition.id] : [],
    looks,
    loadErrors: errors,
    timelineFor(id) {
      if (selftestComposition && id === selftestComposition.id) return selftestTimeline;
      // Every cut of the explainer (16:9, 9:16, 1:1) runs on the narration timeline.
      return isExplainerCut(id) ? explainerTimeline : null;
    },
    audioFor(id) {
      // The self-test plays under the narration too, so the test can check picture/sound sync.
      if (selftestComposition && id === selftestComposition.id) return NARRATION_AUDIO;
      const meta = main.find((c) => c.id === id);
      if (meta?.audio?.kind === 'file') return `/${meta.audio.publicPath.replace(/^\/+/, '')}`;
      // The cuts play under the narration even while their metadata names no audio yet.
      return isExplainerCut(id) ? NARRATION_AUDIO : null;
    },
  });
}

function isSceneLook(v: unknown): v is SceneLook<LookSchema> {
  return typeof v === 'object' && v !== null && 'sceneId' in v && 'schema' in v && 'useLook' in v;
}

void loadRegistry();

if (import.meta.hot) import.meta.hot.accept();
