import { frameToTimecode, type FrameRange, type Playback } from '../../player';

/** Play/pause, frame steps, frame / time code / scene readouts, rate, loop, range and sound status. */
export function TransportBar({
  playback,
  fps,
  durationInFrames,
  sceneLabel,
  range,
  soundNote,
}: {
  playback: Playback;
  fps: number;
  durationInFrames: number;
  sceneLabel: string;
  range: FrameRange | null;
  /** Why there is no waveform / sound, shown on hover. */
  soundNote: string | null;
}) {
  const { frame, playing } = playback;
  return (
    <div className="transport">
      <button type="button" data-testid="play-toggle" onClick={playback.toggle} aria-label={playing ? 'Pause' : 'Play'}>
        {playing ? '❚❚ Pause' : '▶ Play'}
      </button>
      <button type="button" onClick={() => playback.step(-1)} aria-label="Previous frame">
        ◀ 1
      </button>
      <button type="button" onClick={() => playback.step(1)} aria-label="Next frame">
        1 ▶
      </button>
      <span className="readout" data-testid="frame-label">
        frame <b data-testid="frame-number">{frame}</b> / {durationInFrames - 1}
      </span>
      <span className="readout timecode" data-testid="timecode">
        {frameToTimecode(frame, fps)}
      </span>
      <span className="readout scene-name" data-testid="scene-name">
        {sceneLabel}
      </span>
      <label>
        rate{' '}
        <select
          data-testid="rate"
          value={String(playback.rate)}
          onChange={(e) => playback.setRate(Number(e.target.value))}
        >
          {[-4, -2, -1, 0.25, 0.5, 1, 1.5, 2, 4].map((r) => (
            <option key={r} value={String(r)}>
              {r}x
            </option>
          ))}
        </select>
      </label>
      <label>
        <input
          type="checkbox"
          data-testid="loop"
          checked={playback.loop}
          onChange={(e) => playback.setLoop(e.target.checked)}
        />{' '}
        loop
      </label>
      <span className="readout range-label" data-testid="range-label">
        {range ? `range ${range.from}-${range.to}` : 'no range (I/O to set)'}
      </span>
      <span className={`readout audio-${playback.audioStatus}`} data-testid="audio-status" title={soundNote ?? ''}>
        sound: {playback.audioStatus}
      </span>
    </div>
  );
}
