import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScript, ScriptError, spokenText } from '../../src/script/script';
import { REQUIRED_BOOKMARKS, SCENE_IDS } from '../../src/script/sceneIds';

const FILE = 'captions/narration.script.md';
const real = readFileSync(FILE, 'utf8');

/** Runs the parser and returns its issues (fails the test when it does not throw). */
function issuesOf(text: string): { line: number; message: string; file: string }[] {
  try {
    parseScript(text, 'fixture.md');
  } catch (e) {
    expect(e).toBeInstanceOf(ScriptError);
    expect((e as ScriptError).message).toMatch(/fixture\.md:\d+: /);
    return (e as ScriptError).issues;
  }
  throw new Error('expected a ScriptError');
}

const lineOf = (text: string, needle: string): number => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('narration script parser', () => {
  it('parses the real script: every scene in order, with titles, words and required bookmarks', () => {
    const s = parseScript(real, FILE);
    expect(s.scenes.map((x) => x.id)).toEqual([...SCENE_IDS]);
    for (const scene of s.scenes) {
      expect(scene.title.length).toBeGreaterThan(0);
      expect(scene.words.length).toBeGreaterThan(3);
      for (const b of REQUIRED_BOOKMARKS[scene.id]) expect(scene.bookmarks.map((x) => x.name)).toContain(b);
    }
  });

  it('applies spoken forms: the say list, inline forms, punctuation kept', () => {
    const s = parseScript(real, FILE);
    const mg = s.scenes.find((x) => x.id === 'mg-expulsion')!;
    expect(spokenText(mg)).toContain('N M D A pore.');
    expect(spokenText(mg)).toContain('magnesium plugs');
    expect(mg.words.map((w) => w.text)).toContain('Mg²⁺');
    const ca = s.scenes.find((x) => x.id === 'calcium-surge')!;
    expect(spokenText(ca)).toContain('sixty five nanomolar');
    expect(ca.words.map((w) => w.text)).toContain('65');
    const camk = s.scenes.find((x) => x.id === 'camkii-lock-in')!;
    expect(spokenText(camk)).toContain('cam kinase two');
  });

  it('reads bookmarks on words: {pop out|mg-out} and {word}', () => {
    const text = real.replace('depolarisation {drives it out|mg-out}', 'depolarisation {pop out|mg-out}');
    const mg = parseScript(text, FILE).scenes.find((x) => x.id === 'mg-expulsion')!;
    const b = mg.bookmarks.find((x) => x.name === 'mg-out')!;
    expect(b.wordCount).toBe(2);
    expect(mg.words[b.wordIndex]!.text).toBe('pop');
    expect(b.line).toBe(lineOf(text, '{pop out|mg-out}'));
  });

  it('a missing scene: names it and what to add', () => {
    const text = real.replace('## calcium-surge', '## calcium-surgeX');
    const issues = issuesOf(text);
    expect(issues.some((i) => /unknown scene id/.test(i.message) && i.line === lineOf(text, '## calcium-surgeX'))).toBe(
      true,
    );
    expect(issues.some((i) => /missing scene "calcium-surge": add a "## calcium-surge" section/.test(i.message))).toBe(
      true,
    );
  });

  it('a duplicate scene id: both lines named', () => {
    const text = `${real}\n## outro\ntitle: Again\n\nMore words here, {late} too.\n`;
    const issues = issuesOf(text);
    const dup = issues.find((i) => /duplicate scene "outro"/.test(i.message))!;
    expect(dup.line).toBe(text.split('\n').lastIndexOf('## outro') + 1);
    expect(dup.message).toContain(`first at line ${lineOf(text, '## outro')}`);
  });

  it('an empty narration: the scene heading line, and what to write', () => {
    const start = real.indexOf('## ampa-insertion');
    const end = real.indexOf('## spine-growth');
    const text = `${real.slice(0, start)}## ampa-insertion\ntitle: More AMPA receptors\n\n${real.slice(end)}`;
    const issues = issuesOf(text);
    const i = issues.find((x) => /empty narration/.test(x.message))!;
    expect(i.line).toBe(lineOf(text, '## ampa-insertion'));
  });

  it('a missing required bookmark: the scene line and the bookmark to add', () => {
    const text = real.replace('{floods}', 'floods');
    const i = issuesOf(text).find((x) => /missing required bookmark "floods"/.test(x.message))!;
    expect(i.line).toBe(lineOf(text, '## calcium-surge'));
    expect(i.message).toContain('{word|floods}');
  });

  it('an unknown (misspelt) bookmark: its line and a suggestion', () => {
    const text = real.replace('{traps}', '{traps|trapz}');
    const issues = issuesOf(text);
    const i = issues.find((x) => /unknown bookmark "trapz"/.test(x.message))!;
    expect(i.line).toBe(lineOf(text, '{traps|trapz}'));
    expect(i.message).toContain('did you mean "traps"');
  });

  it("a bookmark in another scene's place is rejected", () => {
    const text = real.replace('{floods}', '{floods} and {grows}');
    const i = issuesOf(text).find((x) => /bookmark "grows" belongs to scene spine-growth/.test(x.message))!;
    expect(i.line).toBe(lineOf(text, '{floods} and {grows}'));
  });

  it('malformed markup: unclosed brace, bad bookmark id', () => {
    const a = real.replace('a {bigger} response', 'a {bigger response');
    expect(issuesOf(a).some((i) => /not closed/.test(i.message) && i.line === lineOf(a, 'a {bigger response'))).toBe(
      true,
    );
    const b = real.replace('a {bigger} response', 'a {bigger|Bigger One} response');
    expect(issuesOf(b).some((i) => /kebab-case/.test(i.message) && i.line === lineOf(b, 'Bigger One'))).toBe(true);
  });

  it('what the writer wrote is checked where it stands: lone punctuation, a spoken form without a word, an empty bookmark, an unknown scene, a missing title', () => {
    const at = (text: string, needle: string, message: RegExp) =>
      expect(issuesOf(text), needle).toContainEqual(
        expect.objectContaining({ line: lineOf(text, needle), message: expect.stringMatching(message) }),
      );
    const lone = real.replace('a {bigger} response', 'a {bigger} — response');
    at(lone, '{bigger} —', /scene intro: a word needs a letter or digit/);
    const spoken = real.replace('a {bigger} response', 'a {bigger} [x](--) response');
    at(spoken, '[x](--)', /scene intro: the spoken form needs a letter or digit/);
    const empty = real.replace('a {bigger} response', 'a bigger {|bigger} response');
    at(empty, '{|bigger}', /scene intro: a bookmark must contain at least one word/);
    const unknown = real.replace('## outro', '## outr0');
    at(unknown, '## outr0', /scene "outr0": unknown scene id; use one of intro, /);
    const untitled = real.replace(/title: Glutamate release/, 'title:');
    at(untitled, '## glutamate-release', /scene glutamate-release: missing chapter title/);
  });

  it('scenes out of order are reported', () => {
    const ia = real.indexOf('## ampa-insertion');
    const is = real.indexOf('## spine-growth');
    const io = real.indexOf('## outro');
    const text = real.slice(0, ia) + real.slice(is, io) + real.slice(ia, is) + real.slice(io);
    expect(issuesOf(text).some((i) => /out of order/.test(i.message))).toBe(true);
  });
});
