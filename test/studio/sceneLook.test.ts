import { describe, expect, it } from 'vitest';
import { palette } from '../../src/components/palette';
import { LookFileError, lookOverrides, parseLookFile } from '../../src/components/sceneLook';
import { MG } from '../../src/components/units';
import { mgExpulsionLook } from '../../src/scenes/MgExpulsion.look';
import { outroLook } from '../../src/scenes/Outro.look';
import { REVEAL_LEAD_FRAMES } from '../../src/story/filmQuantities';
import { SCREEN_TEXT } from '../../src/story/screenText';
import { lookControls } from '../../src/studio/app/lookControls';

describe('scene looks', () => {
  it("default to the scenes' built-in look, so frames do not change", () => {
    expect(mgExpulsionLook.schema.parse({})).toEqual({
      kicker: SCREEN_TEXT['mg-expulsion'].kicker,
      title: SCREEN_TEXT['mg-expulsion'].title,
      receptorLabel: 'NMDA receptor',
      receptorColour: 'nmda',
      ionLabel: `${MG} ion`,
      ionColour: 'magnesium',
    });
    expect(outroLook.schema.parse({})).toMatchObject({
      kicker: SCREEN_TEXT.outro.kicker,
      title: SCREEN_TEXT.outro.title,
      cardHeading: 'Two phases of LTP',
      accentColour: 'calcium',
      lateFadeFrames: REVEAL_LEAD_FRAMES,
    });
  });

  it('reject a bad look file with the file and the field named', () => {
    const file = 'src/scenes/MgExpulsion.look.json';
    const bad = (content: unknown) => () => parseLookFile(mgExpulsionLook.schema, content, file);
    expect(bad({ receptorColour: 'pink' })).toThrow(LookFileError);
    expect(bad({ receptorColour: 'pink' })).toThrow(/^src\/scenes\/MgExpulsion\.look\.json: field "receptorColour": /);
    expect(bad({ title: '' })).toThrow(/field "title": must not be empty/);
    expect(bad({ titel: 'x' })).toThrow(/field "titel": unknown field; this scene's look has kicker, title/);
    expect(() => parseLookFile(outroLook.schema, { lateFadeFrames: 0 }, 'src/scenes/Outro.look.json')).toThrow(
      /Outro\.look\.json: field "lateFadeFrames"/,
    );
  });

  it('store only what differs from the defaults', () => {
    const look = parseLookFile(mgExpulsionLook.schema, { title: 'AND gate' }, 'f.json');
    expect(lookOverrides(mgExpulsionLook.schema, look)).toEqual({ title: 'AND gate' });
  });

  it('give the studio one control per field, of the right kind', () => {
    const controls = lookControls(outroLook.schema);
    expect(controls.map((c) => [c.key, c.kind])).toEqual([
      ['kicker', 'text'],
      ['title', 'text'],
      ['cardHeading', 'text'],
      ['accentColour', 'palette'],
      ['lateFadeFrames', 'number'],
    ]);
    expect(controls[4]).toMatchObject({
      min: 1,
      max: 60,
      label: 'Fade-in of the late phase, ending on "late" (frames)',
    });
    const swatches = controls[3]!.kind === 'palette' ? controls[3]!.options : [];
    expect(swatches.find((o) => o.name === 'calcium')?.hex).toBe(palette.calcium);
  });
});
