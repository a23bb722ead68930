import { defineComposition } from '../engine';
import { explainerMetas } from './explainerMeta';

/** Stub, replaced by the scenes engineer. */
function Explainer() {
  return <div style={{ position: 'absolute', inset: 0, background: '#0b1020' }} />;
}

export const explainerCompositions = explainerMetas.map((meta) => defineComposition({ ...meta, component: Explainer, defaultProps: {} }));
