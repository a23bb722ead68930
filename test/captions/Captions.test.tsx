import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { buildCues } from '../../src/captions/buildCues';
import { activeCue, activeWordIndex, CAPTION_COLORS, captionBox, CaptionsView } from '../../src/components/Captions';
import { explainerTimeline } from '../../src/story/narration';

const cues = buildCues(explainerTimeline);

/** WCAG 2 relative luminance of an sRGB colour (0-255 channels). */
function luminance([r, g, b]: readonly number[]): number {
  const lin = (c: number): number => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
}
const contrast = (a: readonly number[], b: readonly number[]): number => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};
const hex = (h: string): number[] => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));

describe('burned-in captions', () => {
  it('shows the cue of the moment with the spoken word highlighted', () => {
    const cue = cues[5]!;
    const word = cue.words[2]!;
    const timeMs = word.startMs + 5;
    expect(activeCue(cues, timeMs)?.index).toBe(cue.index);
    expect(activeWordIndex(cue, timeMs)).toBe(2);
    const html = renderToStaticMarkup(<CaptionsView cues={cues} timeMs={timeMs} width={1920} height={1080} />);
    expect(html).toContain(`data-cue="${cue.index}"`);
    const parts = html.split('data-active="true"');
    expect(parts).toHaveLength(2);
    const activeText = parts[1]!
      .slice(parts[1]!.indexOf('>') + 1, parts[1]!.indexOf('</span>'))
      .replace(/<!--.*?-->/g, '')
      .trim();
    expect(activeText).toBe(word.text.trim());
    expect(parts[1]!.slice(0, parts[1]!.indexOf('>'))).toContain(`color:${CAPTION_COLORS.active}`);
    // At most 2 lines, the cue's text.
    expect((html.match(/white-space:pre/g) ?? []).length).toBe(cue.lines.length);
    expect(cue.lines.length).toBeLessThanOrEqual(2);
  });

  it('shows nothing between cues', () => {
    expect(renderToStaticMarkup(<CaptionsView cues={cues} timeMs={0} width={1920} height={1080} />)).toBe('');
  });

  it('stays in the title-safe area; on 9:16 clear of the bottom 20 % and right 15 %', () => {
    const land = captionBox(1920, 1080);
    expect(land.bottomY).toBeLessThanOrEqual(1080 * 0.95);
    expect(land.centerX - land.maxWidth / 2).toBeGreaterThanOrEqual(1920 * 0.05);
    expect(land.centerX + land.maxWidth / 2).toBeLessThanOrEqual(1920 * 0.95);
    const tall = captionBox(1080, 1920);
    expect(tall.bottomY).toBeLessThanOrEqual(1920 * 0.8);
    expect(tall.centerX + tall.maxWidth / 2).toBeLessThanOrEqual(1080 * 0.85);
    expect(tall.centerX - tall.maxWidth / 2).toBeGreaterThanOrEqual(1080 * 0.05);
    const custom = captionBox(1080, 1920, { bottomReservedFraction: 0.3 });
    expect(custom.bottomY).toBeLessThanOrEqual(1920 * 0.7);
  });

  it('type is large enough to read on a phone and 42 characters fit the width', () => {
    for (const [w, h] of [
      [1920, 1080],
      [1080, 1920],
      [1080, 1080],
    ] as const) {
      const b = captionBox(w, h);
      expect(b.fontSizePx, `${w}x${h}`).toBeGreaterThanOrEqual(32);
      // Inter semibold is ~0.56 em a character on average.
      expect(42 * 0.56 * b.fontSizePx, `${w}x${h}`).toBeLessThanOrEqual(b.maxWidth);
    }
  });

  it('text and highlight meet WCAG AA (4.5:1) on the box, even over a white frame', () => {
    const a = CAPTION_COLORS.boxAlpha;
    const overWhite = CAPTION_COLORS.boxRgb.map((c) => c * a + 255 * (1 - a));
    const overBlack = CAPTION_COLORS.boxRgb.map((c) => c * a);
    for (const bg of [overWhite, overBlack]) {
      expect(contrast(hex(CAPTION_COLORS.text), bg)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(hex(CAPTION_COLORS.active), bg)).toBeGreaterThanOrEqual(4.5);
    }
  });
});
