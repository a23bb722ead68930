import { describe, expect, it } from 'vitest';
import { layoutFor, type Rect } from '../../src/components/layout';
import { titleBlockRect } from '../../src/components/SceneTitle';
import { labelTextRect, placeStageLabel } from '../../src/components/StageLabels';

const landscape = layoutFor(1920, 1080);
const square = layoutFor(1080, 1080);

function overlap(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

describe('titleBlockRect (where the title block is, without a DOM)', () => {
  it('matches the block drawn in a 16:9 frame: kicker, one title line and the clock end at y = 241 px', () => {
    // Measured in frame 400 of the explainer ("A signal crosses the cleft", clock "t = 3.90 ms · train 1
    // of 3 · 1/1,000 speed"): the clock box spans x 96-963 and y 178-241.
    const r = titleBlockRect(landscape, 'A signal crosses the cleft', true);
    expect(r.x).toBe(96);
    expect(r.y + r.h).toBeGreaterThan(235);
    expect(r.y + r.h).toBeLessThan(255);
    expect(r.x + r.w).toBeGreaterThanOrEqual(963);
  });

  it('grows with a second title line and with the 1:1 clock that wraps before the panel', () => {
    const one = titleBlockRect(landscape, 'A signal crosses the cleft', true);
    const two = titleBlockRect(landscape, 'A signal crosses the cleft and then a second line of words', true);
    expect(two.h - one.h).toBeCloseTo(landscape.title.size * 1.1, 5);
    expect(titleBlockRect(landscape, 'A signal crosses the cleft', false).h).toBeLessThan(one.h - 60);
    const sq = titleBlockRect(square, 'A synapse that learns', true);
    expect(sq.x + sq.w).toBeLessThanOrEqual(square.panel.x);
  });
});

describe('placeStageLabel', () => {
  const title = titleBlockRect(landscape, 'A signal crosses the cleft', true);
  // The vesicle label of frame 400: its point projects to (695, 365), offset (160, -110).
  const vesicle = { text: 'vesicle', dx: 160, dy: -110 };
  const point = { x: 695, y: 365 };

  it('moves a label that would cover the title block to just below it', () => {
    const free = placeStageLabel(point, vesicle, landscape);
    expect(overlap(labelTextRect(vesicle.text, free), title)).toBe(true); // the collision seen in frame 400
    const kept = placeStageLabel(point, vesicle, landscape, [title]);
    const text = labelTextRect(vesicle.text, kept);
    expect(overlap(text, title)).toBe(false);
    expect(text.y).toBeGreaterThanOrEqual(title.y + title.h);
    expect(text.y - (title.y + title.h)).toBeLessThan(20);
    expect(kept.tx).toBe(free.tx);
  });

  it('leaves a label clear of the title block where its offset put it', () => {
    const glutamate = { text: 'glutamate', dx: 150, dy: -40 };
    const at = { x: 866, y: 501 };
    expect(placeStageLabel(at, glutamate, landscape, [title])).toEqual(placeStageLabel(at, glutamate, landscape));
    expect(placeStageLabel(at, glutamate, landscape).ty).toBe(at.y + glutamate.dy);
  });

  it('lifts a label that would sit in the caption box above it, and keeps it inside the frame', () => {
    const low = { text: 'dendrite', dx: 60, dy: 40 };
    const at = { x: 700, y: landscape.captions.y + 20 };
    const placed = placeStageLabel(at, low, landscape, [title]);
    const text = labelTextRect(low.text, placed);
    expect(overlap(text, landscape.captions)).toBe(false);
    expect(text.y + text.h).toBeLessThanOrEqual(landscape.captions.y);
    const leftward = placeStageLabel({ x: 40, y: 500 }, { text: 'AMPA receptors', dx: -170, dy: 0 }, landscape);
    expect(labelTextRect('AMPA receptors', leftward).x).toBeGreaterThanOrEqual(32);
  });
});

describe('labels that would cover each other', () => {
  it('moves the later one below the earlier, and below the title block when that is in the way too', () => {
    // The opening shot (frame 0): "dendrite" lands on "dendritic spine (receiver)".
    const spine = placeStageLabel({ x: 500, y: 330 }, { text: 'dendritic spine (receiver)', dx: 40, dy: 0 }, landscape);
    const spineText = labelTextRect('dendritic spine (receiver)', spine);
    const free = placeStageLabel({ x: 560, y: 335 }, { text: 'dendrite', dx: 40, dy: 8 }, landscape);
    expect(overlap(labelTextRect('dendrite', free), spineText)).toBe(true);
    const kept = placeStageLabel({ x: 560, y: 335 }, { text: 'dendrite', dx: 40, dy: 8 }, landscape, [spineText]);
    expect(overlap(labelTextRect('dendrite', kept), spineText)).toBe(false);
    expect(labelTextRect('dendrite', kept).y).toBeGreaterThanOrEqual(spineText.y + spineText.h);
    // Two boxes in a chain: below the first lands on the second, so it goes below that one.
    const title = titleBlockRect(landscape, 'A signal crosses the cleft', true);
    const under = { x: 600, y: title.y + title.h + 4, w: 300, h: 40 };
    const chained = placeStageLabel({ x: 700, y: 300 }, { text: 'vesicle', dx: 20, dy: -110 }, landscape, [
      title,
      under,
    ]);
    const text = labelTextRect('vesicle', chained);
    expect(overlap(text, title) || overlap(text, under)).toBe(false);
  });
});
