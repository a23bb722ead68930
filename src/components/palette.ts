/**
 * The explainer's palette and type scale. Text colours are checked for WCAG
 * AA contrast (>= 4.5:1) against `background` and `panel` in test/scenes.
 */
export const palette = {
  /** Page background behind the 3D stage (deep navy). */
  background: '#0b1020',
  backgroundGlow: '#1a2550',
  /** Overlay card fill (opaque enough that contrast is measured against it). */
  panel: '#121a36',
  panelBorder: '#2c3a6e',
  text: '#f2f5ff',
  textMuted: '#b7c0e0',
  /** Membrane potential. */
  vm: '#5fd4ff',
  /** Ca2+ (readouts; the ion colour on the spine uses the colour map in caColor.ts). */
  calcium: '#ff9a3c',
  glutamate: '#7ee0a1',
  ampa: '#5fd4ff',
  /** 3D colour of a closed AMPA receptor (darker, so open ones stand out). */
  ampaClosed3d: '#2a7fa3',
  ampaOpen: '#d8fdff',
  nmda: '#ff5fa2',
  magnesium: '#d4ff5a',
  camkiiLit: '#ffd166',
  camkiiDim: '#3a4470',
  fepspBefore: '#9aa6cf',
  fepspAfter: '#ffd166',
  threshold: '#ff6b8b',
  /** Postsynaptic membrane (spine, dendrite): the receiver, cool lilac. */
  membrane: '#7c80c8',
  /** Presynaptic membrane (bouton, axon): the sender, steel blue. */
  bouton: '#6f93cc',
  vesicle: '#d9e3ff',
  /** Postsynaptic density: a dense protein disc, pale lavender-white (structure, not a molecule). */
  psd: '#e9e2ff',
  /** Recycling endosome carrying AMPA receptors (a pale tint of the AMPA cyan). */
  endosome: '#a8ecff',
} as const;

export const fonts = {
  sans: "'Inter', 'DejaVu Sans', sans-serif",
  mono: "'JetBrains Mono', 'DejaVu Sans Mono', monospace",
} as const;

/** Type scale in px at 1080 px on the short side (phone-legible: body >= 30 px). */
export const typeScale = {
  title: 56,
  kicker: 26,
  body: 32,
  label: 30,
  small: 26,
  clock: 34,
  bigNumber: 52,
} as const;
