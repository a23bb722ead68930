import { describe, expect, it } from 'vitest';
import { explainerMetas } from '../../src/compositions/explainerMeta';
import { explainerTimeline } from '../../src/story/narration';

describe('explainer metadata follows the narration timeline', () => {
  it('three cuts, main 1920x1080, same length as the timeline, at most 60.0 s, narration muxed', () => {
    expect(explainerMetas.map((m) => [m.id, m.width, m.height])).toEqual([
      ['explainer', 1920, 1080],
      ['explainer-vertical', 1080, 1920],
      ['explainer-square', 1080, 1080],
    ]);
    for (const m of explainerMetas) {
      expect(m.durationInFrames).toBe(explainerTimeline.totalFrames);
      expect(m.fps).toBe(explainerTimeline.fps);
      expect(m.durationInFrames / m.fps).toBeLessThanOrEqual(60);
      expect(m.audio).toEqual({ kind: 'file', publicPath: 'voice/narration.wav' });
      expect(m.posterFrame).toBeGreaterThanOrEqual(0);
      expect(m.posterFrame).toBeLessThan(m.durationInFrames);
    }
  });

  it('poster frame sits just after Ca2+ floods the spine', () => {
    const floods = explainerTimeline.scenes.find((s) => s.id === 'calcium-surge')!.bookmarkFrames['floods']!;
    expect(explainerMetas[0]!.posterFrame).toBe(floods + 24);
  });
});
