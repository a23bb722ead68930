import { Card, BigValue } from './Card';
import { fonts, palette, typeScale } from './palette';
import { formatChangePercent } from './units';

/** Synaptic AMPA receptor count now, against the baseline count (both from the trace). */
export function ReceptorCount({ count, baselineCount }: { count: number; baselineCount: number }) {
  return (
    <Card heading="AMPA receptors in the synapse" accent={palette.ampa}>
      <BigValue value={String(Math.round(count))} color={palette.ampa} />
      <div style={{ fontSize: typeScale.small, color: palette.textMuted, fontFamily: fonts.sans }}>
        baseline <span style={{ fontFamily: fonts.mono, color: palette.text }}>{Math.round(baselineCount)}</span> ·{' '}
        <span style={{ fontFamily: fonts.mono, color: palette.ampa, fontWeight: 700 }}>
          {formatChangePercent(count / baselineCount)}
        </span>
      </div>
    </Card>
  );
}

/** Spine head volume against baseline (µm³); `when` says which moment it is ("now", "1 h after the last train"). */
export function SpineVolume({
  volumeUm3,
  baselineUm3,
  when,
}: {
  volumeUm3: number;
  baselineUm3: number;
  when?: string;
}) {
  return (
    <Card heading={when ? `Spine head volume, ${when}` : 'Spine head volume'} accent={palette.membrane}>
      <BigValue value={volumeUm3.toFixed(3)} unit="µm³" />
      <div style={{ fontSize: typeScale.small, color: palette.textMuted, fontFamily: fonts.sans }}>
        baseline <span style={{ fontFamily: fonts.mono, color: palette.text }}>{baselineUm3.toFixed(3)} µm³</span> ·{' '}
        <span style={{ fontFamily: fonts.mono, color: palette.text, fontWeight: 700 }}>
          {formatChangePercent(volumeUm3 / baselineUm3)}
        </span>
      </div>
    </Card>
  );
}
