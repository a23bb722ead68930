import { useEffect, useMemo, useRef, useState } from 'react';
import { LookPreviewContext } from '../../components/sceneLook';
import { ScaledFrame, usePlayback, clampFrame, type FrameRange, type PlayableComposition } from '../../player';
import { moveBookmark } from '../shared/scriptEdit';
import { ErrorPanel } from './ErrorPanel';
import { LookPanel } from './LookPanel';
import { NarrationPanel } from './NarrationPanel';
import type { StudioRegistry } from './registryStore';
import { RenderPanel } from './RenderPanel';
import { sceneAtFrame, type StudioTimeline } from './studioTimeline';
import type { StudioUrlState } from './studioUrl';
import { Timeline } from './Timeline';
import { TopBar } from './TopBar';
import { TransportBar } from './TransportBar';
import { useNarration } from './useNarration';
import { mergeLoadErrors, useStudioErrors } from './useStudioErrors';
import { useStudioKeys } from './useStudioKeys';
import { useUrlSync } from './useUrlSync';
import { useWaveformPeaks } from './useWaveformPeaks';
import { anchorAtFrame, frameOfAnchor, type WordAnchor } from './wordAnchor';

export interface StudioViewProps {
  registry: StudioRegistry;
  listed: readonly PlayableComposition[];
  composition: PlayableComposition;
  initialFrame: number;
  initialRange: FrameRange | null;
  url: StudioUrlState;
  onPick(id: string): void;
}

/** One composition in the studio: stage, transport, timeline and the side panels. */
export function StudioView({
  registry,
  listed,
  composition,
  initialFrame,
  initialRange,
  url,
  onPick,
}: StudioViewProps) {
  const { fps, durationInFrames } = composition;
  const timeline = registry.timelineFor(composition.id);
  const [range, setRange] = useState<FrameRange | null>(initialRange);
  const [zoom, setZoom] = useState<'fit' | number>(url.zoom);

  const audioPath = registry.audioFor(composition.id);
  const { peaks, version: audioVersion, error: peaksError } = useWaveformPeaks(audioPath);
  const audioSrc = audioPath && peaks ? `${audioPath}?v=${audioVersion}` : null;
  const playback = usePlayback({ fps, durationInFrames, audioSrc, initialFrame, range });
  const { frame, playing } = playback;
  const scene = sceneAtFrame(timeline, frame);

  const { errors, hotErrors, resetKey, onError, dismiss } = useStudioErrors(timeline, registry.version);
  const onScrub = useStudioKeys(playback, fps, durationInFrames, setRange);
  useUrlSync({ ...url, compositionId: composition.id, frame, range, zoom }, playing);

  // Narration edits: the playhead stays on the same words when new timings arrive.
  const narration = useNarration();
  // The playhead's word when a save started, and the timeline it was taken on: it is applied to the first
  // different timeline that arrives (the hot update of the new timings may come before or after the answer).
  const anchor = useRef<{ at: WordAnchor; on: StudioTimeline } | null>(null);
  const voice = async (run: () => Promise<boolean>) => {
    const at = timeline ? anchorAtFrame(timeline, frame) : null;
    anchor.current = at && timeline ? { at, on: timeline } : null;
    if (!(await run())) anchor.current = null;
  };
  const { seek } = playback;
  useEffect(() => {
    const pending = anchor.current;
    if (!pending || !timeline || timeline === pending.on || narration.busy) return;
    const f = frameOfAnchor(timeline, pending.at);
    if (f !== null) seek(f);
    anchor.current = null;
  }, [timeline, narration.busy, seek]);
  const [bookmarkError, setBookmarkError] = useState<string | null>(null);
  const onMoveBookmark = (sceneId: string, name: string, wordIndex: number) => {
    const saved = narration.saved;
    if (!saved) return;
    let text: string;
    try {
      text = moveBookmark(saved.text, sceneId, name, wordIndex);
    } catch (e) {
      setBookmarkError((e as Error).message);
      return;
    }
    setBookmarkError(null);
    void voice(() => narration.save(text));
  };

  // Look edits preview live: every valid draft is drawn in place of the saved look.
  const [lookDrafts, setLookDrafts] = useState<Record<string, Record<string, unknown>>>({});
  const lookPreview = useMemo(() => {
    const out: Record<string, Record<string, unknown>> = {};
    for (const look of registry.looks) {
      const draft = lookDrafts[look.sceneId];
      const parsed = draft ? look.schema.safeParse(draft) : null;
      if (parsed?.success) out[look.sceneId] = parsed.data as Record<string, unknown>;
    }
    return out;
  }, [registry.looks, lookDrafts]);

  const renderable = !registry.selftestIds.includes(composition.id);
  return (
    <div className="studio">
      <TopBar listed={listed} composition={composition} zoom={zoom} onPick={onPick} onZoom={setZoom} />
      <main className="workspace">
        <div className="stage" data-testid="stage">
          <LookPreviewContext.Provider value={lookPreview}>
            <ScaledFrame
              key={resetKey}
              composition={composition}
              frame={frame}
              onError={onError}
              resetKey={resetKey}
              scale={zoom}
              style={{ width: '100%', height: '100%' }}
            />
          </LookPreviewContext.Provider>
        </div>
        <aside className="side">
          <ErrorPanel
            errors={errors}
            loadErrors={mergeLoadErrors(registry.loadErrors, hotErrors)}
            onGoTo={(f) => playback.seek(f)}
            onDismiss={dismiss}
          />
          <NarrationPanel narration={narration} sceneId={scene?.id ?? null} voice={voice} />
          {bookmarkError && <div className="render-error">{bookmarkError}</div>}
          <LookPanel
            looks={registry.looks}
            sceneId={scene?.id ?? null}
            drafts={lookDrafts}
            onDraft={(id, values) =>
              setLookDrafts((d) => {
                const next = { ...d };
                if (values) next[id] = values;
                else delete next[id];
                return next;
              })
            }
          />
          <RenderPanel compositionId={composition.id} range={range} renderable={renderable} />
          <section className="keys">
            <strong>Keys</strong>
            <div>space play/pause · ←/→ 1 frame · shift+←/→ 1 s · home/end</div>
            <div>J/K/L back/pause/forward (again: faster) · I/O range in/out · X clear</div>
          </section>
        </aside>
      </main>
      <TransportBar
        playback={playback}
        fps={fps}
        durationInFrames={durationInFrames}
        sceneLabel={scene ? scene.id : timeline ? '(between scenes)' : '—'}
        range={range}
        soundNote={peaksError}
      />
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
        onMoveBookmark={onMoveBookmark}
      />
    </div>
  );
}
