import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLAIMS, evaluateClaims, renderClaimsMarkdown, type ClaimContext } from '../../src/story/claims';
import { loadExplainerData } from '../../src/story/explainerData';
import { filmRuns } from '../../src/story/filmRuns';
import { SCENE_IDS } from '../../src/script/sceneIds';

/**
 * Every claim of the film (src/story/claims.ts), spoken or on screen, is checked against the model at
 * its bookmark on the real timeline and the real runs; docs/claims.md is the same table.
 */
const ctx: ClaimContext = { data: loadExplainerData(), runs: filmRuns() };
const evaluated = evaluateClaims(ctx);

/** A scene's narration as captioned, words joined by single spaces. */
function narrationOf(id: string): string {
  const span = ctx.data.timeline.scenes.find((s) => s.id === id)!;
  const startMs = (span.audioStartFrame * 1000) / ctx.data.timeline.fps;
  const endMs = ((span.startFrame + span.durationFrames) * 1000) / ctx.data.timeline.fps;
  return ctx.data.timeline.captions
    .filter((c) => c.startMs >= startMs - 1 && c.startMs < endMs)
    .map((c) => c.text.trim())
    .join(' ');
}

describe('the film says and shows what the model does', () => {
  for (const e of evaluated.filter((x) => x.result !== null)) {
    it(`${e.claim.scene}: "${e.claim.text}" (${e.claim.id})`, () => {
      expect(e.result!.ok, `${e.claim.quantity} = ${e.result!.value}, must be ${e.result!.expected}`).toBe(true);
    });
  }

  it('claim ids are unique and every bookmark named exists on the timeline', () => {
    expect(new Set(CLAIMS.map((c) => c.id)).size).toBe(CLAIMS.length);
    for (const c of CLAIMS.filter((x) => x.bookmark)) {
      const span = ctx.data.timeline.scenes.find((s) => s.id === c.scene)!;
      expect(span.bookmarkFrames[c.bookmark!], `${c.id}: bookmark ${c.bookmark}`).toBeDefined();
    }
  });

  it('every spoken claim quotes its scene, and every word of the narration is in a spoken claim', () => {
    for (const id of SCENE_IDS) {
      const text = narrationOf(id);
      const covered = new Array<boolean>(text.length).fill(false);
      for (const c of CLAIMS.filter((x) => x.scene === id && x.kind === 'spoken')) {
        const at = text.indexOf(c.text);
        expect(at, `claim ${c.id} quotes "${c.text}", not in ${id}: "${text}"`).toBeGreaterThanOrEqual(0);
        for (let i = at; i < at + c.text.length; i++) covered[i] = true;
      }
      const missing = text
        .split('')
        .map((ch, i) => (covered[i] || !/[\p{L}\p{N}]/u.test(ch) ? ' ' : ch))
        .join('')
        .trim();
      expect(missing, `${id}: words without a claim in src/story/claims.ts`).toBe('');
    }
  });

  it('a claim fails when the screen contradicts it: the Mg2+ word 15 ms earlier, the CaMKII word a minute later', () => {
    const shift = (id: 'mg-expulsion' | 'camkii-lock-in', dMs: number): ClaimContext => {
      const clock = ctx.data.clocks[id];
      return {
        ...ctx,
        data: {
          ...ctx.data,
          clocks: { ...ctx.data.clocks, [id]: { ...clock, physicalMs: (f: number) => clock.physicalMs(f) + dMs } },
        },
      };
    };
    const mg = CLAIMS.find((c) => c.id === 'mg-out')!;
    const camkii = CLAIMS.find((c) => c.id === 'camkii-stays-active')!;
    expect(mg.check!(ctx).ok).toBe(true);
    expect(mg.check!(shift('mg-expulsion', -15)).ok).toBe(false);
    expect(camkii.check!(ctx).ok).toBe(true);
    expect(camkii.check!(shift('camkii-lock-in', 60_000)).ok).toBe(false);
  });

  it('docs/claims.md is the generated table (run `npx tsx src/story/claimsCli.ts` after a narration or model change)', () => {
    expect(readFileSync('docs/claims.md', 'utf8')).toBe(renderClaimsMarkdown(evaluated));
  });
});
