import { Panel } from '../components/Panel';
import { SceneTitle } from '../components/SceneTitle';
import { StageLabels } from '../components/StageLabels';
import { CaReadout } from '../components/CaReadout';
import { LiveTrace } from '../components/LiveTrace';
import { useExplainer, useSceneMoment, useSceneSpan, useStageMoment } from '../components/explainerContext';
import { headRadiusUnits, onHead } from '../components/synapseGeometry';
import { palette } from '../components/palette';
import { CA } from '../components/units';

/**
 * 3 · Ca2+ surge (1/10 speed, pinned on "floods"): free spine Ca2+
 * (spineCaMicroM) colours the spine head on a log Plasma scale and fills it
 * with the real number of free ions (c x V x N_A, with spineHeadVolumeUm3).
 */
export function CalciumSurge() {
  const { data } = useExplainer();
  const m = useSceneMoment('calcium-surge');
  const span = useSceneSpan('calcium-surge');
  const stage = useStageMoment();
  const r = headRadiusUnits(stage.state.spineHeadVolumeUm3);
  return (
    <>
      <StageLabels
        shot={stage.shot}
        labels={[
          { text: `${CA} ions`, at: [r * 0.45, -r * 0.3, r * 0.5], dx: -230, dy: 140, color: palette.calcium },
          { text: 'NMDA receptors', at: onHead(r, 0.36, 1.97, 0.3), dx: 190, dy: -80, color: palette.nmda },
        ]}
      />
      <SceneTitle kicker={`3 · ${CA} surge`} title="Calcium floods the spine" tMs={m.tMs} factor={m.clock.factor} />
      <Panel>
        <CaReadout spineCaMicroM={m.state.spineCaMicroM} spineHeadVolumeUm3={m.state.spineHeadVolumeUm3} />
        <LiveTrace
          trace={data.trace}
          fromMs={m.clock.physicalMs(span.startFrame)}
          toMs={m.clock.physicalMs(span.startFrame + span.durationFrames)}
          nowMs={m.tMs}
        />
      </Panel>
    </>
  );
}
