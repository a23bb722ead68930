import { Panel } from '../components/Panel';
import { SceneTitle } from '../components/SceneTitle';
import { SpineVolume } from '../components/ReceptorCount';
import { FepspCompare } from '../components/FepspCompare';
import { fadeInAt, useExplainer, useSceneMoment, useSceneSpan, useStageMoment } from '../components/explainerContext';
import { BaselineOutline } from '../components/BaselineOutline';
import { headRadiusUnits } from '../components/synapseGeometry';
import { baselineState, spinePanelTimeMs } from '../story/filmQuantities';
import { spineGrowthLook } from './SpineGrowth.look';

/**
 * 6 · Spine growth (30x, continuing the AMPA scene's clock over the minutes after the first train):
 * the head's volume (spineHeadVolumeUm3) drives its radius; the same test pulse's response now is
 * labelled as including the short-term boost (post-tetanic potentiation, transient growth). From
 * "lasts" on, the panel shows what lasts: the values 1 h after the last train (lastingTimeMs).
 */
export function SpineGrowth() {
  const { data } = useExplainer();
  const m = useSceneMoment('spine-growth');
  const span = useSceneSpan('spine-growth');
  const baseline = baselineState(data.trace);
  const stage = useStageMoment();
  const look = spineGrowthLook.useLook();
  const lastsAt = span.bookmarkFrames['lasts'] ?? span.startFrame + span.durationFrames / 2;
  const lasting = m.frame >= lastsAt - look.lastingFadeFrames;
  const shownMs = spinePanelTimeMs(m.frame, lastsAt, m.tMs, data.trace);
  const shown = data.trace.sample(shownMs);
  return (
    <>
      <BaselineOutline
        shot={stage.shot}
        baselineRadius={headRadiusUnits(baseline.spineHeadVolumeUm3)}
        label={look.outlineLabel}
      />
      <SceneTitle kicker={look.kicker} title={look.title} tMs={m.tMs} factor={m.clock.factor} replay={m.replay} />
      <Panel>
        <SpineVolume
          volumeUm3={shown.spineHeadVolumeUm3}
          baselineUm3={baseline.spineHeadVolumeUm3}
          when={lasting ? look.lastingLabel : 'now'}
        />
        <FepspCompare
          trace={data.trace}
          beforeMs={baseline.tMs}
          afterMs={shownMs}
          showAfter={lasting ? fadeInAt(m.frame, lastsAt - look.lastingFadeFrames, look.lastingFadeFrames) : 1}
          label={lasting ? look.lastingLabel : look.nowLabel}
        />
      </Panel>
    </>
  );
}
