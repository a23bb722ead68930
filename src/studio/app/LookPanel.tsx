import { useState } from 'react';
import type { LookSchema, SceneLook } from '../../components/sceneLook';
import type { LookSaved } from '../shared/api';
import { lookControls, type LookControl } from './lookControls';

type Values = Record<string, unknown>;

/**
 * The look of the scene at the playhead, as controls built from the scene's
 * zod schema (src/scenes/<Scene>.look.ts). Changes preview live on the stage
 * (`onPreview`); "Save" writes the scene's .look.json (the fields that differ
 * from the defaults), which the render reads.
 */
export function LookPanel({
  looks,
  sceneId,
  drafts,
  onDraft,
}: {
  looks: readonly SceneLook<LookSchema>[];
  sceneId: string | null;
  /** Unsaved values per scene (the live preview), owned by the studio view. */
  drafts: Record<string, Values>;
  onDraft(sceneId: string, values: Values | null): void;
}) {
  const [status, setStatus] = useState<{ sceneId: string; text: string; error: boolean } | null>(null);
  const look = looks.find((l) => l.sceneId === sceneId);
  if (!look)
    return (
      <section className="look-panel" data-testid="look-panel">
        <header>
          <strong>Look</strong>
        </header>
        <p className="hint">
          {sceneId ? `Scene ${sceneId} declares no editable look` : 'No scene at the playhead'}. Scenes with one:{' '}
          {looks.map((l) => l.sceneId).join(', ') || 'none'}.
        </p>
      </section>
    );
  const saved = look.saved as Values;
  const values = drafts[look.sceneId] ?? saved;
  const check = look.schema.safeParse(values);
  const fieldErrors = new Map(check.success ? [] : check.error.issues.map((i) => [String(i.path[0]), i.message]));
  const dirty = JSON.stringify(values) !== JSON.stringify(saved);
  const set = (key: string, value: unknown) => onDraft(look.sceneId, { ...values, [key]: value });

  const save = async () => {
    setStatus({ sceneId: look.sceneId, text: 'saving…', error: false });
    const r = await fetch(`/api/props/${look.sceneId}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(values),
    });
    const body = (await r.json()) as LookSaved & { error?: string };
    setStatus(
      r.ok
        ? { sceneId: look.sceneId, text: `saved ${body.file}`, error: false }
        : { sceneId: look.sceneId, text: body.error ?? `HTTP ${r.status}`, error: true },
    );
  };

  return (
    <section className="look-panel" data-testid="look-panel">
      <header>
        <strong>Look · {look.sceneId}</strong>
        <span className="spacer" />
        <button type="button" onClick={() => onDraft(look.sceneId, look.schema.parse({}) as Values)}>
          Defaults
        </button>
        <button type="button" disabled={!dirty} onClick={() => onDraft(look.sceneId, null)}>
          Revert
        </button>
        <button type="button" data-testid="look-save" disabled={!dirty || !check.success} onClick={save}>
          Save
        </button>
      </header>
      {lookControls(look.schema).map((c) => (
        <LookField key={c.key} control={c} value={values[c.key]} error={fieldErrors.get(c.key)} onChange={set} />
      ))}
      <div className="hint" data-testid="look-status">
        {status && status.sceneId === look.sceneId ? status.text : dirty ? 'previewing unsaved changes' : look.file}
      </div>
    </section>
  );
}

function LookField({
  control: c,
  value,
  error,
  onChange,
}: {
  control: LookControl;
  value: unknown;
  error: string | undefined;
  onChange(key: string, value: unknown): void;
}) {
  return (
    <label className="look-field" data-look-field={c.key}>
      <span>{c.label}</span>
      {c.kind === 'text' && (
        <input
          type="text"
          value={String(value ?? '')}
          maxLength={c.maxChars ?? undefined}
          onChange={(e) => onChange(c.key, e.target.value)}
        />
      )}
      {c.kind === 'number' && (
        <input
          type="number"
          value={Number(value)}
          min={c.min ?? undefined}
          max={c.max ?? undefined}
          step={c.step}
          onChange={(e) => onChange(c.key, e.target.value === '' ? NaN : Number(e.target.value))}
        />
      )}
      {c.kind === 'palette' && (
        <span className="swatches">
          {c.options.map((o) => (
            <button
              key={o.name}
              type="button"
              title={`${o.name} ${o.hex}`}
              data-swatch={o.name}
              className={value === o.name ? 'swatch chosen' : 'swatch'}
              style={{ background: o.hex }}
              onClick={() => onChange(c.key, o.name)}
            />
          ))}
        </span>
      )}
      {c.kind === 'choice' && (
        <select value={String(value)} onChange={(e) => onChange(c.key, e.target.value)}>
          {c.options.map((o) => (
            <option key={o}>{o}</option>
          ))}
        </select>
      )}
      {error && <span className="field-error">{error}</span>}
    </label>
  );
}
