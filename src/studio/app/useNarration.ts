import { useCallback, useEffect, useState } from 'react';
import type { NarrationIssue, NarrationState } from '../shared/api';

export interface Narration {
  /** The script as saved (null until loaded). */
  saved: NarrationState | null;
  /** A save / undo / redo is running (voicing takes a few seconds). */
  busy: boolean;
  /** Problems of the last refused script, each at a line of the whole script. */
  issues: NarrationIssue[];
  /** The CLI's message for the last refusal, or a network error. */
  error: string | null;
  /** The text that was refused (its issues' lines refer to it). */
  refusedText: string | null;
  save(text: string): Promise<boolean>;
  undo(): Promise<boolean>;
  redo(): Promise<boolean>;
}

/** The narration script through the studio server (GET/PUT /api/narration, undo, redo). */
export function useNarration(): Narration {
  const [saved, setSaved] = useState<NarrationState | null>(null);
  const [busy, setBusy] = useState(false);
  const [issues, setIssues] = useState<NarrationIssue[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [refusedText, setRefusedText] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    fetch('/api/narration')
      .then((r) => r.json() as Promise<NarrationState>)
      .then((s) => !cancelled && setSaved(s))
      .catch((e: unknown) => !cancelled && setError(`could not load the script: ${String(e)}`));
    return () => {
      cancelled = true;
    };
  }, []);

  const send = useCallback(async (request: () => Promise<Response>, text: string | null): Promise<boolean> => {
    setBusy(true);
    try {
      const r = await request();
      const body = (await r.json()) as NarrationState & { error?: string; issues?: NarrationIssue[] };
      if (!r.ok) {
        setIssues(body.issues ?? []);
        setError(body.error ?? `HTTP ${r.status}`);
        setRefusedText(text);
        return false;
      }
      setSaved(body);
      setIssues([]);
      setError(null);
      setRefusedText(null);
      return true;
    } catch (e) {
      setError(String(e));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);

  return {
    saved,
    busy,
    issues,
    error,
    refusedText,
    save: (text) =>
      send(
        () => fetch('/api/narration', { method: 'PUT', headers: { 'Content-Type': 'text/plain' }, body: text }),
        text,
      ),
    undo: () => send(() => fetch('/api/narration/undo', { method: 'POST' }), null),
    redo: () => send(() => fetch('/api/narration/redo', { method: 'POST' }), null),
  };
}
