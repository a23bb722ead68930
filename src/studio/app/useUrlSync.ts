import { useEffect, useRef } from 'react';
import { formatStudioUrl, type StudioUrlState } from './studioUrl';

/** Keeps the address bar on the view (composition, frame, range, zoom): a reload or a shared link opens it. */
export function useUrlSync(state: StudioUrlState, playing: boolean) {
  const lastUrlWrite = useRef(0);
  const next = formatStudioUrl(state);
  useEffect(() => {
    const now = performance.now();
    // While playing, at most twice a second (history updates are not free).
    if (playing && now - lastUrlWrite.current < 500) return;
    lastUrlWrite.current = now;
    if (next !== window.location.search) window.history.replaceState(null, '', next);
  }, [next, playing]);
}
