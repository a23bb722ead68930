import { Panel } from '../components/Panel';
import { SceneTitle } from '../components/SceneTitle';
import { EarlyLateChart } from '../components/EarlyLateChart';
import { Card } from '../components/Card';
import { fonts, palette, typeScale } from '../components/palette';
import { fadeInAt, useExplainer, useSceneMoment, useSceneSpan } from '../components/explainerContext';
import { outroLook } from './Outro.look';

/**
 * Outro (3600x, 3 h on "late"): the fEPSP slope (fepspPercent) over hours,
 * early LTP then the late phase that needs new protein.
 */
export function Outro() {
  const { data } = useExplainer();
  const m = useSceneMoment('outro');
  const span = useSceneSpan('outro');
  const look = outroLook.useLook();
  const late = span.bookmarkFrames['late'] ?? span.startFrame + span.durationFrames / 2;
  const toH = Math.max(1, Math.min(8, Math.floor(data.trace.endMs / 3_600_000)));
  return (
    <>
      <SceneTitle kicker={look.kicker} title={look.title} tMs={m.tMs} factor={m.clock.factor} />
      <Panel>
        <EarlyLateChart
          trace={data.trace}
          nowMs={m.tMs}
          toH={toH}
          revealLate={fadeInAt(m.frame, late, look.lateFadeFrames)}
        />
        <Card
          heading={look.cardHeading}
          accent={palette[look.accentColour]}
          style={{ opacity: fadeInAt(m.frame, late, look.lateFadeFrames) }}
        >
          <div style={{ fontFamily: fonts.sans, fontSize: typeScale.body, lineHeight: 1.35, color: palette.text }}>
            <div>
              <b>Early</b> · 1–3 h · existing proteins
            </div>
            <div style={{ color: palette.calcium }}>
              <b>Late</b> · days · new protein
            </div>
          </div>
        </Card>
      </Panel>
    </>
  );
}
