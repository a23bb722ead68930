import { useLayoutEffect, useMemo, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { frameToTimecode, type FrameRange } from '../../player/frameMath';
import { bookmarkMarkers, captionCues, type BookmarkMarker, type StudioTimeline } from './studioTimeline';
import type { PeaksData } from './useWaveformPeaks';
import { wordNearFrame, type TimelineWord } from './wordAnchor';

export interface TimelineProps {
  fps: number;
  durationInFrames: number;
  frame: number;
  timeline: StudioTimeline | null;
  peaks: PeaksData | null;
  /** Why there is no waveform (shown in its lane). */
  peaksNote: string | null;
  range: FrameRange | null;
  onSeek(frame: number): void;
  /** Called when a drag on the playhead starts and ends (the app pauses while scrubbing). */
  onScrub?(active: boolean): void;
  /** A bookmark marker was dropped on word `wordIndex` of its scene (absent: markers only click to jump). */
  onMoveBookmark?(sceneId: string, name: string, wordIndex: number): void;
}

/**
 * The studio timeline: a time ruler, the scenes as named blocks (click one to
 * jump to its start), the caption cues, the narration waveform and bookmark
 * markers, with a playhead you drag to scrub. Everything is placed by
 * frame / durationInFrames, so it stretches with the window.
 */
export function Timeline({
  fps,
  durationInFrames,
  frame,
  timeline,
  peaks,
  peaksNote,
  range,
  onSeek,
  onScrub,
  onMoveBookmark,
}: TimelineProps) {
  const trackRef = useRef<HTMLDivElement | null>(null);
  const dragging = useRef(false);
  // A bookmark marker being dragged: where it started, and the word under the pointer now.
  const [bookmarkDrag, setBookmarkDrag] = useState<{
    marker: BookmarkMarker;
    startX: number;
    moved: boolean;
    word: TimelineWord | null;
  } | null>(null);
  const pct = (f: number) => `${(Math.max(0, Math.min(durationInFrames, f)) / durationInFrames) * 100}%`;
  const cues = useMemo(() => (timeline ? captionCues(timeline) : []), [timeline]);
  const bookmarks = useMemo(() => (timeline ? bookmarkMarkers(timeline) : []), [timeline]);

  const frameAt = (clientX: number): number => {
    const rect = trackRef.current?.getBoundingClientRect();
    if (!rect || rect.width <= 0) return frame;
    const fraction = (clientX - rect.left) / rect.width;
    return Math.max(0, Math.min(durationInFrames - 1, Math.floor(fraction * durationInFrames)));
  };

  const onPointerDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    dragging.current = true;
    e.currentTarget.setPointerCapture(e.pointerId);
    onScrub?.(true);
    onSeek(frameAt(e.clientX));
  };
  const onPointerMove = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (dragging.current) onSeek(frameAt(e.clientX));
  };
  const endDrag = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (!dragging.current) return;
    dragging.current = false;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
    onScrub?.(false);
  };

  const ticks = useMemo(() => rulerTicks(durationInFrames, fps), [durationInFrames, fps]);

  return (
    <div className="timeline" data-testid="timeline">
      <div className="timeline-labels">
        <div className="lane-label ruler-lane">time</div>
        <div className="lane-label scene-lane">scenes</div>
        <div className="lane-label cue-lane">captions</div>
        <div className="lane-label wave-lane">voice</div>
      </div>
      <div
        className="timeline-track"
        ref={trackRef}
        data-testid="timeline-track"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={endDrag}
        onPointerCancel={endDrag}
      >
        {range && (
          <div
            className="range"
            style={{ left: pct(range.from), width: pct(range.to - range.from + 1) }}
            title={`render range ${range.from}-${range.to}`}
          />
        )}
        <div className="lane ruler-lane" data-testid="timeline-ruler">
          {ticks.map((t) => (
            <div key={t.frame} className={t.major ? 'tick major' : 'tick'} style={{ left: pct(t.frame) }}>
              {t.major && <span>{t.label}</span>}
            </div>
          ))}
        </div>
        <div className="lane scene-lane">
          {timeline ? (
            timeline.scenes.map((s, i) => (
              <button
                key={s.id}
                type="button"
                className={`scene-block ${frame >= s.startFrame && frame < s.startFrame + s.durationFrames ? 'current' : ''}`}
                data-scene-id={s.id}
                style={{
                  left: pct(s.startFrame),
                  width: pct(s.durationFrames),
                  ['--hue' as string]: String((i * 47 + 200) % 360),
                }}
                title={`${s.id}: frames ${s.startFrame}-${s.startFrame + s.durationFrames - 1} (click to jump)`}
                onPointerDown={(e) => e.stopPropagation()}
                onClick={() => onSeek(s.startFrame)}
              >
                {s.id}
              </button>
            ))
          ) : (
            <span className="lane-note">no narration timeline for this composition</span>
          )}
          {bookmarks.map((b) => (
            <button
              key={`${b.sceneId}:${b.name}`}
              type="button"
              className={bookmarkDrag?.marker === b ? 'bookmark dragging' : 'bookmark'}
              data-bookmark={b.name}
              style={{
                left: pct(bookmarkDrag?.marker === b && bookmarkDrag.word ? bookmarkDrag.word.startFrame : b.frame),
              }}
              title={`bookmark "${b.name}" (${b.sceneId}) at frame ${b.frame}: click to jump, drag onto a word to move the cue`}
              onPointerDown={(e) => {
                e.stopPropagation();
                if (e.button !== 0) return;
                e.currentTarget.setPointerCapture(e.pointerId);
                setBookmarkDrag({ marker: b, startX: e.clientX, moved: false, word: null });
              }}
              onPointerMove={(e) => {
                if (!bookmarkDrag || bookmarkDrag.marker !== b || !timeline) return;
                const moved = bookmarkDrag.moved || Math.abs(e.clientX - bookmarkDrag.startX) > 4;
                const word = moved ? wordNearFrame(timeline, b.sceneId, frameAt(e.clientX)) : null;
                setBookmarkDrag({ ...bookmarkDrag, moved, word });
              }}
              onPointerUp={(e) => {
                if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
                const drag = bookmarkDrag;
                setBookmarkDrag(null);
                if (!drag || drag.marker !== b) return;
                if (!drag.moved) onSeek(b.frame);
                else if (drag.word && drag.word.startFrame !== b.frame)
                  onMoveBookmark?.(b.sceneId, b.name, drag.word.index);
              }}
              onPointerCancel={() => setBookmarkDrag(null)}
            />
          ))}
          {bookmarkDrag?.word && (
            <span
              className="bookmark-target"
              data-testid="bookmark-target"
              style={{ left: pct(bookmarkDrag.word.startFrame) }}
            >
              {bookmarkDrag.marker.name} → “{bookmarkDrag.word.text}”
            </span>
          )}
        </div>
        <div className="lane cue-lane">
          {cues.map((c, i) => (
            <div
              key={i}
              className="cue"
              style={{ left: pct(c.startFrame), width: pct(c.endFrame - c.startFrame) }}
              title={`${c.text} (${frameToTimecode(c.startFrame, fps)})`}
            >
              {c.text}
            </div>
          ))}
        </div>
        <div className="lane wave-lane">
          {peaks ? (
            <Waveform peaks={peaks} fps={fps} durationInFrames={durationInFrames} />
          ) : (
            <span className="lane-note">{peaksNote ?? 'no narration audio'}</span>
          )}
        </div>
        {bookmarks.map((b) => (
          <div key={`line:${b.sceneId}:${b.name}`} className="bookmark-line" style={{ left: pct(b.frame) }} />
        ))}
        <div className="playhead" data-testid="playhead" style={{ left: pct(frame) }} />
      </div>
    </div>
  );
}

/** Ruler ticks: one a second (a label every 5 s), or every 10 s on long compositions. */
function rulerTicks(durationInFrames: number, fps: number): { frame: number; major: boolean; label: string }[] {
  const seconds = durationInFrames / fps;
  const step = seconds > 180 ? 10 : 1;
  const majorEvery = seconds > 180 ? 60 : 5;
  const ticks = [];
  for (let s = 0; s <= seconds; s += step) {
    ticks.push({ frame: Math.round(s * fps), major: s % majorEvery === 0, label: `${s}s` });
  }
  return ticks;
}

/** The narration's min/max envelope on a canvas the width of the track. */
function Waveform({ peaks, fps, durationInFrames }: { peaks: PeaksData; fps: number; durationInFrames: number }) {
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });

  useLayoutEffect(() => {
    const el = canvasRef.current?.parentElement;
    if (!el) return;
    const measure = () => setSize({ width: el.clientWidth, height: el.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || size.width === 0) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(size.width * dpr);
    canvas.height = Math.round(size.height * dpr);
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.scale(dpr, dpr);
    ctx.clearRect(0, 0, size.width, size.height);
    const buckets = peaks.minMax.length / 2;
    const videoSec = durationInFrames / fps;
    const mid = size.height / 2;
    ctx.fillStyle = '#6fc3ff';
    for (let i = 0; i < buckets; i++) {
      const t = (i / buckets) * peaks.durationSec;
      const x = (t / videoSec) * size.width;
      const w = Math.max(1, (peaks.durationSec / buckets / videoSec) * size.width);
      const lo = peaks.minMax[2 * i] ?? 0;
      const hi = peaks.minMax[2 * i + 1] ?? 0;
      ctx.fillRect(x, mid - hi * mid, w, Math.max(1, (hi - lo) * mid));
    }
  }, [peaks, size, fps, durationInFrames]);

  return (
    <canvas
      ref={canvasRef}
      data-testid="waveform"
      style={{ width: size.width, height: size.height, display: 'block' }}
    />
  );
}
