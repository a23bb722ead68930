import { createContext, useContext, useLayoutEffect } from 'react';

/**
 * Tracks what must finish before a frame may be captured: counted holds
 * (a font, an image, a texture still loading) and frame-synced participants
 * (each three.js canvas must report that it drew the requested frame).
 * One instance per mounted composition; no module-level state.
 */
export class RenderReadiness {
  private nextHoldId = 1;
  private readonly holds = new Map<number, string>();
  private readonly participants = new Map<object, string>();
  private readonly drawnFrames = new WeakMap<object, number>();
  private readonly listeners = new Set<() => void>();

  /** Blocks capture until `release(id)`; `label` names it in time-out errors. */
  hold(label: string): number {
    const id = this.nextHoldId++;
    this.holds.set(id, label);
    return id;
  }

  release(id: number): void {
    if (this.holds.delete(id)) this.notify();
  }

  /** A participant (e.g. a three.js canvas) that must draw each requested frame. */
  addParticipant(token: object, label: string): void {
    this.participants.set(token, label);
    this.notify();
  }

  removeParticipant(token: object): void {
    if (this.participants.delete(token)) this.notify();
  }

  /** Called by a participant once it has drawn `frame` (absolute). */
  reportDrawn(token: object, frame: number): void {
    this.drawnFrames.set(token, frame);
    this.notify();
  }

  /** Labels of everything still blocking `frame`; empty when it may be captured. */
  pending(frame: number): string[] {
    const waiting = [...this.holds.values()];
    for (const [token, label] of this.participants) {
      if (this.drawnFrames.get(token) !== frame) waiting.push(label);
    }
    return waiting;
  }

  /** Resolves once nothing blocks `frame`; rejects after `timeoutMs` naming what is still pending. */
  waitUntilReady(frame: number, timeoutMs: number): Promise<void> {
    if (this.pending(frame).length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (this.pending(frame).length === 0) {
          cleanup();
          resolve();
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(
          new Error(
            `frame ${frame} was not ready after ${timeoutMs} ms; still waiting for: ${this.pending(frame).join(', ')}`,
          ),
        );
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.listeners.delete(check);
      };
      this.listeners.add(check);
    });
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

export const RenderReadinessContext = createContext<RenderReadiness | null>(null);

export function useRenderReadiness(): RenderReadiness {
  const readiness = useContext(RenderReadinessContext);
  if (!readiness) throw new Error('useRenderReadiness() was called outside <CompositionFrame>.');
  return readiness;
}

/**
 * Holds capture while `pending` is true (an image or texture still loading),
 * e.g. `useRenderHold('receptor texture', !texture)`.
 */
export function useRenderHold(label: string, pending: boolean): void {
  const readiness = useRenderReadiness();
  useLayoutEffect(() => {
    if (!pending) return;
    const id = readiness.hold(label);
    return () => readiness.release(id);
  }, [readiness, label, pending]);
}
