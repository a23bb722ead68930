import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { compositionMeta, defineComposition, ThreeCanvas } from '../../src/engine';
import { filmstripGroups, filmstripLayout, JPEG_BLOCK_PX, singleFrameLayout, tileLeft } from '../../src/engine/capture';

describe('filmstrip layout', () => {
  it('puts every tile on the JPEG block grid, one frame wide rounded up to a block', () => {
    const wide = filmstripLayout(1920, 1080, 3);
    expect(wide.pitch).toBe(1920);
    expect([wide.stripWidth, wide.stripHeight]).toEqual([5760, 1080]);
    const tall = filmstripLayout(1080, 1920, 2);
    expect(tall.pitch).toBe(1088); // 1080 is not a whole number of 16 px blocks
    expect(tall.stripWidth).toBe(2176); // equal tiles, so the encoder can cut the strip evenly
    for (const layout of [wide, tall, filmstripLayout(1080, 1080, 4)]) {
      for (let i = 0; i < layout.tiles; i++) {
        expect(tileLeft(layout, i) % JPEG_BLOCK_PX).toBe(0);
        expect(tileLeft(layout, i) + layout.frameWidth).toBeLessThanOrEqual(layout.stripWidth);
      }
    }
  });

  it('pads even a single video frame to whole blocks, but a still is the frame exactly', () => {
    expect(filmstripLayout(1080, 1920, 1).stripWidth).toBe(1088);
    expect(singleFrameLayout(1080, 1920).stripWidth).toBe(1080);
  });

  it('rejects a tile count that is not a whole number >= 1', () => {
    expect(() => filmstripLayout(1920, 1080, 0)).toThrow(/whole number >= 1/);
    expect(() => filmstripLayout(1920, 1080, 1.5)).toThrow(/whole number >= 1/);
  });

  it('groups a range into screenshots that show every frame once, in order, the last filled with the last frame', () => {
    expect(filmstripGroups(10, 16, 3)).toEqual([
      [10, 11, 12],
      [13, 14, 15],
      [16, 16, 16],
    ]);
    expect(filmstripGroups(5, 5, 2)).toEqual([[5, 5]]);
    const groups = filmstripGroups(211, 420, 2);
    expect(groups.flat().filter((f, i, all) => f !== all[i - 1])).toEqual(
      Array.from({ length: 210 }, (_, i) => 211 + i),
    );
  });
});

describe('ThreeCanvas pixel ratio', () => {
  it('refuses a ratio that is not a power of two, naming the canvas', () => {
    expect(() => renderToString(<ThreeCanvas width={100} height={100} pixelRatio={0.6} label="test stage" />)).toThrow(
      /ThreeCanvas "test stage": pixelRatio 0.6 is not one of 1, 0.5, 0.25/,
    );
  });
});

describe("a composition's frames a shot", () => {
  const base = {
    id: 'strip-test',
    width: 1920,
    height: 1080,
    fps: 30,
    durationInFrames: 90,
    audio: null,
    posterFrame: 0,
    description: 'test',
    component: () => null,
    defaultProps: {},
  };

  it('is checked where the composition is declared', () => {
    expect(() => defineComposition({ ...base, framesPerShot: 5 })).toThrow(
      /Composition "strip-test": framesPerShot must be a whole number from 1 to 4, got 5/,
    );
    expect(() => defineComposition({ ...base, framesPerShot: 0 })).toThrow(/framesPerShot/);
  });

  it('crosses from the page to Node with the rest of the metadata, and is absent when not set', () => {
    expect(compositionMeta(defineComposition({ ...base, framesPerShot: 4 })).framesPerShot).toBe(4);
    expect('framesPerShot' in compositionMeta(defineComposition(base))).toBe(false);
  });
});
