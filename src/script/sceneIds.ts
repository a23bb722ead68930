/**
 * The scenes of the explainer, in order. The narration script
 * (captions/narration.script.md) must list exactly these ids; each id has one
 * component in src/scenes.
 */
export const SCENE_IDS = [
  'intro',
  'glutamate-release',
  'mg-expulsion',
  'calcium-surge',
  'camkii-lock-in',
  'ampa-insertion',
  'spine-growth',
  'outro',
] as const;

export type SceneId = (typeof SCENE_IDS)[number];

/**
 * Bookmarks each scene needs in its narration: the cue words at which an
 * on-screen event must land. The script may add more; these are required.
 */
export const REQUIRED_BOOKMARKS: Record<SceneId, readonly string[]> = {
  intro: ['bigger'],
  'glutamate-release': ['release', 'ampa-open'],
  'mg-expulsion': ['mg-out'],
  'calcium-surge': ['floods'],
  'camkii-lock-in': ['falls'],
  'ampa-insertion': ['traps'],
  'spine-growth': ['grows', 'lasts'],
  outro: ['late', 'weakens'],
};
