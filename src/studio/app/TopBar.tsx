import type { PlayableComposition } from '../../player';

/** Composition picker, its description and the stage zoom. */
export function TopBar({
  listed,
  composition,
  zoom,
  onPick,
  onZoom,
}: {
  listed: readonly PlayableComposition[];
  composition: PlayableComposition;
  zoom: 'fit' | number;
  onPick(id: string): void;
  onZoom(zoom: 'fit' | number): void;
}) {
  return (
    <header className="topbar">
      <span className="brand">LTP studio</span>
      <label>
        composition{' '}
        <select data-testid="composition-picker" value={composition.id} onChange={(e) => onPick(e.target.value)}>
          {listed.map((c) => (
            <option key={c.id} value={c.id}>
              {c.id} ({c.width}x{c.height}, {(c.durationInFrames / c.fps).toFixed(1)} s)
            </option>
          ))}
        </select>
      </label>
      <span className="description">{composition.description}</span>
      <label>
        zoom{' '}
        <select
          value={String(zoom)}
          onChange={(e) => onZoom(e.target.value === 'fit' ? 'fit' : Number(e.target.value))}
        >
          <option value="fit">fit</option>
          <option value="0.25">25%</option>
          <option value="0.5">50%</option>
          <option value="1">100%</option>
        </select>
      </label>
    </header>
  );
}
