import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { advancePlayhead, clampFrame, clockFrame, frameToTime, type FrameRange } from './frameMath';

export interface UsePlaybackOptions {
  /** Frames per second of the composition. */
  fps: number;
  /** Length of the composition in frames. */
  durationInFrames: number;
  /**
   * URL of the sound that starts at frame 0 (e.g. '/voice/narration.wav'), or
   * null for silent playback. While the sound plays it is the clock: the frame
   * shown is `floor(audio.currentTime * fps)`, so picture and voice cannot drift.
   * Past the end of the sound, or when the browser refuses to autoplay, a
   * wall clock takes over from where the sound was.
   */
  audioSrc?: string | null;
  /** Frame shown first (clamped to the composition). Default 0. */
  initialFrame?: number;
  /** Start with loop on. Default false. */
  initialLoop?: boolean;
  /** Initial rate, x real time; negative plays backwards (silently). Default 1. */
  initialRate?: number;
  /**
   * Inclusive frames playback stays within (the studio's in/out range):
   * playing loops or stops at its ends. Default: the whole composition.
   */
  range?: FrameRange | null;
  /** Clock in ms, injectable for tests. Default `performance.now`. */
  now?: () => number;
}

/** What the sound is doing. 'blocked' = the browser refused to play without a user gesture (playback continues silently). */
export type AudioStatus = 'none' | 'loading' | 'ready' | 'blocked' | 'error';

export interface Playback {
  /** Frame on screen, 0..durationInFrames-1. */
  frame: number;
  playing: boolean;
  /** x real time; negative = backwards. */
  rate: number;
  loop: boolean;
  audioStatus: AudioStatus;
  play(): void;
  pause(): void;
  toggle(): void;
  /** Jumps to `frame` (clamped); keeps playing if playing. */
  seek(frame: number): void;
  /** Moves by `deltaFrames` (negative = back), pausing first: frame-exact stepping. */
  step(deltaFrames: number): void;
  /** Sets the rate (x real time, -16..16, not 0). */
  setRate(rate: number): void;
  setLoop(loop: boolean): void;
  /** The <audio> element in use (for volume and mute), or null without sound. */
  audio: HTMLAudioElement | null;
}

interface Clock {
  playing: boolean;
  rate: number;
  loop: boolean;
  /** Fractional frame at `anchorMs`. */
  anchorFrame: number;
  anchorMs: number;
  frame: number;
}

/**
 * Playback of a composition: a frame number that advances in real time, kept
 * in sync with an <audio> element, with play/pause, seek, frame stepping,
 * rate and loop. Draw the frame with `<ScaledFrame frame={playback.frame}>`.
 *
 * ```tsx
 * const playback = usePlayback({ fps: 30, durationInFrames: 1800, audioSrc: '/voice/narration.wav' });
 * <button onClick={playback.toggle}>{playback.playing ? 'Pause' : 'Play'}</button>
 * <ScaledFrame composition={composition} frame={playback.frame} />
 * ```
 *
 * Re-mount (React `key`) when the composition changes; fps and length are read on every tick.
 */
export function usePlayback(options: UsePlaybackOptions): Playback {
  const {
    fps,
    durationInFrames,
    audioSrc = null,
    initialFrame = 0,
    initialLoop = false,
    initialRate = 1,
    range = null,
  } = options;
  const now = options.now ?? defaultNow;
  const [frame, setFrameState] = useState(() => clampFrame(initialFrame, durationInFrames));
  const [playing, setPlaying] = useState(false);
  const [rate, setRateState] = useState(initialRate);
  const [loop, setLoopState] = useState(initialLoop);
  // Status and element are stored with the source they belong to, so a new (or no) source reads as
  // 'loading' (or 'none') at once, without a state reset inside an effect.
  const [audioState, setAudioState] = useState<{ src: string; status: AudioStatus; el: HTMLAudioElement | null }>({
    src: '',
    status: 'none',
    el: null,
  });
  const current = audioSrc !== null && audioState.src === audioSrc;
  const audioStatus: AudioStatus = !audioSrc ? 'none' : current ? audioState.status : 'loading';
  const audio = current ? audioState.el : null;
  const srcRef = useRef(audioSrc);
  const setAudioStatus = useCallback((next: AudioStatus | ((s: AudioStatus) => AudioStatus)) => {
    const src = srcRef.current;
    if (!src) return;
    setAudioState((a) => {
      const was = a.src === src ? a.status : 'loading';
      return { src, el: a.src === src ? a.el : null, status: typeof next === 'function' ? next(was) : next };
    });
  }, []);

  const clock = useRef<Clock>({
    playing: false,
    rate: initialRate,
    loop: initialLoop,
    anchorFrame: frame,
    anchorMs: 0,
    frame,
  });
  // The latest options, for the animation-frame loop and the callbacks (updated after each render, before paint).
  const config = useRef({ fps, durationInFrames, range, now });
  useLayoutEffect(() => {
    config.current = { fps, durationInFrames, range, now };
    srcRef.current = audioSrc;
  });
  const audioRef = useRef<HTMLAudioElement | null>(null);
  const rafRef = useRef<number | null>(null);

  const activeRange = useCallback((): FrameRange => {
    const { durationInFrames: n, range: r } = config.current;
    const last = Math.max(0, n - 1);
    if (!r) return { from: 0, to: last };
    const from = clampFrame(r.from, n);
    return { from, to: Math.max(from, clampFrame(r.to, n)) };
  }, []);

  const showFrame = useCallback((f: number) => {
    if (clock.current.frame !== f) {
      clock.current.frame = f;
      setFrameState(f);
    }
  }, []);

  /** Starts or stops the sound to match the clock; the sound only plays forwards. */
  const syncAudio = useCallback(
    (restart: boolean) => {
      const el = audioRef.current;
      if (!el) return;
      const c = clock.current;
      const t = frameToTime(c.anchorFrame, config.current.fps);
      const inside = Number.isFinite(el.duration) ? t < el.duration : true;
      if (c.playing && c.rate > 0 && inside) {
        el.playbackRate = Math.min(16, Math.max(0.0625, c.rate));
        if (restart || Math.abs(el.currentTime - t) > 0.05) el.currentTime = t;
        if (el.paused) {
          el.play().then(
            () => setAudioStatus('ready'),
            (err: unknown) => {
              // Autoplay refused (no user gesture yet) or an aborted play: keep the picture moving on the wall clock.
              if (err instanceof DOMException && err.name === 'NotAllowedError') setAudioStatus('blocked');
            },
          );
        }
      } else {
        if (!el.paused) el.pause();
        if (restart && inside) el.currentTime = t;
      }
    },
    [setAudioStatus],
  );

  const anchorAt = useCallback((f: number) => {
    clock.current.anchorFrame = f;
    clock.current.anchorMs = config.current.now();
  }, []);

  /** One animation frame of playback: where the clock is now, and whether to go on. */
  const advance = useCallback((): boolean => {
    const c = clock.current;
    if (!c.playing) return false;
    const { fps: rateFps, now: clockNow } = config.current;
    const el = audioRef.current;
    const t = clockNow();
    let position: number;
    if (el && !el.paused && !el.ended && c.rate > 0 && el.readyState >= 2) {
      // The sound is the clock while it plays.
      position = el.currentTime * rateFps;
      c.anchorFrame = position;
      c.anchorMs = t;
    } else {
      position = clockFrame(c.anchorFrame, c.anchorMs, t, rateFps, c.rate);
    }
    const step = advancePlayhead(position, activeRange(), c.loop);
    if (step.kind === 'show') {
      showFrame(step.frame);
    } else if (step.kind === 'wrap') {
      anchorAt(step.frame);
      showFrame(step.frame);
      syncAudio(true);
    } else {
      c.playing = false;
      setPlaying(false);
      showFrame(step.frame);
      anchorAt(step.frame);
      syncAudio(true);
      return false;
    }
    return true;
  }, [activeRange, anchorAt, showFrame, syncAudio]);

  const startLoop = useCallback(() => {
    if (rafRef.current !== null) return;
    const loop = () => {
      rafRef.current = advance() ? requestAnimationFrame(loop) : null;
    };
    rafRef.current = requestAnimationFrame(loop);
  }, [advance]);

  const play = useCallback(() => {
    const c = clock.current;
    if (c.playing) return;
    const r = activeRange();
    // Playing from the end (forwards) or the start (backwards) starts over.
    let f = c.frame;
    if (c.rate > 0 && (f >= r.to || f < r.from)) f = r.from;
    if (c.rate < 0 && (f <= r.from || f > r.to)) f = r.to;
    c.playing = true;
    setPlaying(true);
    anchorAt(f);
    showFrame(f);
    syncAudio(true);
    startLoop();
  }, [activeRange, anchorAt, showFrame, startLoop, syncAudio]);

  const pause = useCallback(() => {
    const c = clock.current;
    if (!c.playing) return;
    c.playing = false;
    setPlaying(false);
    anchorAt(c.frame);
    syncAudio(true);
  }, [anchorAt, syncAudio]);

  const toggle = useCallback(() => (clock.current.playing ? pause() : play()), [pause, play]);

  const seek = useCallback(
    (target: number) => {
      const f = clampFrame(target, config.current.durationInFrames);
      anchorAt(f);
      showFrame(f);
      syncAudio(true);
    },
    [anchorAt, showFrame, syncAudio],
  );

  const step = useCallback(
    (deltaFrames: number) => {
      pause();
      seek(clock.current.frame + Math.trunc(deltaFrames));
    },
    [pause, seek],
  );

  const setRate = useCallback(
    (next: number) => {
      if (!Number.isFinite(next) || next === 0) return;
      const c = clock.current;
      const clamped = Math.max(-16, Math.min(16, next));
      anchorAt(
        c.playing ? clockFrame(c.anchorFrame, c.anchorMs, config.current.now(), config.current.fps, c.rate) : c.frame,
      );
      c.rate = clamped;
      setRateState(clamped);
      syncAudio(false);
    },
    [anchorAt, syncAudio],
  );

  const setLoop = useCallback((next: boolean) => {
    clock.current.loop = next;
    setLoopState(next);
  }, []);

  // One <audio> element per source; it is not in the DOM.
  useEffect(() => {
    if (!audioSrc) return;
    const el = new Audio();
    el.preload = 'auto';
    const onReady = () => setAudioStatus((s) => (s === 'loading' ? 'ready' : s));
    const onError = () => setAudioStatus('error');
    const onLoadStart = () => setAudioState({ src: audioSrc, status: 'loading', el });
    el.addEventListener('loadstart', onLoadStart, { once: true });
    el.addEventListener('canplaythrough', onReady);
    el.addEventListener('error', onError);
    el.src = audioSrc;
    audioRef.current = el;
    syncAudio(true);
    return () => {
      el.removeEventListener('loadstart', onLoadStart);
      el.removeEventListener('canplaythrough', onReady);
      el.removeEventListener('error', onError);
      el.pause();
      el.removeAttribute('src');
      el.load();
      if (audioRef.current === el) audioRef.current = null;
    };
  }, [audioSrc, syncAudio, setAudioStatus]);

  // A shorter composition (or a new range) never leaves the playhead outside it.
  useEffect(() => {
    const f = clampFrame(clock.current.frame, durationInFrames);
    if (f !== clock.current.frame) {
      anchorAt(f);
      showFrame(f);
    }
  }, [durationInFrames, anchorAt, showFrame]);

  useEffect(
    () => () => {
      if (rafRef.current !== null) cancelAnimationFrame(rafRef.current);
      rafRef.current = null;
      clock.current.playing = false;
    },
    [],
  );

  return useMemo(
    () => ({ frame, playing, rate, loop, audioStatus, play, pause, toggle, seek, step, setRate, setLoop, audio }),
    [frame, playing, rate, loop, audioStatus, play, pause, toggle, seek, step, setRate, setLoop, audio],
  );
}

function defaultNow(): number {
  return performance.now();
}
