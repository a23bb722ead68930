import '@fontsource/inter/400.css';
import '@fontsource/inter/600.css';
import '@fontsource/inter/700.css';
import '@fontsource/inter/800.css';
import '@fontsource/jetbrains-mono/400.css';
import '@fontsource/jetbrains-mono/700.css';
import { useContext, useMemo } from 'react';
import { defineComposition, Sequence, useAbsoluteFrame, useVideoConfig } from '../engine';
import { explainerMetas } from './explainerMeta';
import { loadExplainerData } from '../story/explainerData';
import { ExplainerContext } from '../components/explainerContext';
import { layoutFor } from '../components/layout';
import { SynapseStage, stageCoversFrame } from '../components/SynapseStage';
import { backdropCss, backdropFor } from '../components/backdrop';
import { stageMomentAt } from '../components/stageMoment';
import { overlayOpacity, overlayWindow, stageDip } from '../components/crossFade';
import { palette } from '../components/palette';
import { SCENE_COMPONENTS } from '../scenes';
import { sceneStageLooks } from '../scenes/looks';
import { LookPreviewContext } from '../components/sceneLook';
import { Captions } from '../components/Captions';

export interface ExplainerProps {
  /** Burn the captions in (default true); the article-page player turns them off and shows its own track. */
  showCaptions?: boolean;
  /**
   * Drawing-buffer pixel ratio of the 3D stage (default STAGE_PIXEL_RATIO). 2 with
   * `stageAntialias` is the supersampled reference of `npm run check:edges` and the
   * stage of `npm run still -- --scale 2`.
   */
  stagePixelRatio?: number;
  /** Multisample the stage (default STAGE_ANTIALIAS). */
  stageAntialias?: boolean;
  /** Mount the stage's contents afresh on every frame, in the same canvas, as the studio's hot reload does (memory test). */
  remountStageEachFrame?: boolean;
}

/**
 * Drawing-buffer pixel ratio of the 3D stage in every cut: full resolution.
 * At 0.5 the browser's upscale blurred every molecule (38.5 dB against the
 * supersampled stage in `npm run check:edges`); at 1, with the stage's own
 * edge treatment (soft membrane silhouettes, one-pixel coverage ramps on the
 * impostor molecules, far-to-near sorting), every checked frame is above
 * 51 dB, and multisampling adds nothing measurable, so it stays off.
 * A power of two keeps frames identical in every filmstrip tile (filmstrip.ts).
 */
const STAGE_PIXEL_RATIO = 1;
/** Multisampling of the stage in every cut (no gain measured; see STAGE_PIXEL_RATIO). */
const STAGE_ANTIALIAS = false;

/**
 * The LTP explainer: a shared 3D synapse stage, the eight scene overlays
 * placed on the narration timeline with cross-fades, and burned-in captions.
 * The same component draws all three cuts; the layout re-flows by frame size.
 */
export function Explainer({
  showCaptions = true,
  stagePixelRatio = STAGE_PIXEL_RATIO,
  stageAntialias = STAGE_ANTIALIAS,
  remountStageEachFrame = false,
}: ExplainerProps) {
  const { width, height } = useVideoConfig();
  const frame = useAbsoluteFrame();
  const data = useMemo(() => loadExplainerData(), []);
  const layout = useMemo(() => layoutFor(width, height), [width, height]);
  // The scenes' looks frame the shared camera and time their overlays' fades; the studio previews them live.
  const previews = useContext(LookPreviewContext);
  const stageLooks = useMemo(() => sceneStageLooks(previews), [previews]);
  const context = useMemo(() => ({ data, layout, framings: stageLooks.framings }), [data, layout, stageLooks]);
  const stage = stageMomentAt(data, frame, stageLooks.framings);
  const dip = stageDip(data.timeline, frame);
  const ampaBaselineCount = useMemo(
    () => data.trace.sample(data.trace.protocol.presynapticSpikeTimesMs[0] ?? 0).ampaReceptorCount,
    [data],
  );
  return (
    <ExplainerContext.Provider value={context}>
      {/* Where the stage covers the frame it paints this glow itself (an opaque canvas is cheaper to composite). */}
      {!stageCoversFrame(layout) && (
        <div style={{ position: 'absolute', inset: 0, background: backdropCss(backdropFor(width, height)) }} />
      )}
      <SynapseStage
        state={stage.state}
        frame={frame}
        ampaBaselineCount={ampaBaselineCount}
        spikeTimesMs={data.trace.protocol.presynapticSpikeTimesMs}
        mgOutMilliM={data.trace.conditions.mgOutMilliM}
        shot={stage.shot}
        boutonOpacity={stage.shot.boutonOpacity}
        layout={layout}
        pixelRatio={stagePixelRatio}
        antialias={stageAntialias}
        contentKey={remountStageEachFrame ? frame : undefined}
      />
      {dip > 0 && <div style={{ position: 'absolute', inset: 0, background: palette.background, opacity: dip }} />}
      {data.timeline.scenes.map((span, i) => {
        const Scene = SCENE_COMPONENTS[span.id];
        const w = overlayWindow(data.timeline, i);
        return (
          <Sequence
            key={span.id}
            name={span.id}
            from={w.from}
            durationInFrames={w.durationFrames}
            style={{
              opacity: overlayOpacity(
                data.timeline,
                i,
                frame,
                stageLooks.overlayFades[span.id].inFrames,
                stageLooks.overlayFades[span.id].outFrames,
              ),
            }}
          >
            <Scene />
          </Sequence>
        );
      })}
      {showCaptions && <Captions captions={data.timeline} />}
    </ExplainerContext.Provider>
  );
}

export const explainerCompositions = explainerMetas.map((meta) =>
  defineComposition<ExplainerProps>({ ...meta, component: Explainer, defaultProps: { showCaptions: true } }),
);
