import { Panel } from '../components/Panel';
import { SceneTitle, titleBlockRect } from '../components/SceneTitle';
import { CaReadout } from '../components/CaReadout';
import { CamkiiHoloenzyme } from '../components/CamkiiHoloenzyme';
import { useExplainer, useSceneMoment, useStageMoment } from '../components/explainerContext';
import { StageLabels } from '../components/StageLabels';
import { headRadiusUnits, holoenzymeCentre } from '../components/synapseGeometry';
import { palette } from '../components/palette';
import { camkiiLockInLook } from './CamkiiLockIn.look';
import { restCaMicroM } from '../story/filmQuantities';

/**
 * 4 · CaMKII stays active (real time, continuing the calcium scene's clock after the first train):
 * one holoenzyme's 12 subunits lit as they are T286-phosphorylated (round(12 x camkiiPT286Fraction));
 * Ca2+/CaM rings from camkiiCaMBoundFraction; the Ca2+ readout is back at rest while the subunits
 * stay lit for seconds (pT286 decays with tau ~10 s: Lee 2009, Chang 2019).
 */
export function CamkiiLockIn() {
  const { data, layout } = useExplainer();
  const m = useSceneMoment('camkii-lock-in');
  const stage = useStageMoment();
  const look = camkiiLockInLook.useLook();
  const r = headRadiusUnits(stage.state.spineHeadVolumeUm3);
  return (
    <>
      <StageLabels
        shot={stage.shot}
        keepOut={[titleBlockRect(layout, look.title, m.tMs !== null)]}
        labels={[
          {
            text: look.holoenzymeLabel,
            at: holoenzymeCentre(0, r, stage.state.camkiiActiveFraction),
            dx: 200,
            dy: 120,
            color: palette[look.holoenzymeColour],
          },
        ]}
      />
      <SceneTitle kicker={look.kicker} title={look.title} tMs={m.tMs} factor={m.clock.factor} replay={m.replay} />
      <Panel>
        <CamkiiHoloenzyme
          pT286Fraction={m.state.camkiiPT286Fraction}
          camBoundFraction={m.state.camkiiCaMBoundFraction}
          size={layout.kind === 'square' ? 150 : 220}
        />
        <CaReadout
          spineCaMicroM={m.state.spineCaMicroM}
          spineHeadVolumeUm3={m.state.spineHeadVolumeUm3}
          restCaMicroM={restCaMicroM(data.trace)}
        />
      </Panel>
    </>
  );
}
