import { Panel } from '../components/Panel';
import { SceneTitle } from '../components/SceneTitle';
import { CaReadout } from '../components/CaReadout';
import { CamkiiHoloenzyme } from '../components/CamkiiHoloenzyme';
import { useExplainer, useSceneMoment, useStageMoment } from '../components/explainerContext';
import { StageLabels } from '../components/StageLabels';
import { headRadiusUnits, holoenzymeCentre } from '../components/synapseGeometry';
import { palette } from '../components/palette';

/**
 * 4 · CaMKII lock-in (real time, pinned on "locked"): one holoenzyme's 12
 * subunits light as they are T286-phosphorylated (round(12 x
 * camkiiPT286Fraction)); Ca2+/CaM rings from camkiiCaMBoundFraction; the Ca2+
 * readout shows the calcium falling while the subunits stay lit.
 */
export function CamkiiLockIn() {
  const { layout } = useExplainer();
  const m = useSceneMoment('camkii-lock-in');
  const stage = useStageMoment();
  const r = headRadiusUnits(stage.state.spineHeadVolumeUm3);
  return (
    <>
      <StageLabels
        shot={stage.shot}
        labels={[
          {
            text: 'CaMKII',
            at: holoenzymeCentre(0, r, stage.state.camkiiActiveFraction),
            dx: 200,
            dy: 120,
            color: palette.camkiiLit,
          },
        ]}
      />
      <SceneTitle kicker="4 · CaMKII lock-in" title="A molecular memory switch" tMs={m.tMs} factor={m.clock.factor} />
      <Panel>
        <CamkiiHoloenzyme
          pT286Fraction={m.state.camkiiPT286Fraction}
          camBoundFraction={m.state.camkiiCaMBoundFraction}
          size={layout.kind === 'square' ? 150 : 220}
        />
        <CaReadout spineCaMicroM={m.state.spineCaMicroM} spineHeadVolumeUm3={m.state.spineHeadVolumeUm3} />
      </Panel>
    </>
  );
}
