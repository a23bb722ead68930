import { Panel } from '../components/Panel';
import { SceneTitle } from '../components/SceneTitle';
import { StageLabels } from '../components/StageLabels';
import { ReceptorCount } from '../components/ReceptorCount';
import { Card, BigValue } from '../components/Card';
import { useExplainer, useSceneMoment, useStageMoment } from '../components/explainerContext';
import { AMPA_SLOTS_POLAR, headRadiusUnits, onHead } from '../components/synapseGeometry';
import { fonts, palette, typeScale } from '../components/palette';

/**
 * 5 · AMPA insertion (60x, pinned on "inserts"): top view of the PSD; the
 * receptor count (ampaReceptorCount) fills the PSD from the centre to the rim,
 * new ones rising into the membrane; GluA1 S831 phosphorylation
 * (gluA1S831Fraction) alongside.
 */
export function AmpaInsertion() {
  const { data, layout } = useExplainer();
  const m = useSceneMoment('ampa-insertion');
  const stage = useStageMoment();
  const r = headRadiusUnits(stage.state.spineHeadVolumeUm3);
  const baseline = data.trace.sample(data.trace.protocol.presynapticSpikeTimesMs[0] ?? 0).ampaReceptorCount;
  const rimSlot =
    AMPA_SLOTS_POLAR[
      Math.max(0, Math.min(AMPA_SLOTS_POLAR.length - 1, Math.floor(stage.state.ampaReceptorCount) - 1))
    ]!;
  return (
    <>
      <StageLabels
        shot={stage.shot}
        labels={[
          {
            text: 'newest AMPA receptor',
            at: onHead(r, rimSlot.theta, rimSlot.phi, 0.2),
            dx: layout.kind === 'portrait' ? 80 : -160,
            dy: 150,
            color: palette.ampa,
          },
        ]}
      />
      <SceneTitle
        kicker="5 · AMPA receptor insertion"
        title="More receptors face the cleft"
        tMs={m.tMs}
        factor={m.clock.factor}
      />
      <Panel>
        <ReceptorCount count={m.state.ampaReceptorCount} baselineCount={baseline} />
        <Card heading="GluA1 phosphorylated at S831" accent={palette.camkiiLit}>
          <BigValue value={`${Math.round(m.state.gluA1S831Fraction * 100)}`} unit="%" color={palette.camkiiLit} />
          <div style={{ fontSize: typeScale.small, color: palette.textMuted, fontFamily: fonts.sans }}>
            by active CaMKII
          </div>
        </Card>
      </Panel>
    </>
  );
}
