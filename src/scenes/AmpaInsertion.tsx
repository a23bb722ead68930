import { Panel } from '../components/Panel';
import { SceneTitle, titleBlockRect } from '../components/SceneTitle';
import { StageLabels } from '../components/StageLabels';
import { ReceptorCount } from '../components/ReceptorCount';
import { useExplainer, useSceneMoment, useStageMoment } from '../components/explainerContext';
import { AMPA_SLOTS_POLAR, headRadiusUnits, onHead } from '../components/synapseGeometry';
import { palette } from '../components/palette';
import { ampaInsertionLook } from './AmpaInsertion.look';
import { baselineState } from '../story/filmQuantities';

/**
 * 5 · AMPA receptors (6x, pinned on "traps" where the count reaches half its rise after the first
 * train): top view of the PSD; the receptor count (ampaReceptorCount) fills the PSD from the centre
 * to the rim. No S831 percentage: the model's S831 variable is a conductance factor, and measured
 * S831 stoichiometry is under 1 % (Hosokawa et al. 2015 Neuron 85:60).
 */
export function AmpaInsertion() {
  const { data, layout } = useExplainer();
  const m = useSceneMoment('ampa-insertion');
  const stage = useStageMoment();
  const look = ampaInsertionLook.useLook();
  const r = headRadiusUnits(stage.state.spineHeadVolumeUm3);
  const baseline = baselineState(data.trace).ampaReceptorCount;
  const rimSlot =
    AMPA_SLOTS_POLAR[
      Math.max(0, Math.min(AMPA_SLOTS_POLAR.length - 1, Math.floor(stage.state.ampaReceptorCount) - 1))
    ]!;
  return (
    <>
      <StageLabels
        shot={stage.shot}
        keepOut={[titleBlockRect(layout, look.title, m.tMs !== null)]}
        labels={[
          {
            text: look.receptorLabel,
            at: onHead(r, rimSlot.theta, rimSlot.phi, 0.2),
            dx: layout.kind === 'portrait' ? 80 : -160,
            dy: 150,
            color: palette[look.receptorColour],
          },
        ]}
      />
      <SceneTitle kicker={look.kicker} title={look.title} tMs={m.tMs} factor={m.clock.factor} replay={m.replay} />
      <Panel>
        <ReceptorCount count={m.state.ampaReceptorCount} baselineCount={baseline} />
      </Panel>
    </>
  );
}
