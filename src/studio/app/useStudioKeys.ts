import { useEffect, useRef, type Dispatch, type SetStateAction } from 'react';
import type { FrameRange, Playback } from '../../player';
import { shuttleRate, studioKeyAction } from './keyboard';

/** The studio's keys (see keyboard.ts), ignored while a form field has the focus. */
export function useStudioKeys(
  playback: Playback,
  fps: number,
  durationInFrames: number,
  setRange: Dispatch<SetStateAction<FrameRange | null>>,
) {
  // The newest playback for the key handler (registered once per composition).
  const playbackRef = useRef(playback);
  useEffect(() => {
    playbackRef.current = playback;
  }, [playback]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName)) return;
      const action = studioKeyAction(e, fps);
      if (!action) return;
      e.preventDefault();
      const p = playbackRef.current;
      switch (action.kind) {
        case 'toggle':
          p.toggle();
          break;
        case 'pause':
          p.pause();
          break;
        case 'step':
          p.step(action.frames);
          break;
        case 'home':
          p.pause();
          p.seek(0);
          break;
        case 'end':
          p.pause();
          p.seek(durationInFrames - 1);
          break;
        case 'shuttle':
          p.setRate(shuttleRate(p.playing, p.rate, action.direction));
          p.play();
          break;
        case 'mark-in':
          setRange((r) => ({ from: p.frame, to: r && r.to >= p.frame ? r.to : durationInFrames - 1 }));
          break;
        case 'mark-out':
          setRange((r) => ({ from: r && r.from <= p.frame ? r.from : 0, to: p.frame }));
          break;
        case 'clear-range':
          setRange(null);
          break;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [fps, durationInFrames, setRange]);

  // Scrubbing pauses playback and resumes it after, if it was playing.
  const wasPlaying = useRef(false);
  return (active: boolean) => {
    if (active) {
      wasPlaying.current = playbackRef.current.playing;
      playbackRef.current.pause();
    } else if (wasPlaying.current) {
      playbackRef.current.play();
    }
  };
}
