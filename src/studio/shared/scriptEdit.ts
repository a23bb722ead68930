/**
 * Text edits on the narration script (captions/narration.script.md) that the
 * studio makes for an editor: cut out and put back one scene's section, and
 * move a `{word|bookmark}` cue onto another word. Pure string work (browser and
 * Node); the result is always checked by the real parser (src/script) before
 * anything is written.
 */

/** One `## <scene id>` section: lines `headingLine`..`endLine` (1-based, inclusive). */
export interface ScriptSection {
  id: string;
  headingLine: number;
  endLine: number;
}

/** The scene sections of a script (the `## say` list is not a scene). */
export function sceneSections(text: string): ScriptSection[] {
  const lines = text.split('\n');
  const out: ScriptSection[] = [];
  lines.forEach((content, i) => {
    const m = /^##\s+(.*?)\s*$/.exec(content);
    if (!m) return;
    const last = out[out.length - 1];
    if (last && last.endLine === -1) last.endLine = i;
    if (m[1]!.toLowerCase() !== 'say') out.push({ id: m[1]!, headingLine: i + 1, endLine: -1 });
    else if (last && last.endLine === -1) last.endLine = i;
  });
  const last = out[out.length - 1];
  if (last && last.endLine === -1) last.endLine = lines.length;
  for (const s of out) {
    // Trailing blank lines belong to the gap, not the scene.
    while (s.endLine > s.headingLine && (lines[s.endLine - 1] ?? '').trim() === '') s.endLine--;
  }
  return out;
}

/** The text of one scene's section (heading included), or null when the script has no such scene. */
export function sceneSectionText(text: string, sceneId: string): string | null {
  const s = sceneSections(text).find((x) => x.id === sceneId);
  if (!s) return null;
  return text
    .split('\n')
    .slice(s.headingLine - 1, s.endLine)
    .join('\n');
}

/** The script with one scene's section replaced by `sectionText`. */
export function replaceSceneSection(text: string, sceneId: string, sectionText: string): string {
  const s = sceneSections(text).find((x) => x.id === sceneId);
  if (!s) throw new Error(`the script has no "## ${sceneId}" section`);
  const lines = text.split('\n');
  return [
    ...lines.slice(0, s.headingLine - 1),
    ...sectionText.replace(/\n+$/, '').split('\n'),
    ...lines.slice(s.endLine),
  ].join('\n');
}

/** Where one caption word of a scene sits in the script text. */
export interface WordPlace {
  /** 0-based line index in the whole script. */
  lineIndex: number;
  /** Column of the word's first character (after any "{"). */
  start: number;
  /** Column after the word's core (before trailing punctuation). */
  coreEnd: number;
  /** Column after the word (punctuation included). */
  end: number;
}

/** Where a bookmark's markup sits: "{" at `open`, and "|name}" or "}" at `closeStart`..`closeEnd`. */
export interface BookmarkPlace {
  name: string | null;
  lineIndex: number;
  open: number;
  closeStart: number;
  closeEnd: number;
  wordIndex: number;
}

const TRAILING_PUNCT = /[.,:;!?)"”’'…]+$/u;

/**
 * The caption words and bookmarks of one scene with their columns, following
 * the parser's rules (src/script/script.ts tokeniseLine): whitespace separates
 * words, `{...}` / `{...|id}` marks a bookmark, `[caption](spoken)` is one word;
 * `title:`, `>` notes and comments are skipped.
 */
export function scanScene(text: string, sceneId: string): { words: WordPlace[]; bookmarks: BookmarkPlace[] } | null {
  const s = sceneSections(text).find((x) => x.id === sceneId);
  if (!s) return null;
  const lines = text.split('\n');
  const words: WordPlace[] = [];
  const bookmarks: BookmarkPlace[] = [];
  let titleSeen = false;
  for (let li = s.headingLine; li < s.endLine; li++) {
    const raw = lines[li]!;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('>') || trimmed.startsWith('<!--')) continue;
    if (!titleSeen && words.length === 0 && /^title\s*:/i.test(trimmed)) {
      titleSeen = true;
      continue;
    }
    let cur: WordPlace | null = null;
    let open: { col: number; wordIndex: number } | null = null;
    const flush = (at: number) => {
      if (cur && at > cur.start) {
        cur.end = at;
        const body = raw.slice(cur.start, at);
        cur.coreEnd = at - (TRAILING_PUNCT.exec(body)?.[0].length ?? 0);
        words.push(cur);
      }
      cur = null;
    };
    let i = 0;
    while (i < raw.length) {
      const ch = raw[i]!;
      if (/\s/.test(ch)) {
        flush(i);
        i++;
      } else if (ch === '{') {
        flush(i);
        open = { col: i, wordIndex: words.length };
        i++;
      } else if ((ch === '|' || ch === '}') && open) {
        flush(i);
        const close = ch === '|' ? raw.indexOf('}', i) : i;
        if (close < 0) break;
        const name = ch === '|' ? raw.slice(i + 1, close).trim() : null;
        bookmarks.push({
          name,
          lineIndex: li,
          open: open.col,
          closeStart: i,
          closeEnd: close + 1,
          wordIndex: open.wordIndex,
        });
        open = null;
        i = close + 1;
        // Punctuation right after "}" belongs to the last bookmarked word.
        if (i < raw.length && !/\s/.test(raw[i]!) && words.length > 0) {
          let j = i;
          while (j < raw.length && !/\s/.test(raw[j]!)) j++;
          words[words.length - 1]!.end = j;
          i = j;
        }
      } else if (ch === '[') {
        const m = /^\[([^\]\s]+)\]\(([^)]+)\)/.exec(raw.slice(i));
        if (!m) break;
        cur = { lineIndex: li, start: i, coreEnd: i + m[0].length, end: i + m[0].length };
        i += m[0].length;
      } else {
        cur ??= { lineIndex: li, start: i, coreEnd: i, end: i };
        i++;
      }
    }
    flush(raw.length);
  }
  return { words, bookmarks };
}

/**
 * Moves bookmark `name` of scene `sceneId` onto the scene's word `toWordIndex`
 * (0-based, as in the caption track): the old `{...}` markup is removed and the
 * target word becomes `{word|name}`. Throws with a message for the editor when
 * the bookmark or the word does not exist, or the word is inside another bookmark.
 */
export function moveBookmark(text: string, sceneId: string, name: string, toWordIndex: number): string {
  const before = scanScene(text, sceneId);
  if (!before) throw new Error(`the script has no "## ${sceneId}" section`);
  const bm = before.bookmarks.find((b) => (b.name ?? bookmarkNameAt(text, b, before.words)) === name);
  if (!bm) throw new Error(`scene ${sceneId} has no bookmark "${name}"`);
  const lines = text.split('\n');
  // Remove the old markup (close first, so the open column stays valid).
  const line = lines[bm.lineIndex]!;
  lines[bm.lineIndex] = line.slice(0, bm.open) + line.slice(bm.open + 1, bm.closeStart) + line.slice(bm.closeEnd);
  const stripped = lines.join('\n');
  const after = scanScene(stripped, sceneId)!;
  const target = after.words[toWordIndex];
  if (!target) throw new Error(`scene ${sceneId} has no word ${toWordIndex + 1} (it has ${after.words.length})`);
  const inside = after.bookmarks.find(
    (b) => b.lineIndex === target.lineIndex && b.open < target.start && target.start < b.closeStart,
  );
  if (inside) throw new Error(`that word is already inside bookmark "${inside.name ?? '(named after its words)'}"`);
  const tl = lines[target.lineIndex]!;
  lines[target.lineIndex] =
    tl.slice(0, target.start) + '{' + tl.slice(target.start, target.coreEnd) + `|${name}}` + tl.slice(target.coreEnd);
  return lines.join('\n');
}

/** The id a `{words}` bookmark gets from its words (as the parser names it). */
function bookmarkNameAt(text: string, b: BookmarkPlace, words: WordPlace[]): string {
  const line = text.split('\n')[b.lineIndex]!;
  const inner = words.filter((w) => w.lineIndex === b.lineIndex && w.start > b.open && w.start < b.closeStart);
  return inner
    .map((w) => line.slice(w.start, w.end))
    .join(' ')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
