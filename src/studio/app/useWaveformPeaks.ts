import { useEffect, useState } from 'react';
import { AUDIO_CHANGED_EVENT_NAME } from '../shared/studioEvents';

/** Peaks as the studio server sends them (see wavPeaks.ts). */
export interface PeaksData {
  sampleRate: number;
  durationSec: number;
  /** Interleaved [min, max] per bucket, each -1..1. */
  minMax: number[];
}

/**
 * Fetches waveform peaks of `audioSrc` (a public/ path) from the studio
 * server, again whenever the file changes on disk. `version` changes with the
 * file, so the <audio> element can reload too. null while loading or when
 * there is no such file.
 */
export function useWaveformPeaks(
  audioSrc: string | null,
  buckets = 1500,
): { peaks: PeaksData | null; version: number; error: string | null } {
  const [version, setVersion] = useState(0);
  // Peaks are stored with the request they answer, so a new (or no) source reads as "loading" at once.
  const [state, setState] = useState<{ key: string; peaks: PeaksData | null; error: string | null }>({
    key: '',
    peaks: null,
    error: null,
  });
  const key = audioSrc ? `/api/peaks?src=${encodeURIComponent(audioSrc)}&buckets=${buckets}&v=${version}` : '';

  useEffect(() => {
    const hot = import.meta.hot;
    if (!hot || !audioSrc) return;
    const onChange = (data: { publicPath: string }) => {
      if (data.publicPath === audioSrc) setVersion((v) => v + 1);
    };
    hot.on(AUDIO_CHANGED_EVENT_NAME, onChange);
    return () => hot.off(AUDIO_CHANGED_EVENT_NAME, onChange);
  }, [audioSrc]);

  useEffect(() => {
    if (!key) return;
    let cancelled = false;
    fetch(key)
      .then(async (r) => {
        const body = (await r.json()) as PeaksData & { error?: string };
        if (cancelled) return;
        setState(
          r.ok ? { key, peaks: body, error: null } : { key, peaks: null, error: body.error ?? `HTTP ${r.status}` },
        );
      })
      .catch((e: unknown) => !cancelled && setState({ key, peaks: null, error: String(e) }));
    return () => {
      cancelled = true;
    };
  }, [key]);

  // While a changed file's peaks load, the previous ones stay (the waveform does not blink).
  const current =
    state.key === key || (audioSrc !== null && state.key.startsWith(`/api/peaks?src=${encodeURIComponent(audioSrc)}&`));
  return { peaks: key && current ? state.peaks : null, error: key && current ? state.error : null, version };
}
