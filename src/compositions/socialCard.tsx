import '@fontsource/inter/400.css';
import '@fontsource/inter/700.css';
import '@fontsource/inter/800.css';
import { useMemo, useState } from 'react';
import { CompositionFrame, defineComposition, useAbsoluteFrame, useRenderReadiness, type FrameError } from '../engine';
import { describeFrameError } from '../engine/CompositionFrame';
import { fonts, palette } from '../components/palette';
import { explainerCompositions } from './Explainer';
import { SOCIAL_CARD_SOURCE_ID, socialCardMeta } from './socialCardMeta';

export interface SocialCardProps {
  /** Headline, at most ~40 characters (two lines at 60 px in the 430 px text column). */
  title: string;
  /** Small line above the title. */
  kicker: string;
  /** Line under the title. */
  subtitle: string;
}

const source = explainerCompositions.find((c) => c.id === SOCIAL_CARD_SOURCE_ID);

/** Card geometry, px in the 1200x630 frame. */
const PAD = 56;
const FRAME_W = 640;
const FRAME_H = (FRAME_W * 9) / 16;

/**
 * The social card: kicker, title and length on the left; on the right, the
 * 16:9 explainer's own frame (drawn by <CompositionFrame>, captions off) at
 * the same absolute frame, scaled down (measured unscaled, as in <ScaledFrame>,
 * but sharing the card's render readiness so capture waits for its 3D). Errors in the nested frame are
 * re-thrown so the renderer reports them instead of capturing an error box.
 */
export function SocialCard({ title, kicker, subtitle }: SocialCardProps) {
  const frame = useAbsoluteFrame();
  const readiness = useRenderReadiness();
  const [nestedError, setNestedError] = useState<FrameError | null>(null);
  if (nestedError)
    throw new Error(
      `social-card: the embedded "${SOCIAL_CARD_SOURCE_ID}" frame failed: ${describeFrameError(nestedError)}`,
    );
  if (!source)
    throw new Error(
      `social-card: composition "${SOCIAL_CARD_SOURCE_ID}" is not registered in src/compositions/Explainer.tsx.`,
    );
  const seconds = Math.round(source.durationInFrames / source.fps);
  const inputProps = useMemo(() => ({ showCaptions: false }), []);
  const scale = FRAME_W / source.width;
  return (
    <div
      style={{
        position: 'absolute',
        inset: 0,
        background: `linear-gradient(120deg, ${palette.background} 0%, ${palette.backgroundGlow} 100%)`,
        fontFamily: fonts.sans,
        color: palette.text,
      }}
    >
      <div
        style={{
          position: 'absolute',
          left: PAD,
          top: PAD,
          width: 1200 - PAD * 3 - FRAME_W,
          height: 630 - PAD * 2,
          display: 'flex',
          flexDirection: 'column',
          justifyContent: 'center',
          gap: 18,
        }}
      >
        <div
          style={{
            fontSize: 22,
            fontWeight: 700,
            letterSpacing: '0.12em',
            textTransform: 'uppercase',
            color: palette.calcium,
          }}
        >
          {kicker}
        </div>
        <div style={{ fontSize: 60, fontWeight: 800, lineHeight: 1.05 }}>{title}</div>
        <div style={{ fontSize: 26, lineHeight: 1.35, color: palette.textMuted }}>{subtitle}</div>
        <div style={{ display: 'flex', alignItems: 'center', gap: 12, marginTop: 10, fontSize: 22, fontWeight: 700 }}>
          <svg width="40" height="40" viewBox="0 0 40 40" aria-hidden="true">
            <circle cx="20" cy="20" r="20" fill={palette.calcium} />
            <path d="M15 11l14 9-14 9z" fill={palette.background} />
          </svg>
          <span>{seconds} s · narrated · captioned</span>
        </div>
      </div>
      <div
        style={{
          position: 'absolute',
          right: PAD,
          top: (630 - FRAME_H) / 2,
          width: FRAME_W,
          height: FRAME_H,
          overflow: 'hidden',
          borderRadius: 14,
          boxShadow: '0 18px 48px rgba(0, 0, 0, 0.55)',
          outline: `2px solid ${palette.panelBorder}`,
        }}
      >
        <div
          style={{ width: source.width, height: source.height, transform: `scale(${scale})`, transformOrigin: '0 0' }}
        >
          <CompositionFrame
            composition={source}
            frame={Math.min(frame, source.durationInFrames - 1)}
            inputProps={inputProps}
            readiness={readiness}
            onError={setNestedError}
          />
        </div>
      </div>
    </div>
  );
}

export const socialCardComposition = defineComposition<SocialCardProps>({
  ...socialCardMeta,
  component: SocialCard,
  defaultProps: {
    kicker: 'Long-term potentiation',
    title: 'How a synapse learns',
    subtitle: 'Glutamate, a magnesium block that pops out, a calcium flood, and a spine that grows.',
  },
});
