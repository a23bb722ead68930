import { useState, useSyncExternalStore } from 'react';
import type { FrameRange } from '../../player';
import { ErrorPanel } from './ErrorPanel';
import { registrySnapshot, subscribeRegistry } from './registryStore';
import { StudioView } from './StudioView';
import { parseStudioUrl } from './studioUrl';

const DEFAULT_COMPOSITION_ID = 'explainer';

/** The studio page: picks the composition (from the URL first), then shows it. */
export function StudioApp() {
  const registry = useSyncExternalStore(subscribeRegistry, registrySnapshot);
  const [initialUrl] = useState(() => parseStudioUrl(window.location.search));
  const [choice, setChoice] = useState<{ id: string | null; frame: number; range: FrameRange | null }>({
    id: initialUrl.compositionId,
    frame: initialUrl.frame,
    range: initialUrl.range,
  });
  if (!registry) return <div className="loading">Loading compositions…</div>;
  const listed = registry.compositions.filter((c) => initialUrl.selftest || !registry.selftestIds.includes(c.id));
  const composition =
    registry.compositions.find((c) => c.id === choice.id) ??
    listed.find((c) => c.id === DEFAULT_COMPOSITION_ID) ??
    listed[0];
  if (!composition) {
    return (
      <div className="loading">
        <p>
          No compositions could be shown (src/compositions/index.ts). Fix the error below and save; the studio picks it
          up.
        </p>
        <ErrorPanel errors={[]} loadErrors={registry.loadErrors} onGoTo={() => {}} onDismiss={() => {}} />
      </div>
    );
  }
  return (
    <StudioView
      key={composition.id}
      registry={registry}
      listed={listed}
      composition={composition}
      initialFrame={choice.id === composition.id ? choice.frame : 0}
      initialRange={choice.id === composition.id ? choice.range : null}
      url={initialUrl}
      onPick={(id) => setChoice({ id, frame: 0, range: null })}
    />
  );
}
