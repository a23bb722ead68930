import { Panel } from '../components/Panel';
import { SceneTitle } from '../components/SceneTitle';
import { StageLabels } from '../components/StageLabels';
import { VmMeter } from '../components/VmMeter';
import { LiveTrace } from '../components/LiveTrace';
import { useExplainer, useSceneMoment, useSceneSpan, useStageMoment } from '../components/explainerContext';
import { headRadiusUnits, mgIonPosition, mgOutOfPore, NMDA_SLOTS, onHead } from '../components/synapseGeometry';
import { palette } from '../components/palette';
import { SCREEN_TEXT } from '../story/screenText';
import { MG } from '../components/units';

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
  const out = mgOutOfPore(stage.state.mgUnblockedFraction, 0, data.trace.conditions.mgOutMilliM);
  return (
    <>
      <StageLabels
        shot={stage.shot}
        labels={[
          { text: 'NMDA receptor', at: onHead(r, hero.theta, hero.phi, 0.3), dx: -200, dy: 150, color: palette.nmda },
          { text: `${MG} ion`, at: mgIonPosition(r, 0, out), dx: 170, dy: -120, color: palette.magnesium },
        ]}
      />
      <SceneTitle
        kicker={SCREEN_TEXT['mg-expulsion'].kicker}
        title={SCREEN_TEXT['mg-expulsion'].title}
        tMs={m.tMs}
        factor={m.clock.factor}
        replay={m.replay}
      />
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
