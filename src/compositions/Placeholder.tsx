import { defineComposition } from '../engine';
import { placeholderMeta } from './placeholderMeta';

/** Stub, replaced by the render engineer's placeholder scene. */
function Placeholder() {
  return <div style={{ position: 'absolute', inset: 0, background: '#0b1020' }} />;
}

export const placeholderComposition = defineComposition({ ...placeholderMeta, component: Placeholder, defaultProps: {} });
