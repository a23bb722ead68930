import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Composition } from '../engine/composition';
import { ScaledFrame, usePlayback } from '../player';
import { chapterIndexAt, nextChapterFrame, previousChapterFrame, type Chapter } from './sceneSteps';
import { frameToClock, frameToSpokenTime } from './timecode';
import { NextSceneIcon, PauseIcon, PlayIcon, PreviousSceneIcon } from './icons';
import { activeLineIndex, type TranscriptLine } from './transcriptLines';

export interface EmbedPlayerProps {
  /** The composition drawn live in the reader's browser (same scenes as the MP4). */
  composition: Composition<Record<string, unknown>>;
  /** One chapter per scene, ascending start frames. */
  chapters: readonly Chapter[];
  /** Caption cues as transcript lines. */
  lines: readonly TranscriptLine[];
  /** URL of the narration (starts at frame 0), or null for silent playback. */
  audioSrc: string | null;
  /**
   * Start playing as soon as it is mounted. The embed mounts the player when the reader
   * presses Play, so this is the reader's own request (honoured under reduced motion too).
   * Default false.
   */
  autoplay?: boolean;
  /** Frame shown first (e.g. the transcript line the reader clicked). Default 0. */
  initialFrame?: number;
  /** Captions shown at first. Default true. */
  initialCaptions?: boolean;
  /** Accessible name of the player. */
  title?: string;
}

/** True when the reader asked the system for reduced motion (then the player starts paused). */
export function prefersReducedMotion(): boolean {
  return (
    typeof window !== 'undefined' &&
    typeof window.matchMedia === 'function' &&
    window.matchMedia('(prefers-reduced-motion: reduce)').matches
  );
}

/**
 * The article-page player: the live composition (drawn by <ScaledFrame>,
 * the renderer's own code path) with play/pause, a scrub bar, captions on
 * and off, scene stepping (buttons, arrow keys) and a transcript that seeks
 * on click. State is mirrored on the root element as data-frame,
 * data-playing, data-captions and data-scene for scripts and tests.
 */
export function EmbedPlayer({
  composition,
  chapters,
  lines,
  audioSrc,
  autoplay = false,
  initialFrame = 0,
  initialCaptions = true,
  title = 'Interactive explainer',
}: EmbedPlayerProps) {
  const { fps, durationInFrames } = composition;
  const playback = usePlayback({ fps, durationInFrames, audioSrc, initialFrame });
  const { frame, playing } = playback;
  const [captions, setCaptions] = useState(initialCaptions);
  const [transcriptOpen, setTranscriptOpen] = useState(true);
  const [reducedMotion] = useState(prefersReducedMotion);
  const [announcement, setAnnouncement] = useState('');
  const ids = useId();
  const transcriptId = `${ids}-transcript`;
  const sceneLabelId = `${ids}-scene`;
  const activeLineRef = useRef<HTMLButtonElement | null>(null);

  // Nothing moves before the reader asks (WCAG 2.2.2 / 2.3.3): `autoplay` is only set when they pressed Play.
  const autoplayed = useRef(false);
  useEffect(() => {
    if (autoplayed.current) return;
    autoplayed.current = true;
    if (autoplay) playback.play();
  }, [autoplay, playback]);

  const sceneIndex = chapterIndexAt(chapters, frame);
  const scene = chapters[sceneIndex];
  const lineIndex = activeLineIndex(lines, frame);
  const inputProps = useMemo(() => ({ ...composition.defaultProps, showCaptions: captions }), [composition, captions]);
  const lastFrame = durationInFrames - 1;

  const goToScene = useCallback(
    (target: number | null) => {
      if (target === null) return;
      playback.pause();
      playback.seek(target);
      const k = chapterIndexAt(chapters, target);
      const c = chapters[k];
      if (c) setAnnouncement(`Scene ${k + 1} of ${chapters.length}: ${c.title}`);
    },
    [chapters, playback],
  );
  const nextScene = useCallback(
    () => goToScene(nextChapterFrame(chapters, playback.frame)),
    [chapters, goToScene, playback.frame],
  );
  const previousScene = useCallback(
    () => goToScene(previousChapterFrame(chapters, playback.frame)),
    [chapters, goToScene, playback.frame],
  );

  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLElement>) => {
      const target = e.target as HTMLElement;
      // The scrub bar and buttons keep their own keys (arrows scrub the slider; Space/Enter press a button).
      const onSlider = target instanceof HTMLInputElement && target.type === 'range';
      const onButton = target instanceof HTMLButtonElement;
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      if (!onSlider && (e.key === 'ArrowRight' || e.key === 'PageDown')) {
        e.preventDefault();
        nextScene();
      } else if (!onSlider && (e.key === 'ArrowLeft' || e.key === 'PageUp')) {
        e.preventDefault();
        previousScene();
      } else if (!onButton && !onSlider && (e.key === ' ' || e.key === 'k' || e.key === 'K')) {
        e.preventDefault();
        playback.toggle();
      } else if ((e.key === 'c' || e.key === 'C') && !onSlider) {
        e.preventDefault();
        setCaptions((c) => !c);
      } else if (!onSlider && e.key === 'Home') {
        e.preventDefault();
        goToScene(0);
      } else if (!onSlider && e.key === 'End') {
        e.preventDefault();
        goToScene(lastFrame);
      }
    },
    [goToScene, lastFrame, nextScene, playback, previousScene],
  );

  // Keep the spoken line in view inside the transcript box only: never scroll the reader's page.
  const transcriptRef = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    const box = transcriptRef.current;
    const line = activeLineRef.current;
    if (!playing || !box || !line) return;
    const top = line.offsetTop; // .ltp-transcript is position: relative, so this is relative to the box
    if (top < box.scrollTop || top + line.offsetHeight > box.scrollTop + box.clientHeight) {
      box.scrollTo({ top: Math.max(0, top - box.clientHeight / 3), behavior: reducedMotion ? 'auto' : 'smooth' });
    }
  }, [lineIndex, playing, reducedMotion]);

  const aspect = `${composition.width} / ${composition.height}`;
  return (
    <section
      className="ltp-embed"
      aria-label={title}
      onKeyDown={onKeyDown}
      data-frame={frame}
      data-playing={playing ? 'true' : 'false'}
      data-captions={captions ? 'on' : 'off'}
      data-scene={scene?.id ?? ''}
      data-reduced-motion={reducedMotion ? 'true' : 'false'}
    >
      <div
        className="ltp-stage"
        role="group"
        tabIndex={0}
        aria-roledescription="animation"
        aria-label={`${title}. Space plays or pauses; left and right arrows step scene by scene; C turns captions on or off.`}
        aria-describedby={sceneLabelId}
        onClick={playback.toggle}
        style={{ aspectRatio: aspect }}
      >
        <ScaledFrame
          composition={composition}
          frame={frame}
          inputProps={inputProps}
          style={{ position: 'absolute', inset: 0 }}
        />
        {!playing && (
          <span className="ltp-big-play" aria-hidden="true">
            <PlayIcon />
          </span>
        )}
      </div>

      <div className="ltp-controls" role="group" aria-label="Player controls">
        <button
          type="button"
          className="ltp-btn"
          onClick={previousScene}
          aria-label="Previous scene"
          title="Previous scene (Left arrow)"
        >
          <PreviousSceneIcon />
        </button>
        <button
          type="button"
          className="ltp-btn ltp-play"
          onClick={playback.toggle}
          aria-label={playing ? 'Pause' : 'Play'}
          title={playing ? 'Pause (Space)' : 'Play (Space)'}
        >
          {playing ? <PauseIcon /> : <PlayIcon />}
        </button>
        <button
          type="button"
          className="ltp-btn"
          onClick={nextScene}
          aria-label="Next scene"
          title="Next scene (Right arrow)"
          disabled={nextChapterFrame(chapters, frame) === null}
        >
          <NextSceneIcon />
        </button>
        <input
          className="ltp-scrub"
          type="range"
          min={0}
          max={lastFrame}
          step={1}
          value={frame}
          aria-label="Seek"
          aria-valuetext={`${frameToSpokenTime(frame, fps)} of ${frameToSpokenTime(durationInFrames, fps)}${scene ? `, ${scene.title}` : ''}`}
          onChange={(e) => playback.seek(Number(e.currentTarget.value))}
        />
        <span className="ltp-time" aria-hidden="true">
          {frameToClock(frame, fps)} / {frameToClock(durationInFrames, fps)}
        </span>
        <button
          type="button"
          className="ltp-btn"
          aria-pressed={captions}
          onClick={() => setCaptions((c) => !c)}
          aria-label="Captions"
          title="Captions (C)"
        >
          CC
        </button>
        <button
          type="button"
          className="ltp-btn"
          aria-expanded={transcriptOpen}
          aria-controls={transcriptId}
          onClick={() => setTranscriptOpen((o) => !o)}
        >
          Transcript
        </button>
      </div>

      <p className="ltp-scene" id={sceneLabelId}>
        {scene ? `Scene ${sceneIndex + 1} of ${chapters.length}: ${scene.title}` : ''}
      </p>
      <p className="ltp-visually-hidden" aria-live="polite">
        {announcement}
      </p>

      <h2 className="ltp-title">
        {title} <span className="ltp-duration">({frameToClock(durationInFrames, fps)})</span>
      </h2>
      <div className="ltp-transcript" id={transcriptId} hidden={!transcriptOpen} ref={transcriptRef}>
        <h3 className="ltp-transcript-title">Transcript</h3>
        {chapters.map((c, k) => {
          const own = lines.map((l, i) => ({ l, i })).filter(({ l }) => l.chapterIndex === k);
          if (own.length === 0) return null;
          return (
            <div key={c.id} className="ltp-transcript-scene">
              <h4>{c.title}</h4>
              <ol>
                {own.map(({ l, i }) => (
                  <li key={i}>
                    <button
                      type="button"
                      ref={i === lineIndex ? activeLineRef : undefined}
                      className="ltp-line"
                      aria-current={i === lineIndex ? 'true' : undefined}
                      data-start-frame={l.startFrame}
                      onClick={() => playback.seek(l.startFrame)}
                    >
                      <span className="ltp-line-time">{frameToClock(l.startFrame, fps)}</span> {l.text}
                    </button>
                  </li>
                ))}
              </ol>
            </div>
          );
        })}
      </div>
    </section>
  );
}
