/**
 * The narration script (captions/narration.script.md): parser and validation.
 *
 * Format, in short (the file's own header explains it to writers):
 *   ## say            list of `- Caption: spoken form` pronunciations, applied to every occurrence
 *   ## <scene id>     one per scene, in SCENE_IDS order
 *   title: ...        chapter title of the scene
 *   narration text    `{words|bookmark-id}` marks a bookmark; `{word}` names it after the word;
 *                     `[T286](tee two eighty six)` gives one word its own spoken form
 *   > note            a writer's note, not narrated
 *
 * Pure: no file system access here (see src/voiceover for I/O), so it runs in the
 * browser and in Node alike.
 */
import { REQUIRED_BOOKMARKS, SCENE_IDS, type SceneId } from './sceneIds';

/** One caption word with its spoken form. */
export interface ScriptWord {
  /** As shown in captions, with its punctuation ("Mg²⁺."). */
  text: string;
  /** As sent to the voice, with the same punctuation ("magnesium."). Always has a letter or digit. */
  spoken: string;
  /** 1-based line in the script file. */
  line: number;
}

export interface ScriptBookmark {
  /** Bookmark id (kebab-case), e.g. "pops-out". */
  name: string;
  /** Index of the first bookmarked word in the scene's `words`. */
  wordIndex: number;
  /** Number of words inside the braces. */
  wordCount: number;
  line: number;
}

export interface ScriptScene {
  id: SceneId;
  /** Chapter title. */
  title: string;
  /** Line of the `## id` heading. */
  line: number;
  words: ScriptWord[];
  bookmarks: ScriptBookmark[];
}

export interface NarrationScript {
  file: string;
  scenes: ScriptScene[];
  /** Caption word (without punctuation) -> spoken form, from the `## say` list. */
  pronunciations: Record<string, string>;
}

/** One problem found in the script, with where it is and what to do. */
export interface ScriptIssue {
  file: string;
  line: number;
  message: string;
}

/** Thrown for an invalid script; `issues` lists every problem found, `message` formats them as `file:line: ...`. */
export class ScriptError extends Error {
  readonly issues: ScriptIssue[];
  constructor(issues: ScriptIssue[]) {
    super(
      `narration script has ${issues.length} problem${issues.length === 1 ? '' : 's'}:\n` +
        issues.map((i) => `  ${i.file}:${i.line}: ${i.message}`).join('\n'),
    );
    this.name = 'ScriptError';
    this.issues = issues;
  }
}

const BOOKMARK_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const HAS_ALNUM = /[\p{L}\p{N}]/u;
const LEADING_PUNCT = /^[("“‘'¿¡]+/u;
const TRAILING_PUNCT = /[.,:;!?)"”’'…]+$/u;

/** Splits a word into leading punctuation, core and trailing punctuation. */
export function splitPunctuation(text: string): { lead: string; core: string; trail: string } {
  const lead = LEADING_PUNCT.exec(text)?.[0] ?? '';
  const rest = text.slice(lead.length);
  const trail = TRAILING_PUNCT.exec(rest)?.[0] ?? '';
  return { lead, core: rest.slice(0, rest.length - trail.length), trail };
}

/** kebab-case id from bookmarked words: "pops out" -> "pops-out". */
export function bookmarkIdFromWords(words: string): string {
  return words
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

interface RawWord {
  text: string;
  inlineSpoken?: string;
  line: number;
}

interface RawScene {
  id: string;
  title: string;
  titleSeen: boolean;
  line: number;
  words: RawWord[];
  bookmarks: ScriptBookmark[];
}

/**
 * Tokenises one narration line into words and bookmarks, appending to `scene`.
 * Reports markup errors (unbalanced braces, malformed spoken forms) to `issues`.
 */
function tokeniseLine(
  text: string,
  line: number,
  scene: RawScene,
  report: (line: number, message: string) => void,
): void {
  let cur: RawWord | null = null;
  let open: { wordIndex: number; col: number } | null = null;
  const flush = (): void => {
    if (cur && cur.text.length > 0) scene.words.push(cur);
    cur = null;
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      flush();
      i++;
      continue;
    }
    if (ch === '{') {
      if (open) {
        report(line, `nested "{" at column ${i + 1}: close the bookmark started at column ${open.col} with "}" first`);
        return;
      }
      flush();
      open = { wordIndex: scene.words.length, col: i + 1 };
      i++;
      continue;
    }
    if (ch === '|' || ch === '}') {
      if (!open) {
        report(line, `"${ch}" at column ${i + 1} outside a bookmark: bookmarks look like {pops out|pops-out}`);
        return;
      }
      flush();
      let name: string;
      if (ch === '|') {
        const close = text.indexOf('}', i);
        if (close < 0) {
          report(line, `bookmark at column ${open.col} has no closing "}": write {words|bookmark-id}`);
          return;
        }
        name = text.slice(i + 1, close).trim();
        i = close + 1;
      } else {
        name = bookmarkIdFromWords(
          scene.words
            .slice(open.wordIndex)
            .map((w) => w.text)
            .join(' '),
        );
        i++;
      }
      scene.bookmarks.push({ name, wordIndex: open.wordIndex, wordCount: scene.words.length - open.wordIndex, line });
      open = null;
      // Punctuation right after "}" belongs to the last bookmarked word: "{pop out|pops-out}:".
      if (i < text.length && !/\s/.test(text[i]!) && scene.words.length > 0) cur = scene.words.pop()!;
      continue;
    }
    if (ch === '[') {
      const m = /^\[([^\]\s]+)\]\(([^)]+)\)/.exec(text.slice(i));
      if (!m) {
        report(
          line,
          `malformed spoken form at column ${i + 1}: write [caption](spoken words) with one caption word, e.g. [T286](tee two eighty six)`,
        );
        return;
      }
      if (cur && cur.text.length > 0) {
        report(line, `put a space before "[" at column ${i + 1}`);
        return;
      }
      cur = { text: m[1]!, inlineSpoken: m[2]!.trim(), line };
      i += m[0].length;
      continue;
    }
    if (!cur) cur = { text: '', line };
    cur.text += ch;
    i++;
  }
  flush();
  if (open) report(line, `bookmark at column ${open.col} is not closed on the same line: add "}"`);
}

/** Edit distance, for "did you mean" hints. */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, r) => [r, ...Array<number>(b.length).fill(0)]);
  for (let c = 1; c <= b.length; c++) d[0]![c] = c;
  for (let r = 1; r <= a.length; r++)
    for (let c = 1; c <= b.length; c++)
      d[r]![c] = Math.min(d[r - 1]![c]! + 1, d[r]![c - 1]! + 1, d[r - 1]![c - 1]! + (a[r - 1] === b[c - 1] ? 0 : 1));
  return d[a.length]![b.length]!;
}

type Report = (line: number, message: string) => void;

/**
 * Parses and validates the narration script. Throws ScriptError listing every
 * problem (file, line, what to fix): missing / duplicate / unknown / out-of-order
 * scenes, empty narration, missing title, missing required bookmarks, misspelt or
 * misplaced bookmarks, malformed markup.
 *
 * Steps: read the sections (the `## say` list, the scenes' titles and words),
 * build and check each scene, check the scene set and order, check the bookmarks.
 *
 * @param text the script file's content
 * @param file path shown in error messages
 */
export function parseScript(text: string, file = 'captions/narration.script.md'): NarrationScript {
  const issues: ScriptIssue[] = [];
  const report: Report = (line, message) => void issues.push({ file, line, message });
  const lines = text.split(/\r?\n/);
  const { pronunciations, raw } = readSections(lines, report);
  const scenes = raw.map((r) => buildScene(r, pronunciations, report)).filter((s) => s !== null);
  checkSceneSet(raw, lines.length, report);
  for (const s of scenes) checkBookmarks(s, report);
  if (issues.length > 0) throw new ScriptError(issues.sort((a, b) => a.line - b.line));
  const ordered = SCENE_IDS.map((id) => scenes.find((s) => s.id === id)!);
  return { file, scenes: ordered, pronunciations };
}

/** Reads the file line by line: the `## say` pronunciations, and each `## scene` with its title, words and bookmarks. */
function readSections(
  lines: readonly string[],
  report: Report,
): { pronunciations: Record<string, string>; raw: RawScene[] } {
  const pronunciations: Record<string, string> = {};
  const raw: RawScene[] = [];
  let section: 'preamble' | 'say' | 'scene' = 'preamble';
  let scene: RawScene | null = null;
  lines.forEach((content, idx) => {
    const line = idx + 1;
    const heading = /^##\s+(.*?)\s*$/.exec(content);
    if (heading) {
      const name = heading[1]!;
      if (name.toLowerCase() === 'say') {
        section = 'say';
        scene = null;
      } else {
        section = 'scene';
        scene = { id: name, title: '', titleSeen: false, line, words: [], bookmarks: [] };
        raw.push(scene);
      }
      return;
    }
    if (/^#\s/.test(content)) return;
    const trimmed = content.trim();
    if (trimmed === '' || trimmed.startsWith('>') || trimmed.startsWith('<!--')) return;
    if (section === 'preamble') return;
    if (section === 'say') {
      readPronunciation(trimmed, line, pronunciations, report);
      return;
    }
    const s = scene!;
    const title = /^title\s*:\s*(.*)$/i.exec(trimmed);
    if (title && !s.titleSeen && s.words.length === 0) {
      s.title = title[1]!.trim();
      s.titleSeen = true;
      return;
    }
    tokeniseLine(trimmed, line, s, report);
  });
  return { pronunciations, raw };
}

/** One `- Caption: spoken form` line of the `## say` list. */
function readPronunciation(
  trimmed: string,
  line: number,
  pronunciations: Record<string, string>,
  report: Report,
): void {
  const m = /^-\s*(.+?)\s*:\s*(.+?)\s*$/.exec(trimmed);
  if (!m || !HAS_ALNUM.test(m[2]!)) {
    report(line, 'pronunciation lines look like "- AMPA: am-pa"');
    return;
  }
  if (m[1]! in pronunciations) report(line, `"${m[1]}" already has a spoken form; keep one line per word`);
  pronunciations[m[1]!] = m[2]!;
}

/**
 * A scene with each word's spoken form, or null (problems reported) when what
 * the writer wrote is not a scene: an unknown id, no title, no words, a word
 * or spoken form without a letter or digit, an empty or malformed bookmark.
 */
function buildScene(r: RawScene, pronunciations: Record<string, string>, report: Report): ScriptScene | null {
  const words: ScriptWord[] = r.words.map((w, wi) => {
    const sentenceStart = wi === 0 || /[.!?]["”’)]*$/.test(r.words[wi - 1]!.text);
    const { lead, core, trail } = splitPunctuation(w.text);
    let spokenCore = w.inlineSpoken ?? pronunciations[core] ?? core;
    // Sentence-initial capitals: festival uses them to find sentence ends.
    if (sentenceStart && /^\p{Ll}/u.test(spokenCore)) spokenCore = spokenCore[0]!.toUpperCase() + spokenCore.slice(1);
    return { text: w.text, spoken: lead + spokenCore + trail, line: w.line };
  });
  let problems = 0;
  const problem = (line: number, message: string, where = `scene ${r.id}`) => {
    problems++;
    report(line, `${where}: ${message}`);
  };
  if (!isSceneId(r.id)) problem(r.line, `unknown scene id; use one of ${SCENE_IDS.join(', ')}`, `scene "${r.id}"`);
  if (r.title.trim() === '') problem(r.line, 'missing chapter title: add a `title: ...` line under the scene heading');
  if (words.length === 0) problem(r.line, 'empty narration: write at least one sentence under the scene heading');
  for (const w of words) {
    if (!HAS_ALNUM.test(w.text)) problem(w.line, 'a word needs a letter or digit (attach lone punctuation to a word)');
    if (!HAS_ALNUM.test(w.spoken)) problem(w.line, 'the spoken form needs a letter or digit');
  }
  for (const b of r.bookmarks) {
    if (!BOOKMARK_ID.test(b.name))
      problem(b.line, 'bookmark ids are kebab-case: lowercase letters, digits and single dashes, e.g. pops-out');
    if (b.wordCount < 1) problem(b.line, 'a bookmark must contain at least one word: {pops out|pops-out}');
  }
  if (problems > 0 || !isSceneId(r.id)) return null;
  return { id: r.id, title: r.title, line: r.line, words, bookmarks: r.bookmarks };
}

function isSceneId(id: string): id is SceneId {
  return (SCENE_IDS as readonly string[]).includes(id);
}

/** Every scene once, none missing, in SCENE_IDS order. */
function checkSceneSet(raw: readonly RawScene[], lastLine: number, report: Report): void {
  const seen = new Map<string, number>();
  for (const r of raw) {
    const first = seen.get(r.id);
    if (first !== undefined)
      report(r.line, `duplicate scene "${r.id}" (first at line ${first}): merge the two or rename one`);
    else seen.set(r.id, r.line);
  }
  for (const id of SCENE_IDS) {
    if (!seen.has(id)) {
      const prevIdx = SCENE_IDS.indexOf(id) - 1;
      const after = prevIdx >= 0 ? ` after "## ${SCENE_IDS[prevIdx]}"` : ' before the other scenes';
      report(lastLine, `missing scene "${id}": add a "## ${id}" section with a title and narration${after}`);
    }
  }
  const known = raw.filter((r) => isSceneId(r.id));
  const order = known.map((r) => r.id).filter((id, i, a) => a.indexOf(id) === i);
  const expected = SCENE_IDS.filter((id) => order.includes(id));
  if (order.join() !== expected.join()) {
    const firstWrong = known.find((r, i) => r.id !== expected[i]);
    report(firstWrong?.line ?? 1, `scenes out of order: expected ${SCENE_IDS.join(', ')}; found ${order.join(', ')}`);
  }
}

/** Each bookmark used once, in the scene that needs it (with a "did you mean" for a misspelling); every required one present. */
function checkBookmarks(s: ScriptScene, report: Report): void {
  const required = REQUIRED_BOOKMARKS[s.id];
  const names = new Map<string, number>();
  for (const b of s.bookmarks) {
    const prev = names.get(b.name);
    if (prev !== undefined)
      report(
        b.line,
        `scene ${s.id}: bookmark "${b.name}" is used twice (also line ${prev}); ids must be unique in a scene`,
      );
    names.set(b.name, b.line);
    if (required.includes(b.name)) continue;
    const owner = SCENE_IDS.find((id) => id !== s.id && REQUIRED_BOOKMARKS[id].includes(b.name));
    if (owner) {
      report(
        b.line,
        `scene ${s.id}: bookmark "${b.name}" belongs to scene ${owner}; move it there (this scene needs: ${required.join(', ')})`,
      );
      continue;
    }
    const near = required.find((r) => editDistance(r, b.name) <= 2 && !s.bookmarks.some((x) => x.name === r));
    if (near)
      report(
        b.line,
        `scene ${s.id}: unknown bookmark "${b.name}"; did you mean "${near}"? Write {${s.words[b.wordIndex]?.text ?? 'word'}|${near}}`,
      );
  }
  for (const r of required) {
    if (!names.has(r)) {
      report(
        s.line,
        `scene ${s.id}: missing required bookmark "${r}": mark the cue word, e.g. {word|${r}} (required: ${required.join(', ')})`,
      );
    }
  }
}

/** The spoken text of one scene, as sent to the voice (one line). */
export function spokenText(scene: ScriptScene): string {
  return scene.words.map((w) => w.spoken).join(' ');
}

/** The caption text of one scene (one line). */
export function captionText(scene: ScriptScene): string {
  return scene.words.map((w) => w.text).join(' ');
}

/**
 * Canonical content of the script that the audio and timings depend on: ids,
 * titles, caption and spoken words, bookmarks. Notes and formatting don't count,
 * so editing a writer's note does not make the timings stale.
 */
export function canonicalScript(script: NarrationScript): string {
  return JSON.stringify(
    script.scenes.map((s) => ({
      id: s.id,
      title: s.title,
      words: s.words.map((w) => [w.text, w.spoken]),
      bookmarks: s.bookmarks.map((b) => [b.name, b.wordIndex, b.wordCount]),
    })),
  );
}
