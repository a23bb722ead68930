import { Panel } from '../components/Panel';
import { SceneTitle } from '../components/SceneTitle';
import { StageLabels } from '../components/StageLabels';
import { FepspCompare } from '../components/FepspCompare';
import { fadeInAt, useExplainer, useSceneMoment, useSceneSpan, useStageMoment } from '../components/explainerContext';
import { boutonCenter, DENDRITE_Y, headRadiusUnits } from '../components/synapseGeometry';
import { palette } from '../components/palette';

/** Physical time at which the "after" test-pulse response is read, ms: 60 min after the tetanus (fEPSP at 60 min, science-reference.md §7). */
export const INTRO_AFTER_MS = 60 * 60_000;

/**
 * Intro (real time, baseline 5 min before the tetanus): the synapse at rest,
 * and the same test pulse's field EPSP before (fepspPercent now) and 60 min
 * after induction (fepspPercent at INTRO_AFTER_MS), revealed on "bigger".
 */
export function Intro() {
  const { data } = useExplainer();
  const m = useSceneMoment('intro');
  const span = useSceneSpan('intro');
  const stage = useStageMoment();
  const r = headRadiusUnits(stage.state.spineHeadVolumeUm3);
  const bc = boutonCenter(r);
  const after = data.trace.sample(INTRO_AFTER_MS).fepspPercent;
  const bigger = span.bookmarkFrames['bigger'] ?? span.startFrame + span.durationFrames / 2;
  return (
    <>
      <StageLabels
        shot={stage.shot}
        labels={[
          { text: 'axon terminal (sender)', at: [bc[0] + 2.4, bc[1] + 1, 0.8], dx: 90, dy: -60, color: palette.bouton },
          {
            text: 'dendritic spine (receiver)',
            at: [r * 0.8, -r * 0.2, 0.8],
            dx: 120,
            dy: 80,
            color: palette.membrane,
          },
          { text: 'dendrite', at: [9, DENDRITE_Y + 2, 1.6], dx: 200, dy: 40, color: palette.membrane },
        ]}
      />
      <SceneTitle kicker="Long-term potentiation" title="A synapse that learns" tMs={m.tMs} factor={m.clock.factor} />
      <Panel>
        <FepspCompare afterPercent={after} showAfter={fadeInAt(m.frame, bigger, 10)} label="60 min after" />
      </Panel>
    </>
  );
}
