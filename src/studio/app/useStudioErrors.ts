import { useCallback, useEffect, useRef, useState } from 'react';
import type { FrameError } from '../../engine/CompositionFrame';
import { innermostComponent, type StudioError } from './ErrorPanel';
import { checkHotUpdate, type HotUpdatePayload } from './hotUpdateCheck';
import type { ModuleLoadError } from './registryStore';
import { sceneAtFrame, type StudioTimeline } from './studioTimeline';

/**
 * Scene errors reported while drawing, modules that failed to hot-update, and
 * the key that makes the stage retry a frame. A hot update or a new registry
 * version clears the errors and redraws the same frame.
 */
export function useStudioErrors(timeline: StudioTimeline | null, registryVersion: number) {
  const [errors, setErrors] = useState<StudioError[]>([]);
  const [hotErrors, setHotErrors] = useState<ModuleLoadError[]>([]);
  const [hotUpdates, setHotUpdates] = useState(0);
  // A new registry version (timings, parameters, compositions) clears the list: adjusted during render.
  const [seenVersion, setSeenVersion] = useState(registryVersion);
  if (seenVersion !== registryVersion) {
    setSeenVersion(registryVersion);
    setErrors([]);
  }
  const resetKey = `${registryVersion}:${hotUpdates}`;

  useEffect(() => {
    const hot = import.meta.hot;
    if (!hot) return;
    const onUpdate = (payload: HotUpdatePayload) => {
      setErrors([]);
      setHotUpdates((k) => k + 1);
      void checkHotUpdate(payload).then(({ ok, failed }) =>
        setHotErrors((list) => [
          ...list.filter((e) => !ok.includes(e.module) && !failed.some((f) => f.module === e.module)),
          ...failed,
        ]),
      );
    };
    hot.on('vite:afterUpdate', onUpdate);
    return () => hot.off('vite:afterUpdate', onUpdate);
  }, []);

  // The newest timeline, for naming the scene of an error reported later.
  const timelineRef = useRef(timeline);
  useEffect(() => {
    timelineRef.current = timeline;
  }, [timeline]);
  const onError = useCallback((e: FrameError) => {
    const sceneName =
      sceneAtFrame(timelineRef.current, e.frame)?.id ?? innermostComponent(e.componentStack) ?? '(unknown)';
    setErrors((list) => {
      const same = list.findIndex(
        (x) => x.message.replace(/\d+/g, '#') === e.message.replace(/\d+/g, '#') && x.scene === sceneName,
      );
      if (same >= 0) {
        const next = [...list];
        next[same] = { ...e, scene: sceneName, count: list[same]!.count + 1 };
        return next;
      }
      return [{ ...e, scene: sceneName, count: 1 }, ...list].slice(0, 10);
    });
  }, []);

  return { errors, hotErrors, resetKey, onError, dismiss: () => setErrors([]) };
}

/** Load errors from the registry and from hot updates, one per module. */
export function mergeLoadErrors(a: readonly ModuleLoadError[], b: readonly ModuleLoadError[]): ModuleLoadError[] {
  const byModule = new Map<string, ModuleLoadError>();
  for (const e of [...a, ...b]) if (!byModule.has(e.module)) byModule.set(e.module, e);
  return [...byModule.values()];
}
