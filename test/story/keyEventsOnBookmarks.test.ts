import { describe, expect, it } from 'vitest';
import { loadExplainerData } from '../../src/story/explainerData';
import { KEY_EVENTS } from '../../src/story/keyEvents';
import { hasKeyEvent, SCENE_TIME_MAPS } from '../../src/story/storyTime';
import { SCENE_IDS } from '../../src/script/sceneIds';

/**
 * Each scene's key event, read from the trace at the physical time of each
 * frame, first happens within 2 frames of its narration bookmark, on the real
 * timeline and the real trace.
 */
const data = loadExplainerData();

describe('key events land on their bookmarks', () => {
  const withEvents = SCENE_IDS.filter(hasKeyEvent);

  it('pins glutamate release, the Mg2+ block relieved (B >= 0.5) and AMPA receptor trapping; the others continue a clock and are checked in claims', () => {
    expect(withEvents).toEqual(['glutamate-release', 'mg-expulsion', 'ampa-insertion']);
  });

  for (const id of SCENE_IDS.filter(hasKeyEvent)) {
    it(`${id}: "${SCENE_TIME_MAPS[id].bookmark}"`, () => {
      const event = KEY_EVENTS[id]!;
      const span = data.timeline.scenes.find((s) => s.id === id)!;
      const clock = data.clocks[id];
      const bookmarkFrame = span.bookmarkFrames[event.bookmark]!;
      expect(bookmarkFrame).toBeGreaterThanOrEqual(span.startFrame);
      expect(bookmarkFrame).toBeLessThan(span.startFrame + span.durationFrames);
      const threshold = event.threshold(data.trace);
      // Scan the scene's frames as the viewer sees them: first frame where the sampled field has crossed.
      let first: number | null = null;
      for (let f = span.startFrame; f < span.startFrame + span.durationFrames; f++) {
        const s = data.trace.sample(clock.physicalMs(f));
        if (s[event.field] >= threshold) {
          first = f;
          break;
        }
      }
      expect(first, `${event.description} never shows in scene ${id}`).not.toBeNull();
      expect(Math.abs(first! - bookmarkFrame)).toBeLessThanOrEqual(2);
      // Before the event the field is visibly below the threshold (the event is not already over at scene start).
      expect(first!).toBeGreaterThan(span.startFrame);
    });
  }
});
