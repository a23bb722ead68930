import { Panel } from '../components/Panel';
import { SceneTitle } from '../components/SceneTitle';
import { StageLabels } from '../components/StageLabels';
import { FepspCompare } from '../components/FepspCompare';
import { fadeInAt, useExplainer, useSceneMoment, useSceneSpan, useStageMoment } from '../components/explainerContext';
import { boutonCenter, DENDRITE_Y, headRadiusUnits } from '../components/synapseGeometry';
import { palette } from '../components/palette';
import { SCREEN_TEXT } from '../story/screenText';
import { baselineState, lastingTimeMs, REVEAL_LEAD_FRAMES } from '../story/filmQuantities';

/**
 * Intro (real time, 45 s before the first train): the synapse at rest, and the same test pulse's
 * response before and 1 h after the last train (lastingTimeMs), both simulated from the trace
 * (testPulseResponse), the "after" one revealed on "bigger".
 */
export function Intro() {
  const { data } = useExplainer();
  const m = useSceneMoment('intro');
  const span = useSceneSpan('intro');
  const stage = useStageMoment();
  const r = headRadiusUnits(stage.state.spineHeadVolumeUm3);
  const bc = boutonCenter(r);
  const text = SCREEN_TEXT.intro;
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
          { text: 'dendrite', at: [-8, DENDRITE_Y - 1.2, 1.6], dx: -20, dy: 90, color: palette.membrane },
        ]}
      />
      <SceneTitle kicker={text.kicker} title={text.title} tMs={m.tMs} factor={m.clock.factor} replay={m.replay} />
      <Panel>
        <FepspCompare
          trace={data.trace}
          beforeMs={baselineState(data.trace).tMs}
          afterMs={lastingTimeMs(data.trace)}
          showAfter={fadeInAt(m.frame, bigger - REVEAL_LEAD_FRAMES, REVEAL_LEAD_FRAMES)}
          label={text.labels.after!}
        />
      </Panel>
    </>
  );
}
