/**
 * The studio's keys, as a pure mapping from a key press to an action, so the
 * bindings are tested without a browser. Editors' conventions: J/K/L shuttle,
 * I/O in and out points.
 */
export type StudioKeyAction =
  | { kind: 'toggle' }
  | { kind: 'pause' }
  | { kind: 'step'; frames: number }
  | { kind: 'home' }
  | { kind: 'end' }
  /** J (backwards) or L (forwards): play that way, or faster if already playing that way. */
  | { kind: 'shuttle'; direction: 1 | -1 }
  | { kind: 'mark-in' }
  | { kind: 'mark-out' }
  | { kind: 'clear-range' };

export interface KeyPress {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/** The action for a key press at `fps`, or null when the studio ignores it. */
export function studioKeyAction(e: KeyPress, fps: number): StudioKeyAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  const oneSecond = Math.max(1, Math.round(fps));
  switch (e.key) {
    case ' ':
      return { kind: 'toggle' };
    case 'ArrowRight':
      return { kind: 'step', frames: e.shiftKey ? oneSecond : 1 };
    case 'ArrowLeft':
      return { kind: 'step', frames: e.shiftKey ? -oneSecond : -1 };
    case 'Home':
      return { kind: 'home' };
    case 'End':
      return { kind: 'end' };
  }
  switch (e.key.toLowerCase()) {
    case 'j':
      return { kind: 'shuttle', direction: -1 };
    case 'k':
      return { kind: 'pause' };
    case 'l':
      return { kind: 'shuttle', direction: 1 };
    case 'i':
      return { kind: 'mark-in' };
    case 'o':
      return { kind: 'mark-out' };
    case 'x':
      return { kind: 'clear-range' };
  }
  return null;
}

/**
 * Rate after a J/L press: starts at 1x that way, doubles up to 4x on each
 * further press the same way while playing.
 */
export function shuttleRate(playing: boolean, currentRate: number, direction: 1 | -1): number {
  if (playing && Math.sign(currentRate) === direction) return direction * Math.min(4, Math.abs(currentRate) * 2);
  return direction;
}
