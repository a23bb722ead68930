import { useLayoutEffect, useRef, useState } from 'react';
import { replaceSceneSection, sceneSections, sceneSectionText } from '../shared/scriptEdit';
import type { NarrationIssue } from '../shared/api';
import type { Narration } from './useNarration';

const LINE_HEIGHT_PX = 18;
/** Lines the editor shows before it scrolls. */
const MAX_VISIBLE_LINES = 18;

/** A run of script lines edited in one text box; problems about its last line are shown under it. */
interface Segment {
  /** Index of its first line in the section. */
  start: number;
  lines: string[];
  issues: NarrationIssue[];
}

/**
 * The section cut after each line that has a problem, so each problem box sits in the flow
 * under its line and pushes the next lines down (over a single text box it covered them).
 */
export function scriptSegments(text: string, issues: readonly NarrationIssue[], firstLine: number): Segment[] {
  const lines = text.split('\n');
  const ends = [...new Set(issues.map((i) => i.line - firstLine))].sort((a, b) => a - b);
  const out: Segment[] = [];
  let start = 0;
  for (const end of [...ends, lines.length - 1]) {
    if (end < start) continue;
    out.push({
      start,
      lines: lines.slice(start, end + 1),
      issues: issues.filter((i) => i.line - firstLine === end),
    });
    start = end + 1;
  }
  return out;
}

/**
 * The script of the scene at the playhead, editable. "Re-voice" sends the
 * whole script (this scene's section replaced) to the server, which checks it
 * with the script parser, voices the changed scenes like `npm run voiceover`
 * and saves; the new timings arrive by hot update. A refused script shows each
 * problem under its line, with the CLI's message, and nothing is written.
 */
export function NarrationPanel({
  narration,
  sceneId,
  voice,
}: {
  narration: Narration;
  sceneId: string | null;
  /** Runs a re-voice / undo / redo (the studio keeps the playhead on its word through it). */
  voice(run: () => Promise<boolean>): Promise<void>;
}) {
  const { saved, busy, issues, error, refusedText } = narration;
  // Edits per scene (the section text), until they are saved.
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  // The text box being typed in and where its caret goes once the edit is drawn: when the problems go
  // (any edit hides them) the boxes join into one, which keeps the typed-in box's element and focus.
  const [focused, setFocused] = useState(0);
  const caret = useRef<{ box: number; at: number } | null>(null);
  const boxes = useRef(new Map<number, HTMLTextAreaElement>());
  useLayoutEffect(() => {
    const c = caret.current;
    const el = c && boxes.current.get(c.box);
    if (!c || !el) return;
    caret.current = null;
    if (el.selectionStart !== c.at || el.selectionEnd !== c.at) el.setSelectionRange(c.at, c.at);
  });

  if (!saved) return <section className="narration-panel">{error ?? 'Loading the script…'}</section>;
  const section = sceneId ? sceneSections(saved.text).find((s) => s.id === sceneId) : undefined;
  if (!sceneId || !section)
    return (
      <section className="narration-panel" data-testid="narration-panel">
        <header>
          <strong>Narration</strong>
        </header>
        <p className="hint">Move the playhead into a scene of the explainer to edit its script.</p>
      </section>
    );
  const savedSection = sceneSectionText(saved.text, sceneId) ?? '';
  const draft = drafts[sceneId] ?? savedSection;
  const dirty = draft !== savedSection;
  const fullText = replaceSceneSection(saved.text, sceneId, draft);
  const firstLine = section.headingLine;
  const lineCount = draft.split('\n').length;
  // Issues of the refused text: those inside this section go under their line, others are listed.
  const shown = refusedText !== null && refusedText === fullText ? issues : [];
  const here = shown.filter((i) => i.line >= firstLine && i.line < firstLine + lineCount);
  const elsewhere = shown.filter((i) => !here.includes(i));
  const segments = scriptSegments(draft, here, firstLine);

  const revoice = () =>
    voice(async () => {
      const ok = await narration.save(fullText);
      if (ok) setDrafts((d) => withoutKey(d, sceneId));
      return ok;
    });
  const history = (step: 'undo' | 'redo') =>
    voice(async () => {
      const ok = await narration[step]();
      if (ok) setDrafts({});
      return ok;
    });

  return (
    <section className="narration-panel" data-testid="narration-panel">
      <header>
        <strong>Narration · {sceneId}</strong>
        <span className="spacer" />
        <button
          type="button"
          data-testid="narration-undo"
          disabled={busy || !saved.canUndo}
          onClick={() => history('undo')}
        >
          Undo
        </button>
        <button
          type="button"
          data-testid="narration-redo"
          disabled={busy || !saved.canRedo}
          onClick={() => history('redo')}
        >
          Redo
        </button>
        <button type="button" data-testid="revoice" disabled={busy || !dirty} onClick={revoice}>
          {busy ? 'Voicing…' : 'Re-voice'}
        </button>
      </header>
      <div
        className="script-editor"
        data-testid="script-editor"
        style={{ ['--line' as string]: `${LINE_HEIGHT_PX}px`, maxHeight: MAX_VISIBLE_LINES * LINE_HEIGHT_PX + 12 }}
      >
        {segments.map((seg, k) => {
          // Joined into one box, it keeps the key (and the element, focus, caret) of the box typed in.
          const key = segments.length === 1 ? focused : seg.start;
          const edit = (value: string) => {
            const before = segments.slice(0, k).flatMap((x) => x.lines);
            const after = segments.slice(k + 1).flatMap((x) => x.lines);
            const text = [...before, value, ...after].join('\n');
            return { text, offset: before.length ? before.join('\n').length + 1 : 0 };
          };
          return (
            <div key={key} className="script-segment">
              <div className="gutter">
                {seg.lines.map((_, i) => (
                  <div
                    key={i}
                    className={seg.issues.length && i === seg.lines.length - 1 ? 'bad' : ''}
                    data-line={firstLine + seg.start + i}
                  >
                    {firstLine + seg.start + i}
                  </div>
                ))}
              </div>
              <textarea
                ref={(el) => {
                  if (el) boxes.current.set(key, el);
                  else boxes.current.delete(key);
                }}
                // The first box is the script for tests and tools; with problems shown the rest follow it.
                data-testid={k === 0 ? 'script-text' : 'script-text-more'}
                spellCheck={false}
                wrap="off"
                value={seg.lines.join('\n')}
                rows={seg.lines.length}
                style={{ height: seg.lines.length * LINE_HEIGHT_PX }}
                onFocus={() => segments.length > 1 && setFocused(seg.start)}
                onChange={(e) => {
                  const { text, offset } = edit(e.target.value);
                  caret.current = { box: key, at: offset + e.target.selectionStart };
                  setDrafts((d) => ({ ...d, [sceneId]: text }));
                }}
              />
              {seg.issues.map((issue, i) => (
                <div key={i} className="script-issue" data-testid="script-issue" data-line={issue.line}>
                  line {issue.line}: {issue.message}
                </div>
              ))}
            </div>
          );
        })}
      </div>
      {elsewhere.map((issue, i) => (
        <div key={i} className="script-issue elsewhere" data-testid="script-issue" data-line={issue.line}>
          line {issue.line}: {issue.message}
        </div>
      ))}
      <div className="hint">
        {dirty ? 'Unsaved edit: Re-voice checks, voices and saves it.' : 'Saved.'} Words:{' '}
        <code>{'{word|bookmark}'}</code> marks a cue; drag a yellow marker on the timeline to move one.
      </div>
    </section>
  );
}

function withoutKey(o: Record<string, string>, key: string): Record<string, string> {
  const next = { ...o };
  delete next[key];
  return next;
}
