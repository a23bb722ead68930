import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScript } from '../../src/script/script';
import { moveBookmark, replaceSceneSection, scanScene, sceneSectionText } from '../../src/studio/shared/scriptEdit';
import { followWord } from '../../src/studio/app/wordAnchor';

const SCRIPT = readFileSync(join(__dirname, '..', '..', 'captions', 'narration.script.md'), 'utf8');

describe('script edits the studio makes', () => {
  it('finds every caption word of every scene where the parser does', () => {
    const script = parseScript(SCRIPT);
    for (const scene of script.scenes) {
      const scan = scanScene(SCRIPT, scene.id)!;
      expect(scan.words.length, scene.id).toBe(scene.words.length);
      const lines = SCRIPT.split('\n');
      // Each word's columns hold its caption text (bookmark braces aside).
      scan.words.forEach((w, i) => {
        const raw = lines[w.lineIndex]!.slice(w.start, w.end).replace(/\|[a-z0-9-]+\}|[{}]/g, '');
        if (!raw.startsWith('[')) expect(raw, `${scene.id} word ${i}`).toBe(scene.words[i]!.text);
      });
    }
  });

  it('moves every bookmark to the first and the last free word of its scene, and the parser agrees', () => {
    const script = parseScript(SCRIPT);
    for (const scene of script.scenes) {
      for (const b of scene.bookmarks) {
        // Words held by the scene's other bookmarks cannot take this one (tested below).
        const held = new Set(
          scene.bookmarks
            .filter((o) => o.name !== b.name)
            .flatMap((o) => Array.from({ length: o.wordCount }, (_, k) => o.wordIndex + k)),
        );
        const free = scene.words.map((_, i) => i).filter((i) => !held.has(i));
        const firstFree = free[0]!;
        const lastFree = free[free.length - 1]!;
        const first = moveBookmark(SCRIPT, scene.id, b.name, firstFree);
        const s1 = parseScript(first).scenes.find((x) => x.id === scene.id)!;
        expect(s1.bookmarks.find((x) => x.name === b.name)!.wordIndex).toBe(firstFree);
        expect(s1.words.map((w) => w.text)).toEqual(scene.words.map((w) => w.text));
        const last = moveBookmark(first, scene.id, b.name, lastFree);
        const s2 = parseScript(last).scenes.find((x) => x.id === scene.id)!;
        expect(s2.bookmarks.find((x) => x.name === b.name)).toMatchObject({ wordIndex: lastFree, wordCount: 1 });
      }
    }
  });

  it('refuses a word that does not exist or sits inside another bookmark', () => {
    expect(() => moveBookmark(SCRIPT, 'intro', 'bigger', 999)).toThrow(/has no word 1000/);
    expect(() => moveBookmark(SCRIPT, 'intro', 'nope', 0)).toThrow(/no bookmark "nope"/);
    const s = parseScript(SCRIPT).scenes.find((x) => x.id === 'glutamate-release')!;
    const other = s.bookmarks.find((b) => b.name === 'ampa-open')!;
    expect(() => moveBookmark(SCRIPT, 'glutamate-release', 'release', other.wordIndex)).toThrow(/already inside/);
  });

  it('cuts out and puts back one scene section unchanged', () => {
    for (const id of ['intro', 'mg-expulsion', 'outro']) {
      const section = sceneSectionText(SCRIPT, id)!;
      expect(section.startsWith(`## ${id}`)).toBe(true);
      expect(replaceSceneSection(SCRIPT, id, section)).toBe(SCRIPT);
    }
    const edited = replaceSceneSection(SCRIPT, 'outro', sceneSectionText(SCRIPT, 'outro')!.replace('late', 'later'));
    expect(edited).not.toBe(SCRIPT);
    expect(edited.length).toBe(SCRIPT.length + 1);
  });
});

describe('the playhead follows its word through an edit', () => {
  it('keeps words before the change, shifts words after it, and sends changed words to the change', () => {
    const before = ['Ca²⁺', 'floods', 'in,', 'from', '50', 'nM'];
    const after = ['So,', 'Ca²⁺', 'floods', 'in,', 'from', '50', 'nM'];
    expect(followWord(before, after, 1)).toBe(2);
    expect(followWord(before, after, 5)).toBe(6);
    const replaced = ['Ca²⁺', 'rushes', 'in,', 'from', '50', 'nM'];
    expect(followWord(before, replaced, 0)).toBe(0);
    expect(followWord(before, replaced, 1)).toBe(1);
    expect(followWord(before, replaced, 4)).toBe(4);
    expect(followWord(before, ['Ca²⁺', 'nM'], 3)).toBe(1);
  });
});
