import { useRef, useState, type UIEvent } from 'react';
import { replaceSceneSection, sceneSections, sceneSectionText } from '../shared/scriptEdit';
import type { Narration } from './useNarration';

const LINE_HEIGHT_PX = 18;

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
  const [scrollTop, setScrollTop] = useState(0);
  const textRef = useRef<HTMLTextAreaElement | null>(null);

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
      <div className="script-editor" style={{ ['--line' as string]: `${LINE_HEIGHT_PX}px` }}>
        <div className="gutter" style={{ transform: `translateY(${-scrollTop}px)` }}>
          {draft.split('\n').map((_, i) => (
            <div key={i} className={here.some((x) => x.line === firstLine + i) ? 'bad' : ''}>
              {firstLine + i}
            </div>
          ))}
        </div>
        <textarea
          ref={textRef}
          data-testid="script-text"
          spellCheck={false}
          wrap="off"
          value={draft}
          rows={Math.min(18, Math.max(6, lineCount + 1 + 2 * here.length))}
          onScroll={(e: UIEvent<HTMLTextAreaElement>) => setScrollTop(e.currentTarget.scrollTop)}
          onChange={(e) => setDrafts((d) => ({ ...d, [sceneId]: e.target.value }))}
        />
        {here.map((issue, i) => (
          <div
            key={i}
            className="script-issue"
            data-testid="script-issue"
            data-line={issue.line}
            style={{ top: (issue.line - firstLine + 1) * LINE_HEIGHT_PX - scrollTop + 4 }}
          >
            line {issue.line}: {issue.message}
          </div>
        ))}
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
