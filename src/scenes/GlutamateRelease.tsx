import { Panel } from '../components/Panel';
import { SceneTitle, titleBlockRect } from '../components/SceneTitle';
import { StageLabels } from '../components/StageLabels';
import { VmMeter } from '../components/VmMeter';
import { LiveTrace } from '../components/LiveTrace';
import { Card, BigValue } from '../components/Card';
import { useExplainer, useSceneMoment, useSceneSpan, useStageMoment } from '../components/explainerContext';
import { boutonCenter, BOUTON_RADIUS, BOUTON_SQUASH, headRadiusUnits, onHead } from '../components/synapseGeometry';
import { palette, typeScale, fonts } from '../components/palette';
import { glutamateReleaseLook } from './GlutamateRelease.look';

/**
 * 1 · Glutamate release (1/1000 speed, first spike of the first train, pinned on "releasing"): the docked
 * vesicle fuses, glutamate (glutamateMilliM) spreads across the cleft, AMPA
 * receptors open (ampaOpenFraction x ampaReceptorCount) and the spine
 * depolarises (vmMv).
 */
export function GlutamateRelease() {
  const { data, layout } = useExplainer();
  const m = useSceneMoment('glutamate-release');
  const span = useSceneSpan('glutamate-release');
  const stage = useStageMoment();
  const look = glutamateReleaseLook.useLook();
  const r = headRadiusUnits(stage.state.spineHeadVolumeUm3);
  const bc = boutonCenter(r);
  const nOpen = Math.round(m.state.ampaOpenFraction * m.state.ampaReceptorCount);
  return (
    <>
      <StageLabels
        shot={stage.shot}
        keepOut={[titleBlockRect(layout, look.title, m.tMs !== null)]}
        labels={[
          {
            text: look.glutamateLabel,
            at: [1.2, r + 0.35, 0.5],
            dx: 150,
            dy: -40,
            color: palette[look.glutamateColour],
          },
          {
            text: look.receptorLabel,
            at: onHead(r, 0.45, 2.6, 0.1),
            dx: -170,
            dy: 90,
            color: palette[look.receptorColour],
          },
          {
            text: look.vesicleLabel,
            at: [0, bc[1] - BOUTON_RADIUS * BOUTON_SQUASH + 0.6, 0.5],
            dx: 160,
            dy: -110,
            color: palette[look.vesicleColour],
          },
        ]}
      />
      <SceneTitle kicker={look.kicker} title={look.title} tMs={m.tMs} factor={m.clock.factor} replay={m.replay} />
      <Panel>
        <VmMeter vmMv={m.state.vmMv} />
        <Card heading={look.cardHeading} accent={palette[look.cardAccentColour]}>
          <BigValue value={`${nOpen}`} unit={`of ${Math.round(m.state.ampaReceptorCount)}`} color={palette.ampaOpen} />
          <div style={{ fontSize: typeScale.small, color: palette.textMuted, fontFamily: fonts.sans }}>
            cleft glutamate{' '}
            <span style={{ fontFamily: fonts.mono, color: palette.glutamate, fontWeight: 700 }}>
              {m.state.glutamateMilliM.toFixed(2)} mM
            </span>
          </div>
        </Card>
        {layout.kind !== 'portrait' && (
          <LiveTrace
            trace={data.trace}
            fromMs={m.clock.physicalMs(span.startFrame)}
            toMs={m.clock.physicalMs(span.startFrame + span.durationFrames)}
            nowMs={m.tMs}
          />
        )}
      </Panel>
    </>
  );
}
