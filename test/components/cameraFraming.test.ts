import { describe, expect, it } from 'vitest';
import {
  framedShot,
  NEUTRAL_FRAMING,
  projectToScreen,
  sceneIndexAt,
  sceneMove,
  shotAt,
  shotPosition,
  type SceneFramings,
  type Shot,
} from '../../src/components/cameraRig';
import { layoutFor } from '../../src/components/layout';
import { headRadiusUnits, NMDA_SLOTS, onHead } from '../../src/components/synapseGeometry';
import { SCENE_IDS } from '../../src/script/sceneIds';
import { loadExplainerData } from '../../src/story/explainerData';

const data = loadExplainerData();
const { timeline } = data;
const r = headRadiusUnits(0.05);
const last = timeline.scenes.at(-1)!;
const frames = Array.from({ length: last.startFrame + last.durationFrames }, (_, f) => f);

describe('camera framing (a scene look adjusts its shots)', () => {
  it('leaves every shot untouched when neutral (the same object: bit-identical frames)', () => {
    for (const id of SCENE_IDS) {
      const m = sceneMove(id, r);
      expect(framedShot(m.to, NEUTRAL_FRAMING)).toBe(m.to);
      expect(sceneMove(id, r, NEUTRAL_FRAMING)).toEqual(m);
    }
    const neutral = Object.fromEntries(SCENE_IDS.map((id) => [id, NEUTRAL_FRAMING]));
    for (const f of frames) expect(shotAt(timeline, f, r, neutral)).toEqual(shotAt(timeline, f, r));
  });

  it('divides the distance by the zoom and adds the orbit to the azimuth, keeping target, elevation and lens', () => {
    for (const id of SCENE_IDS) {
      const m = sceneMove(id, r);
      const f = sceneMove(id, r, { zoom: 1.25, orbitDeg: -30 });
      for (const k of ['from', 'to'] as const) {
        expect(f[k].distance).toBeCloseTo(m[k].distance / 1.25, 12);
        expect(f[k].azimuthDeg).toBeCloseTo(m[k].azimuthDeg - 30, 12);
        expect(f[k].target).toEqual(m[k].target);
        expect(f[k].elevationDeg).toBe(m[k].elevationDeg);
        expect(f[k].fovDeg).toBe(m[k].fovDeg);
      }
      // The camera really is 1.25x closer to the target and turned 30 degrees round it.
      const d = (s: Shot) => Math.hypot(...shotPosition(s).map((p, i) => p - s.target[i]!));
      expect(d(f.to)).toBeCloseTo(d(m.to) / 1.25, 9);
    }
  });

  it("frames only the scene whose look sets it, over that scene's frames", () => {
    const mg = timeline.scenes.find((s) => s.id === 'mg-expulsion')!;
    const framings: SceneFramings = { 'mg-expulsion': { zoom: 1.5, orbitDeg: 25 } };
    const mid = mg.startFrame + Math.round(mg.durationFrames / 2);
    const plain = shotAt(timeline, mid, r);
    const framed = shotAt(timeline, mid, r, framings);
    expect(framed.distance).toBeCloseTo(plain.distance / 1.5, 9);
    expect(framed.azimuthDeg).toBeCloseTo(plain.azimuthDeg + 25, 9);
    // Well inside the other scenes nothing moves.
    for (const s of timeline.scenes.filter((x) => x.id !== 'mg-expulsion')) {
      const f = s.startFrame + Math.round(s.durationFrames / 2);
      expect(shotAt(timeline, f, r, framings)).toEqual(shotAt(timeline, f, r));
    }
  });

  it('keeps the cuts continuous: the camera eases into and out of a reframed scene, never jumps', () => {
    // Alternating extremes: at every cut the framing alone changes the distance 1.6/0.6 = 2.7x (0.98 in log)
    // and the azimuth by 80 degrees.
    const extreme: SceneFramings = Object.fromEntries(
      SCENE_IDS.map((id, i) => [id, i % 2 ? { zoom: 1.6, orbitDeg: 40 } : { zoom: 0.6, orbitDeg: -40 }]),
    );
    const step = (shot: (f: number) => Shot) => {
      let logDistance = 0;
      let azimuthDeg = 0;
      for (const f of frames.slice(1)) {
        const a = shot(f - 1);
        const b = shot(f);
        logDistance = Math.max(logDistance, Math.abs(Math.log(b.distance / a.distance)));
        azimuthDeg = Math.max(azimuthDeg, Math.abs(b.azimuthDeg - a.azimuthDeg));
      }
      return { logDistance, azimuthDeg };
    };
    const builtIn = step((f) => shotAt(timeline, f, r));
    const framed = step((f) => shotAt(timeline, f, r, extreme));
    // Framing each frame by the scene it falls in, after the ease, would jump at the cuts: what this test catches.
    const jumping = step((f) =>
      framedShot(shotAt(timeline, f, r), extreme[timeline.scenes[sceneIndexAt(timeline, f)]!.id]),
    );
    expect(jumping.logDistance).toBeGreaterThan(0.9);
    expect(jumping.azimuthDeg).toBeGreaterThan(70);
    // Built in, the steepest frame-to-frame change is 0.11 in log distance and 8.5 degrees (mid-ease at a cut);
    // with the extreme framings spread over the same 24-frame ease it stays within about twice that.
    expect(builtIn.logDistance).toBeLessThan(0.12);
    expect(framed.logDistance).toBeLessThan(0.25);
    expect(framed.azimuthDeg).toBeLessThan(15);
  });

  it('keeps the labels on the things they name: a label point projects through the framed shot', () => {
    const layout = layoutFor(1920, 1080);
    const mg = sceneMove('mg-expulsion', r, { zoom: 1.4, orbitDeg: 20 }).to;
    const plain = sceneMove('mg-expulsion', r).to;
    // The shot's target stays at the stage focus whatever the framing.
    const t = projectToScreen(mg.target, mg, layout)!;
    expect(t.x).toBeCloseTo(layout.stageFocus.x, 6);
    expect(t.y).toBeCloseTo(layout.stageFocus.y, 6);
    // A receptor beside the target moves on screen: further from the focus when the camera comes closer.
    const hero = NMDA_SLOTS[0]!;
    const p = onHead(r, hero.theta + 0.3, hero.phi, 0.3);
    const off = (s: Shot) => {
      const q = projectToScreen(p, s, layout)!;
      return Math.hypot(q.x - layout.stageFocus.x, q.y - layout.stageFocus.y);
    };
    expect(off(mg)).toBeGreaterThan(off(plain) * 1.2);
  });
});
