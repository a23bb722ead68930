import { Panel } from '../components/Panel';
import { SceneTitle } from '../components/SceneTitle';
import { StageLabels } from '../components/StageLabels';
import { VmMeter } from '../components/VmMeter';
import { LiveTrace } from '../components/LiveTrace';
import { useExplainer, useSceneMoment, useSceneSpan, useStageMoment } from '../components/explainerContext';
import { headRadiusUnits, mgIonPosition, mgOutOfPore, NMDA_SLOTS, onHead } from '../components/synapseGeometry';
import { palette } from '../components/palette';
import { mgExpulsionLook } from './MgExpulsion.look';

/**
 * 2 · Mg2+ expulsion (1/100 speed, pinned on "pops out"): close on the NMDA
 * receptors; each Mg2+ ion sits in its pore until the spine depolarises
 * (vmMv) and the Jahr-Stevens unblocked fraction (mgUnblockedFraction)
 * passes that pore's threshold: the framed pore's at −40 mV (half-way out
 * exactly then), the others 10 mV apart (see mgOutOfPore).
 */
export function MgExpulsion() {
  const { data, layout } = useExplainer();
  const m = useSceneMoment('mg-expulsion');
  const span = useSceneSpan('mg-expulsion');
  const stage = useStageMoment();
  const look = mgExpulsionLook.useLook();
  const r = headRadiusUnits(stage.state.spineHeadVolumeUm3);
  const hero = NMDA_SLOTS[0]!;
  const out = mgOutOfPore(stage.state.mgUnblockedFraction, 0, data.trace.conditions.mgOutMilliM);
  return (
    <>
      <StageLabels
        shot={stage.shot}
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
      <SceneTitle kicker={look.kicker} title={look.title} tMs={m.tMs} factor={m.clock.factor} />
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
