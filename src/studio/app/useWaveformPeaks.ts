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
  const [state, setState] = useState<{ peaks: PeaksData | null; error: string | null }>({ peaks: null, error: null });

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
    if (!audioSrc) {
      setState({ peaks: null, error: null });
      return;
    }
    let cancelled = false;
    fetch(`/__studio/peaks?src=${encodeURIComponent(audioSrc)}&buckets=${buckets}&v=${version}`)
      .then(async (r) => {
        const body = (await r.json()) as PeaksData & { error?: string };
        if (cancelled) return;
        setState(r.ok ? { peaks: body, error: null } : { peaks: null, error: body.error ?? `HTTP ${r.status}` });
      })
      .catch((e: unknown) => !cancelled && setState({ peaks: null, error: String(e) }));
    return () => {
      cancelled = true;
    };
  }, [audioSrc, buckets, version]);

  return { ...state, version };
}
