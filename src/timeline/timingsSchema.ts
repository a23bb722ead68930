/** zod schema of captions/timings.json (VoiceTimings), for loading it safely in the app and the CLIs. */
import { z } from 'zod';
import { SCENE_IDS } from '../script/sceneIds';
import type { VoiceTimings } from './types';

const caption = z.object({
  text: z.string(),
  startMs: z.number().nonnegative(),
  endMs: z.number().nonnegative(),
  timestampMs: z.number().nullable(),
  confidence: z.number().nullable(),
  pageBreakAfter: z.boolean().optional(),
});

export const voiceTimingsSchema = z.object({
  scriptHash: z.string().min(1),
  voice: z.object({
    engine: z.string(),
    voice: z.string(),
    rate: z.number(),
    source: z.enum(['synthetic', 'recording']),
  }),
  scenes: z.array(
    z.object({
      id: z.enum(SCENE_IDS),
      title: z.string().optional(),
      audioDurationMs: z.number().positive(),
      words: z.array(caption),
      bookmarksMs: z.record(z.string(), z.number().nonnegative()),
    }),
  ),
});

/** Validates parsed timings JSON; the error names the file and the bad field. */
export function parseVoiceTimings(json: unknown, file = 'captions/timings.json'): VoiceTimings {
  const r = voiceTimingsSchema.safeParse(json);
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw new Error(`${file}: ${i.path.join('.')}: ${i.message}; regenerate it with \`npm run voiceover\``);
  }
  return r.data as VoiceTimings;
}
