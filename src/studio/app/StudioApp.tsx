import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { Composition } from '../../engine/composition';
import type { FrameError } from '../../engine/CompositionFrame';
import { ScaledFrame, usePlayback, frameToTimecode, clampFrame, type FrameRange } from '../../player';
import { ErrorPanel, innermostComponent, type StudioError } from './ErrorPanel';
import { shuttleRate, studioKeyAction } from './keyboard';
import { checkHotUpdate, type HotUpdatePayload } from './hotUpdateCheck';
import { registrySnapshot, subscribeRegistry, type ModuleLoadError, type StudioRegistry } from './registryStore';
import { RenderPanel } from './RenderPanel';
import { sceneAtFrame, type StudioTimeline } from './studioTimeline';
import { formatStudioUrl, parseStudioUrl, type StudioUrlState } from './studioUrl';
import { Timeline } from './Timeline';
import { useWaveformPeaks } from './useWaveformPeaks';

const DEFAULT_COMPOSITION_ID = 'explainer';

/** The studio page: picks the composition (from the URL first), then shows it. */
export function StudioApp() {
  const registry = useSyncExternalStore(subscribeRegistry, registrySnapshot);
  const initialUrl = useMemo(() => parseStudioUrl(window.location.search), []);
  const [choice, setChoice] = useState<{ id: string | null; frame: number; range: FrameRange | null }>({
    id: initialUrl.compositionId,
    frame: initialUrl.frame,
    range: initialUrl.range,
  });
  if (!registry) return <div className="loading">Loading compositions…</div>;
  const listed = registry.compositions.filter((c) => initialUrl.selftest || !registry.selftestIds.includes(c.id));
  const composition =
    registry.compositions.find((c) => c.id === choice.id) ??
    listed.find((c) => c.id === DEFAULT_COMPOSITION_ID) ??
    listed[0];
  if (!composition) {
    return (
      <div className="loading">
        <p>
          No compositions could be shown (src/compositions/index.ts). Fix the error below and save; the studio picks it
          up.
        </p>
        <ErrorPanel errors={[]} loadErrors={registry.loadErrors} onGoTo={() => {}} onDismiss={() => {}} />
      </div>
    );
  }
  return (
    <StudioView
      key={composition.id}
      registry={registry}
      listed={listed}
      composition={composition}
      initialFrame={choice.id === composition.id ? choice.frame : 0}
      initialRange={choice.id === composition.id ? choice.range : null}
      url={initialUrl}
      onPick={(id) => setChoice({ id, frame: 0, range: null })}
    />
  );
}

interface StudioViewProps {
  registry: StudioRegistry;
  listed: readonly Composition<any>[];
  composition: Composition<any>;
  initialFrame: number;
  initialRange: FrameRange | null;
  url: StudioUrlState;
  onPick(id: string): void;
}

function StudioView({ registry, listed, composition, initialFrame, initialRange, url, onPick }: StudioViewProps) {
  const { fps, durationInFrames } = composition;
  const timeline = registry.timelineFor(composition.id);
  const [range, setRange] = useState<FrameRange | null>(initialRange);
  const [zoom, setZoom] = useState<'fit' | number>(url.zoom);
  const [errors, setErrors] = useState<StudioError[]>([]);
  const [resetKey, setResetKey] = useState(0);
  const [hotErrors, setHotErrors] = useState<ModuleLoadError[]>([]);

  const audioPath = registry.audioFor(composition.id);
  const { peaks, version: audioVersion, error: peaksError } = useWaveformPeaks(audioPath);
  const audioSrc = audioPath && peaks ? `${audioPath}?v=${audioVersion}` : null;

  const playback = usePlayback({ fps, durationInFrames, audioSrc, initialFrame, range });
  const { frame, playing } = playback;
  const scene = sceneAtFrame(timeline, frame);

  // Hot updates (a saved scene, timings, sim parameters): redraw the same frame, clear old errors.
  useEffect(() => {
    const hot = import.meta.hot;
    if (!hot) return;
    const onUpdate = (payload: HotUpdatePayload) => {
      setErrors([]);
      setResetKey((k) => k + 1);
      void checkHotUpdate(payload).then(({ ok, failed }) =>
        setHotErrors((list) => [
          ...list.filter((e) => !ok.includes(e.module) && !failed.some((f) => f.module === e.module)),
          ...failed,
        ]),
      );
    };
    hot.on('vite:afterUpdate', onUpdate);
    return () => hot.off('vite:afterUpdate', onUpdate);
  }, []);
  useEffect(() => {
    setErrors([]);
    setResetKey((k) => k + 1);
  }, [registry.version]);

  const timelineRef = useRef<StudioTimeline | null>(timeline);
  timelineRef.current = timeline;
  const onError = useCallback((e: FrameError) => {
    const sceneName =
      sceneAtFrame(timelineRef.current, e.frame)?.id ?? innermostComponent(e.componentStack) ?? '(unknown)';
    setErrors((list) => {
      const same = list.findIndex(
        (x) => x.message.replace(/\d+/g, '#') === e.message.replace(/\d+/g, '#') && x.scene === sceneName,
      );
      if (same >= 0) {
        const next = [...list];
        next[same] = { ...e, scene: sceneName, count: list[same]!.count + 1 };
        return next;
      }
      return [{ ...e, scene: sceneName, count: 1 }, ...list].slice(0, 10);
    });
  }, []);

  // The URL holds composition, frame and range: a reload or a shared link opens this view.
  const lastUrlWrite = useRef(0);
  useEffect(() => {
    const now = performance.now();
    if (playing && now - lastUrlWrite.current < 500) return;
    lastUrlWrite.current = now;
    const next = formatStudioUrl({ ...url, compositionId: composition.id, frame, range, zoom });
    if (next !== window.location.search) window.history.replaceState(null, '', next);
  }, [composition.id, frame, range, zoom, playing, url]);

  // Keys (ignored while typing in a form field).
  const playbackRef = useRef(playback);
  playbackRef.current = playback;
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
  }, [fps, durationInFrames]);

  const wasPlaying = useRef(false);
  const onScrub = (active: boolean) => {
    if (active) {
      wasPlaying.current = playbackRef.current.playing;
      playbackRef.current.pause();
    } else if (wasPlaying.current) {
      playbackRef.current.play();
    }
  };

  const renderable = !registry.selftestIds.includes(composition.id);
  return (
    <div className="studio">
      <header className="topbar">
        <span className="brand">LTP studio</span>
        <label>
          composition{' '}
          <select data-testid="composition-picker" value={composition.id} onChange={(e) => onPick(e.target.value)}>
            {listed.map((c) => (
              <option key={c.id} value={c.id}>
                {c.id} ({c.width}x{c.height}, {(c.durationInFrames / c.fps).toFixed(1)} s)
              </option>
            ))}
          </select>
        </label>
        <span className="description">{composition.description}</span>
        <label>
          zoom{' '}
          <select
            value={String(zoom)}
            onChange={(e) => setZoom(e.target.value === 'fit' ? 'fit' : Number(e.target.value))}
          >
            <option value="fit">fit</option>
            <option value="0.25">25%</option>
            <option value="0.5">50%</option>
            <option value="1">100%</option>
          </select>
        </label>
      </header>
      <main className="workspace">
        <div className="stage" data-testid="stage">
          <ScaledFrame
            key={resetKey}
            composition={composition}
            frame={frame}
            onError={onError}
            resetKey={resetKey}
            scale={zoom}
            style={{ width: '100%', height: '100%' }}
          />
        </div>
        <aside className="side">
          <ErrorPanel
            errors={errors}
            loadErrors={mergeLoadErrors(registry.loadErrors, hotErrors)}
            onGoTo={(f) => playback.seek(f)}
            onDismiss={() => setErrors([])}
          />
          <RenderPanel compositionId={composition.id} range={range} renderable={renderable} />
          <section className="keys">
            <strong>Keys</strong>
            <div>space play/pause · ←/→ 1 frame · shift+←/→ 1 s · home/end</div>
            <div>J/K/L back/pause/forward (again: faster) · I/O range in/out · X clear</div>
          </section>
        </aside>
      </main>
      <div className="transport">
        <button
          type="button"
          data-testid="play-toggle"
          onClick={playback.toggle}
          aria-label={playing ? 'Pause' : 'Play'}
        >
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
          {scene ? scene.id : timeline ? '(between scenes)' : '—'}
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
        <span className={`readout audio-${playback.audioStatus}`} data-testid="audio-status" title={peaksError ?? ''}>
          sound: {playback.audioStatus}
        </span>
      </div>
      <Timeline
        fps={fps}
        durationInFrames={durationInFrames}
        frame={clampFrame(frame, durationInFrames)}
        timeline={timeline}
        peaks={peaks}
        peaksNote={peaksError}
        range={range}
        onSeek={playback.seek}
        onScrub={onScrub}
      />
    </div>
  );
}

/** Load errors from the registry and from hot updates, one per module. */
function mergeLoadErrors(a: readonly ModuleLoadError[], b: readonly ModuleLoadError[]): ModuleLoadError[] {
  const byModule = new Map<string, ModuleLoadError>();
  for (const e of [...a, ...b]) if (!byModule.has(e.module)) byModule.set(e.module, e);
  return [...byModule.values()];
}
