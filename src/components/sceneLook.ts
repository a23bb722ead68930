/**
 * A scene's editable look: the parameters an editor may change in the studio
 * (palette colours, label texts, fade lengths, camera framing), declared as a zod schema in a
 * `<Scene>.look.ts` file beside the scene, with defaults equal to the scene's
 * built-in look. The editor's choices live in `<Scene>.look.json` beside it,
 * holding only the fields that differ from the defaults; the render and the
 * studio read it through the scene's `useLook()` hook. A bad JSON file stops the
 * load with an error naming the file and the field.
 */
import { createContext, useContext } from 'react';
import { z } from 'zod';
import type { SceneId } from '../script/sceneIds';
import { palette } from './palette';
import type { CameraFraming } from './cameraRig';
import { FADE_FRAMES } from './crossFade';

/** Names of the palette colours an editor may pick from. */
export const PALETTE_COLOUR_NAMES = Object.keys(palette) as [keyof typeof palette, ...(keyof typeof palette)[]];
export type PaletteColourName = keyof typeof palette;

/** A palette colour field (the studio shows swatches). */
export function paletteColour(defaultName: PaletteColourName, label: string) {
  return z.enum(PALETTE_COLOUR_NAMES).default(defaultName).describe(label);
}

/** A short on-screen text field. */
export function labelText(defaultText: string, label: string, maxChars = 48) {
  return z.string().trim().min(1, 'must not be empty').max(maxChars).default(defaultText).describe(label);
}

/** A length in frames (fade or hold of an overlay), minFrames..maxFrames. */
export function frameCount(defaultFrames: number, label: string, maxFrames = 120, minFrames = 1) {
  return z.number().int().min(minFrames).max(maxFrames).default(defaultFrames).describe(label);
}

/**
 * How long the scene's overlay (titles, labels, panel) takes to fade in after
 * the cut (field `overlayFadeFrames`), read by the composition. The previous
 * scene's overlay has faded out by the cut, so a longer fade never overlaps it.
 */
export function overlayFadeFrames(label = 'Overlay fade-in after the cut (frames)') {
  return frameCount(FADE_FRAMES, label, 48);
}

/**
 * How long the scene's overlay fades out before the next cut (field
 * `overlayFadeOutFrames`): it holds at full opacity until then. It has gone by
 * the cut, so the next scene's overlay never sits on it.
 */
export function overlayFadeOutFrames(label = 'Overlay fade-out before the cut (frames)') {
  return frameCount(FADE_FRAMES, label, 48);
}

/** The overlay fades a look holds (`overlayFadeFrames`, `overlayFadeOutFrames`; FADE_FRAMES for a missing one). */
export function overlayFadeOf(look: Record<string, unknown>): { inFrames: number; outFrames: number } {
  const fadeIn = look['overlayFadeFrames'];
  const fadeOut = look['overlayFadeOutFrames'];
  return {
    inFrames: typeof fadeIn === 'number' ? fadeIn : FADE_FRAMES,
    outFrames: typeof fadeOut === 'number' ? fadeOut : FADE_FRAMES,
  };
}

/** Bounds of the camera zoom an editor may set: far enough to keep the synapse in frame, close enough to stay outside it. */
export const CAMERA_ZOOM_BOUNDS = { min: 0.6, max: 1.6 } as const;
/** Bounds of the orbit offset, degrees: beyond about 40 degrees the built-in shots lose the mechanism they frame. */
export const CAMERA_ORBIT_BOUNDS_DEG = { min: -40, max: 40 } as const;

/**
 * The camera framing fields of a scene's look, under the names framingOf
 * reads (so a scene cannot misspell one into a silently neutral framing):
 * - `cameraZoom`: 1 as built in, 1.25 a quarter closer (distance / zoom), 0.8 further;
 * - `cameraOrbitDeg`: degrees added to the azimuth, 0 as built in.
 * Read by the composition (framingOf), which frames the 3D stage and the labels on it alike.
 */
export function cameraFramingFields() {
  return {
    cameraZoom: z
      .number()
      .min(CAMERA_ZOOM_BOUNDS.min)
      .max(CAMERA_ZOOM_BOUNDS.max)
      .default(1)
      .describe('Camera zoom (1 = as built, more = closer)'),
    cameraOrbitDeg: z
      .number()
      .min(CAMERA_ORBIT_BOUNDS_DEG.min)
      .max(CAMERA_ORBIT_BOUNDS_DEG.max)
      .default(0)
      .describe('Camera orbit (degrees)'),
  };
}

/** The camera framing a look holds (its `cameraZoom` and `cameraOrbitDeg` fields; neutral when it has none). */
export function framingOf(look: Record<string, unknown>): CameraFraming {
  const zoom = look['cameraZoom'];
  const orbitDeg = look['cameraOrbitDeg'];
  return {
    zoom: typeof zoom === 'number' ? zoom : 1,
    orbitDeg: typeof orbitDeg === 'number' ? orbitDeg : 0,
  };
}

export type LookSchema = z.ZodObject<Record<string, z.ZodDefault<z.ZodType>>>;

/** Thrown when a `.look.json` file does not match its schema. */
export class LookFileError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    detail: string,
  ) {
    super(
      `${file}: field "${field}": ${detail}. Fix the value in the studio's Look panel or in the file, or delete the field to use the default.`,
    );
    this.name = 'LookFileError';
  }
}

/**
 * Validates a look file's content: every field known, every value valid.
 * Returns the full look (defaults filled in) or throws LookFileError.
 */
export function parseLookFile<S extends LookSchema>(schema: S, content: unknown, file: string): z.infer<S> {
  const result = schema.strict().safeParse(content ?? {});
  if (result.success) return result.data as z.infer<S>;
  const issue = result.error.issues[0]!;
  const field =
    issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : issue.path.map(String).join('.') || '(whole file)';
  const detail =
    issue.code === 'unrecognized_keys'
      ? `unknown field; this scene's look has ${Object.keys(schema.shape).join(', ')}`
      : issue.message;
  throw new LookFileError(file, field, detail);
}

/** The fields of `look` that differ from the schema's defaults (what a look file stores). */
export function lookOverrides<S extends LookSchema>(schema: S, look: z.infer<S>): Partial<z.infer<S>> {
  const defaults = schema.parse({}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(look as Record<string, unknown>)) if (v !== defaults[k]) out[k] = v;
  return out as Partial<z.infer<S>>;
}

/** Looks being previewed (studio): scene id -> a full, already validated look. Empty outside the studio. */
export type LookPreviews = Partial<Record<SceneId, Record<string, unknown>>>;
export const LookPreviewContext = createContext<LookPreviews>({});

export interface SceneLook<S extends LookSchema> {
  sceneId: SceneId;
  /** Repo-relative path of the JSON file, e.g. src/scenes/MgExpulsion.look.json. */
  file: string;
  schema: S;
  /** The look as saved (defaults + the file's fields). */
  saved: z.infer<S>;
  /** The look to draw with: the studio's preview when there is one, else the saved look. */
  useLook(): z.infer<S>;
  /** The same as useLook() for a caller that holds the previews (a composition reading every scene's look at once). */
  lookFor(previews: LookPreviews): z.infer<S>;
}

/** Declares a scene's look; validates the saved file at once (module load), so a bad file fails every render. */
export function defineSceneLook<S extends LookSchema>(options: {
  sceneId: SceneId;
  file: string;
  schema: S;
  savedFile: unknown;
}): SceneLook<S> {
  const { sceneId, file, schema } = options;
  const saved = parseLookFile(schema, options.savedFile, file);
  const lookFor = (previews: LookPreviews) => (previews[sceneId] as z.infer<S> | undefined) ?? saved;
  return {
    sceneId,
    file,
    schema,
    saved,
    useLook() {
      return lookFor(useContext(LookPreviewContext));
    },
    lookFor,
  };
}
