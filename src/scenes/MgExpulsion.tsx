import { Panel } from '../components/Panel';
import { SceneTitle, titleBlockRect } from '../components/SceneTitle';
import { StageLabels } from '../components/StageLabels';
import { VmMeter } from '../components/VmMeter';
import { LiveTrace } from '../components/LiveTrace';
import { useExplainer, useSceneMoment, useSceneSpan, useStageMoment } from '../components/explainerContext';
import { headRadiusUnits, mgIonPosition, mgOutOfPore, NMDA_SLOTS, onHead } from '../components/synapseGeometry';
import { palette } from '../components/palette';
import { mgExpulsionLook } from './MgExpulsion.look';

/**
 * 2 · Mg2+ expulsion (first train, pinned on "drives it out" where the Jahr-Stevens unblocked
 * fraction mgUnblockedFraction passes 0.5): close on the NMDA receptors; the meter shows Vm and the
 * graded share of pores free of Mg2+.
 */
export function MgExpulsion() {
  const { data, layout } = useExplainer();
  const m = useSceneMoment('mg-expulsion');
  const span = useSceneSpan('mg-expulsion');
  const stage = useStageMoment();
  const r = headRadiusUnits(stage.state.spineHeadVolumeUm3);
  const hero = NMDA_SLOTS[0]!;
  const look = mgExpulsionLook.useLook();
  const out = mgOutOfPore(stage.state.mgUnblockedFraction, 0, data.trace.conditions.mgOutMilliM);
  return (
    <>
      <StageLabels
        shot={stage.shot}
        keepOut={[titleBlockRect(layout, look.title, m.tMs !== null)]}
        labels={[
          {
            text: look.receptorLabel,
            at: onHead(r, hero.theta, hero.phi, 0.3),
            dx: -200,
            dy: 150,
            color: palette[look.receptorColour],
          },
          { text: look.ionLabel, at: mgIonPosition(r, 0, out), dx: 170, dy: -120, color: palette[look.ionColour] },
        ]}
      />
      <SceneTitle kicker={look.kicker} title={look.title} tMs={m.tMs} factor={m.clock.factor} replay={m.replay} />
      <Panel>
        <VmMeter vmMv={m.state.vmMv} mgUnblockedFraction={m.state.mgUnblockedFraction} />
        <LiveTrace
          trace={data.trace}
          fromMs={m.clock.physicalMs(span.startFrame)}
          toMs={m.clock.physicalMs(span.startFrame + span.durationFrames)}
          nowMs={m.tMs}
          height={layout.kind === 'portrait' ? 150 : 190}
        />
      </Panel>
    </>
  );
}
