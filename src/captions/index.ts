/** Browser-safe caption helpers (no Node imports). The Node-only sidecar writer is in ./sidecars. */
export { buildCues, sceneCutsMs, wordsByScene, type BuildCuesOptions } from './buildCues';
export { breakLines } from './lineBreak';
export { CAPTION_LIMITS, type CaptionLimits } from './limits';
export { toChaptersVtt, toSrt, toTranscript, toWebVtt, vttTimestamp } from './formats';
export { validateCues, type CueRule, type CueViolation } from './validateCues';
export type { CaptionCue } from './types';
