import { Panel } from '../components/Panel';
import { SceneTitle, titleBlockRect } from '../components/SceneTitle';
import { StageLabels } from '../components/StageLabels';
import { FepspCompare } from '../components/FepspCompare';
import { fadeInAt, useExplainer, useSceneMoment, useSceneSpan, useStageMoment } from '../components/explainerContext';
import { boutonCenter, DENDRITE_Y, headRadiusUnits } from '../components/synapseGeometry';
import { palette } from '../components/palette';
import { baselineState, lastingTimeMs } from '../story/filmQuantities';
import { introLook } from './Intro.look';

/**
 * Intro (real time, 45 s before the first train): the synapse at rest, and the same test pulse's
 * response before and 1 h after the last train (lastingTimeMs), both simulated from the trace
 * (testPulseResponse), the "after" one revealed on "bigger".
 */
export function Intro() {
  const { data, layout } = useExplainer();
  const m = useSceneMoment('intro');
  const span = useSceneSpan('intro');
  const stage = useStageMoment();
  const r = headRadiusUnits(stage.state.spineHeadVolumeUm3);
  const bc = boutonCenter(r);
  const look = introLook.useLook();
  const bigger = span.bookmarkFrames['bigger'] ?? span.startFrame + span.durationFrames / 2;
  return (
    <>
      <StageLabels
        shot={stage.shot}
        keepOut={[titleBlockRect(layout, look.title, m.tMs !== null)]}
        labels={[
          {
            text: look.boutonLabel,
            at: [bc[0] + 2.4, bc[1] + 1, 0.8],
            dx: 90,
            dy: -60,
            color: palette[look.boutonColour],
          },
          {
            text: look.spineLabel,
            at: [r * 0.8, -r * 0.2, 0.8],
            dx: 120,
            dy: 80,
            color: palette[look.spineColour],
          },
          {
            text: look.dendriteLabel,
            at: [9, DENDRITE_Y + 2, 1.6],
            dx: 200,
            dy: 40,
            color: palette[look.dendriteColour],
          },
        ]}
      />
      <SceneTitle kicker={look.kicker} title={look.title} tMs={m.tMs} factor={m.clock.factor} replay={m.replay} />
      <Panel>
        <FepspCompare
          trace={data.trace}
          beforeMs={baselineState(data.trace).tMs}
          afterMs={lastingTimeMs(data.trace)}
          showAfter={fadeInAt(m.frame, bigger - look.afterFadeFrames, look.afterFadeFrames)}
          label={look.afterLabel}
          // Alone in the 9:16 row the card is twice as wide as in a column: a wider drawing keeps the
          // chart's height, so the card stays inside the panel, clear of the caption box under it.
          width={layout.kind === 'portrait' ? 960 : undefined}
        />
      </Panel>
    </>
  );
}
