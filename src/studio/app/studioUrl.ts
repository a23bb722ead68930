import { formatFrameRange, parseFrameRange, type FrameRange } from '../../player/frameMath';

/**
 * What the studio URL holds, so a reload or a shared link opens the same
 * view: `?composition=explainer&frame=123&range=90-240&selftest=1`.
 */
export interface StudioUrlState {
  compositionId: string | null;
  frame: number;
  range: FrameRange | null;
  /** Lists the studio's self-test compositions in the picker. */
  selftest: boolean;
  /** Stage zoom: 'fit' or a fixed scale (1 = native pixels). */
  zoom: 'fit' | number;
}

export function parseStudioUrl(search: string): StudioUrlState {
  const q = new URLSearchParams(search);
  const frame = Number(q.get('frame') ?? 0);
  const zoomText = q.get('zoom');
  const zoom = zoomText && Number(zoomText) > 0 ? Number(zoomText) : 'fit';
  return {
    compositionId: q.get('composition'),
    frame: Number.isFinite(frame) && frame >= 0 ? Math.floor(frame) : 0,
    range: parseFrameRange(q.get('range') ?? ''),
    selftest: q.get('selftest') === '1',
    zoom,
  };
}

export function formatStudioUrl(state: StudioUrlState): string {
  const q = new URLSearchParams();
  if (state.compositionId) q.set('composition', state.compositionId);
  q.set('frame', String(state.frame));
  if (state.range) q.set('range', formatFrameRange(state.range));
  if (state.selftest) q.set('selftest', '1');
  if (state.zoom !== 'fit') q.set('zoom', String(state.zoom));
  return `?${q.toString()}`;
}
