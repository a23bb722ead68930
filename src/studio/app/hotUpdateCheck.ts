import type { ModuleLoadError } from './registryStore';

/** The parts of Vite's HMR update payload the check reads. */
export interface HotUpdatePayload {
  updates: { type: string; acceptedPath: string; timestamp: number; explicitImportRequired?: boolean }[];
}

/**
 * After a hot update, finds which updated modules failed to load. Vite only
 * logs such a failure to the console (a syntax error or a throw while a scene
 * module re-runs); importing the same URL again returns the cached module, or
 * the cached error, without running anything twice.
 */
export async function checkHotUpdate(payload: HotUpdatePayload): Promise<{ ok: string[]; failed: ModuleLoadError[] }> {
  const ok: string[] = [];
  const failed: ModuleLoadError[] = [];
  await Promise.all(
    payload.updates
      .filter((u) => u.type === 'js-update')
      .map(async (u) => {
        const [path, query] = u.acceptedPath.split('?');
        // The URL Vite's client imported for this update.
        const url = `${path}?${u.explicitImportRequired ? 'import&' : ''}t=${u.timestamp}${query ? `&${query}` : ''}`;
        try {
          await import(/* @vite-ignore */ url);
          ok.push(u.acceptedPath);
        } catch (e) {
          const err = e instanceof Error ? e : new Error(String(e));
          failed.push({ module: u.acceptedPath.replace(/^\//, ''), message: err.message, stack: err.stack ?? '' });
        }
      }),
  );
  return { ok: ok.map((p) => p.replace(/^\//, '')), failed };
}
