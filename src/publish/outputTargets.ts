/**
 * The published outputs' targets (shared/DESIGN.md), defined once: the voice
 * pipeline makes its audio to them, the compositions run at their frame rate,
 * the renderer encodes to them and check:outputs holds every file to them.
 * No imports, so any stage (and the browser bundle) may read it.
 */
export const OUTPUT_TARGETS = {
  /** Frame rate of every composition and of the narration timeline. */
  fps: 30,
  /** Audio sample rate: the narration WAVs and the MP4s' AAC track. */
  audioSampleRateHz: 48_000,
  /**
   * Narration loudness (EBU R 128; shared/voice-notes.md): -16 LUFS integrated, within +-1 LU, true peak at
   * most -1.5 dBTP. `lraLu` is the loudness range loudnorm is asked to keep within.
   */
  narrationLoudness: { integratedLufs: -16, toleranceLu: 1, truePeakDbtp: -1.5, lraLu: 11 },
} as const;
