/**
 * Voice settings. Everything here goes into the cache key and the timings'
 * scriptHash, so changing a setting re-synthesises and marks old timings stale.
 */
export interface SyntheticVoiceSettings {
  engine: 'festival';
  /** Festival voice name (Debian package festvox-us-slt-hts). */
  voice: 'cmu_us_slt_arctic_hts';
  /**
   * hts_engine speaking-rate factor "-r": durations scale by 1/rate (0.7 -> 1.43x
   * longer; see shared/voice-notes.md). 1 = the voice's default rate.
   */
  rate: number;
}

/**
 * Default voice: slt HTS at rate 1.15 gives ~150 words a minute on this script,
 * a natural explainer pace (1.0 gives ~143 wpm with long phrase pauses).
 */
export const DEFAULT_VOICE: SyntheticVoiceSettings = {
  engine: 'festival',
  voice: 'cmu_us_slt_arctic_hts',
  rate: 1.15,
};

/** Bump when the synthesis / timing pipeline changes in a way that alters outputs. */
export const PIPELINE_VERSION = 1;

// Output sample rate and loudness target: src/publish/outputTargets.ts.
