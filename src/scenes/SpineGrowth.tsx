import { Panel } from '../components/Panel';
import { SceneTitle } from '../components/SceneTitle';
import { SpineVolume } from '../components/ReceptorCount';
import { FepspCompare } from '../components/FepspCompare';
import { fadeInAt, useExplainer, useSceneMoment, useSceneSpan, useStageMoment } from '../components/explainerContext';
import { BaselineOutline } from '../components/BaselineOutline';
import { headRadiusUnits } from '../components/synapseGeometry';

/**
 * 6 · Spine growth (600x, pinned on "grows"): the head's volume
 * (spineHeadVolumeUm3) drives its radius; the same test pulse's field EPSP
 * (fepspPercent) is compared with baseline from "bigger response" on.
 */
export function SpineGrowth() {
  const { data } = useExplainer();
  const m = useSceneMoment('spine-growth');
  const span = useSceneSpan('spine-growth');
  const baseline = data.trace.sample(data.trace.protocol.presynapticSpikeTimesMs[0] ?? 0);
  const stage = useStageMoment();
  const biggerAt = span.bookmarkFrames['bigger-response'] ?? span.startFrame + span.durationFrames / 2;
  return (
    <>
      <BaselineOutline shot={stage.shot} baselineRadius={headRadiusUnits(baseline.spineHeadVolumeUm3)} label="before" />
      <SceneTitle kicker="6 · Spine growth" title="A bigger, stronger synapse" tMs={m.tMs} factor={m.clock.factor} />
      <Panel>
        <SpineVolume volumeUm3={m.state.spineHeadVolumeUm3} baselineUm3={baseline.spineHeadVolumeUm3} />
        <FepspCompare
          afterPercent={m.state.fepspPercent}
          showAfter={fadeInAt(m.frame, biggerAt - 30, 20) * 0.6 + fadeInAt(m.frame, biggerAt, 8) * 0.4}
          label="now"
        />
      </Panel>
    </>
  );
}
