/**
 * Shared playback for the studio (src/studio) and the article-page player
 * (src/embed): everything that turns a composition into a playing picture,
 * and nothing about either app's controls.
 *
 * - `usePlayback({ fps, durationInFrames, audioSrc, initialFrame, initialLoop, initialRate, range })`
 *   returns `{ frame, playing, rate, loop, audioStatus, play, pause, toggle, seek, step, setRate, setLoop, audio }`.
 *   The frame follows the <audio> element's clock while the sound plays (no
 *   drift), a wall clock otherwise (silent, backwards, past the end of the
 *   sound, autoplay refused). `step(n)` pauses and moves n frames; `seek(f)`
 *   keeps playing. Re-mount it (React `key`) for a new composition.
 * - `<ScaledFrame composition frame onError resetKey scale="fit" style>` draws
 *   the frame through the renderer's <CompositionFrame> at native size and
 *   CSS-scales it into its box (give the box a size). 3D canvases
 *   size themselves as on the capture page (ThreeCanvas measures layout size,
 *   which the CSS scale does not change); a scene error that
 *   escapes the frame's boundary is caught and reported (FrameErrorGuard).
 * - `frameMath`: pure helpers (`frameToTimecode`, `clampFrame`, `timeToFrame`,
 *   `parseFrameRange`, `fitScale`, ...).
 *
 * ```tsx
 * import { usePlayback, ScaledFrame, frameToTimecode } from './';
 * import { compositions } from '../compositions';
 * const composition = compositions.find((c) => c.id === 'explainer')!;
 * function Player() {
 *   const p = usePlayback({ fps: composition.fps, durationInFrames: composition.durationInFrames, audioSrc: '/voice/narration.wav' });
 *   return (
 *     <>
 *       <ScaledFrame composition={composition} frame={p.frame} style={{ width: 960, height: 540 }} />
 *       <button onClick={p.toggle}>{p.playing ? 'Pause' : 'Play'}</button> {frameToTimecode(p.frame, composition.fps)}
 *     </>
 *   );
 * }
 * ```
 */
export { usePlayback, type UsePlaybackOptions, type Playback, type AudioStatus } from './usePlayback';
export { ScaledFrame, type ScaledFrameProps, type PlayableComposition } from './ScaledFrame';
export {
  advancePlayhead,
  clampFrame,
  clockFrame,
  fitScale,
  formatFrameRange,
  frameToTime,
  frameToTimecode,
  parseFrameRange,
  timeToFrame,
  type FrameRange,
  type PlayheadStep,
} from './frameMath';
