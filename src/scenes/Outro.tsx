import { Panel } from '../components/Panel';
import { SceneTitle } from '../components/SceneTitle';
import { EarlyLateChart } from '../components/EarlyLateChart';
import { fadeInAt, useExplainer, useSceneMoment, useSceneSpan } from '../components/explainerContext';
import { fonts, palette } from '../components/palette';

/**
 * Outro (3600x, 3 h on "late"): the fEPSP slope (fepspPercent) over hours,
 * early LTP then the late phase that needs new protein; the takeaway line.
 */
export function Outro() {
  const { data, layout } = useExplainer();
  const m = useSceneMoment('outro');
  const span = useSceneSpan('outro');
  const late = span.bookmarkFrames['late'] ?? span.startFrame + span.durationFrames / 2;
  const toH = Math.max(1, Math.min(8, Math.floor(data.trace.endMs / 3_600_000)));
  const takeaway = fadeInAt(m.frame, late + 45, 15);
  const box = layout.captions;
  return (
    <>
      <SceneTitle kicker="Early and late LTP" title="From minutes to a memory" tMs={m.tMs} factor={m.clock.factor} />
      <Panel>
        <EarlyLateChart trace={data.trace} nowMs={m.tMs} toH={toH} revealLate={fadeInAt(m.frame, late, 10)} />
      </Panel>
      <div
        style={{
          position: 'absolute', left: box.x, width: box.w, top: box.y - (layout.kind === 'portrait' ? 150 : 110), textAlign: 'center',
          fontFamily: fonts.sans, fontWeight: 800, fontSize: layout.kind === 'landscape' ? 54 : 46, color: palette.camkiiLit, opacity: takeaway,
          textShadow: '0 2px 16px rgba(0,0,0,0.8)',
        }}
      >
        Cells that fire together wire together.
      </div>
    </>
  );
}
