import { Panel } from '../components/Panel';
import { SceneTitle, titleBlockRect } from '../components/SceneTitle';
import { StageLabels } from '../components/StageLabels';
import { CaReadout } from '../components/CaReadout';
import { LiveTrace } from '../components/LiveTrace';
import { useExplainer, useSceneMoment, useSceneSpan, useStageMoment } from '../components/explainerContext';
import { headRadiusUnits, onHead } from '../components/synapseGeometry';
import { palette } from '../components/palette';
import { MICRO_M } from '../components/units';
import { useMemo } from 'react';
import { calciumSurgeLook } from './CalciumSurge.look';
import { firstTrainTimeAboveMs, restCaMicroM } from '../story/filmQuantities';

/**
 * 3 · Ca2+ surge (1/4 speed, continuing the Mg2+ scene's clock through the rest of the first
 * train): free spine Ca2+ (spineCaMicroM) colours the spine head on a log Plasma scale and fills it
 * with the real number of free ions (c x V x N_A); the readout marks the resting level and says how
 * long Ca2+ stays above 1 µM in the first train (both from the trace).
 */
export function CalciumSurge() {
  const { data, layout } = useExplainer();
  const m = useSceneMoment('calcium-surge');
  const span = useSceneSpan('calcium-surge');
  const stage = useStageMoment();
  const look = calciumSurgeLook.useLook();
  const r = headRadiusUnits(stage.state.spineHeadVolumeUm3);
  const aboveS = useMemo(() => firstTrainTimeAboveMs(data.trace, 1) / 1000, [data.trace]);
  const aboveNote = `above 1 ${MICRO_M} for ${aboveS.toFixed(1)} s in train 1`;
  return (
    <>
      <StageLabels
        shot={stage.shot}
        keepOut={[titleBlockRect(layout, look.title, m.tMs !== null)]}
        labels={[
          {
            text: look.ionLabel,
            at: [r * 0.45, -r * 0.3, r * 0.5],
            dx: -230,
            dy: 140,
            color: palette[look.ionColour],
          },
          {
            text: look.receptorLabel,
            at: onHead(r, 0.36, 1.97, 0.3),
            dx: 190,
            dy: -80,
            color: palette[look.receptorColour],
          },
        ]}
      />
      <SceneTitle kicker={look.kicker} title={look.title} tMs={m.tMs} factor={m.clock.factor} replay={m.replay} />
      <Panel>
        <CaReadout
          spineCaMicroM={m.state.spineCaMicroM}
          spineHeadVolumeUm3={m.state.spineHeadVolumeUm3}
          restCaMicroM={restCaMicroM(data.trace)}
          note={aboveNote}
        />
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
