import { useMemo } from 'react';
import { Panel } from '../components/Panel';
import { SceneTitle } from '../components/SceneTitle';
import { EarlyLateChart } from '../components/EarlyLateChart';
import { LtdCard } from '../components/LtdCard';
import { Card } from '../components/Card';
import { fonts, palette, typeScale } from '../components/palette';
import { NBSP } from '../components/units';
import { fadeInAt, useExplainer, useSceneMoment, useSceneSpan } from '../components/explainerContext';
import { outroLook } from './Outro.look';
import { filmRuns } from '../story/filmRuns';
import { lastTrainEndMs } from '../story/induction';
import { fadedBelowMs, fepspHoursAfter, ltdComparison } from '../story/filmQuantities';

const HOUR_MS = 3_600_000;
/** "Back to baseline" for the fade, % of baseline (issue #14: <= 120 % by 8 h). */
const FADED_PERCENT = 120;

/**
 * Outro (fast forward, continuing the spine scene's clock to past 8 h after the last train): the
 * late-LTP run (three trains) beside the same trains with anisomycin and one train alone, on one
 * axis, with the early/late boundary and every number read from the model; from "a small, slow"
 * on, the LTD run (1 Hz x 900) replaces the text card.
 */
export function Outro() {
  const { layout } = useExplainer();
  const compact = layout.kind !== 'landscape';
  const m = useSceneMoment('outro');
  const span = useSceneSpan('outro');
  const look = outroLook.useLook();
  const late = span.bookmarkFrames['late'] ?? span.startFrame + span.durationFrames / 2;
  const ltdAt = span.bookmarkFrames['ltd'] ?? span.startFrame + (span.durationFrames * 2) / 3;
  const model = useMemo(() => {
    const runs = filmRuns();
    const endMs = lastTrainEndMs(runs.lateLtp.protocol);
    return {
      runs,
      toMs: endMs + 8 * HOUR_MS,
      // Early/late boundary: where early LTP alone (the same trains with anisomycin) has faded.
      boundaryMs: fadedBelowMs(runs.anisomycin, FADED_PERCENT),
      late8h: fepspHoursAfter(runs.lateLtp, 8),
      ltd: ltdComparison(runs.ltd, runs.lateLtp),
    };
  }, []);
  const showLtd = fadeInAt(m.frame, ltdAt - look.ltdFadeFrames, look.ltdFadeFrames);
  const mono = { fontFamily: fonts.mono, fontWeight: 700 } as const;
  return (
    <>
      <SceneTitle kicker={look.kicker} title={look.title} tMs={m.tMs} factor={m.clock.factor} replay={m.replay} />
      <Panel>
        {/* 1:1 has no room for both: the LTD card takes the chart's place once the fade has been shown. */}
        {(layout.kind !== 'square' || showLtd < 1) && (
          <EarlyLateChart
            runs={[
              { trace: model.runs.lateLtp, label: look.lateLtpLabel, color: palette.fepspAfter },
              { trace: model.runs.anisomycin, label: look.anisomycinLabel, color: palette.vm },
              { trace: model.runs.oneTrain, label: look.oneTrainLabel, color: palette.fepspBefore, dashed: true },
            ]}
            nowMs={m.tMs}
            toMs={model.toMs}
            boundaryMs={model.boundaryMs}
            revealLate={fadeInAt(m.frame, late - look.lateFadeFrames, look.lateFadeFrames)}
            opacity={layout.kind === 'square' ? 1 - showLtd : 1}
          />
        )}
        <div style={{ position: 'relative' }}>
          {showLtd < 1 && (
            <Card heading={look.cardHeading} accent={palette[look.accentColour]} style={{ opacity: 1 - showLtd }}>
              <div style={{ fontFamily: fonts.sans, fontSize: typeScale.small, lineHeight: 1.35, color: palette.text }}>
                <div>
                  <b>Early</b> · existing proteins: without new protein back to ≤{NBSP}
                  {FADED_PERCENT}
                  {NBSP}% by{' '}
                  <span style={mono}>
                    {model.boundaryMs === null ? '–' : (model.boundaryMs / HOUR_MS).toFixed(1)}
                    {NBSP}h
                  </span>
                </div>
                <div
                  style={{
                    color: palette.calcium,
                    opacity: fadeInAt(m.frame, late - look.lateFadeFrames, look.lateFadeFrames),
                  }}
                >
                  <b>Late</b> · new protein: still{' '}
                  <span style={mono}>
                    {Math.round(model.late8h)}
                    {NBSP}%
                  </span>{' '}
                  8{NBSP}h after the last train
                </div>
              </div>
            </Card>
          )}
          {showLtd > 0 && (
            <div
              style={
                layout.kind === 'square'
                  ? { opacity: showLtd, position: 'absolute', top: 0, left: 0, right: 0 }
                  : { opacity: showLtd }
              }
            >
              <LtdCard heading={look.ltdHeading} ltd={model.runs.ltd} numbers={model.ltd} compact={compact} />
            </div>
          )}
        </div>
      </Panel>
    </>
  );
}
