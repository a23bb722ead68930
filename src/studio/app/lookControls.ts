import { z } from 'zod';
import { palette } from '../../components/palette';
import type { LookSchema } from '../../components/sceneLook';

/** One control of the Look panel, read off the scene's zod schema. */
export type LookControl =
  | { key: string; label: string; kind: 'text'; maxChars: number | null }
  | { key: string; label: string; kind: 'number'; min: number | null; max: number | null; step: number }
  | { key: string; label: string; kind: 'palette'; options: { name: string; hex: string }[] }
  | { key: string; label: string; kind: 'choice'; options: string[] };

/**
 * Builds the Look panel's controls from a scene's look schema: a string is a
 * text box, a number a number box with its bounds, an enum of palette names a
 * row of swatches, any other enum a menu. The label is the field's description.
 */
export function lookControls(schema: LookSchema): LookControl[] {
  return Object.entries(schema.shape).map(([key, field]) => {
    const inner = field.unwrap() as z.ZodType;
    const label = field.description ?? inner.description ?? key;
    if (inner instanceof z.ZodString) return { key, label, kind: 'text', maxChars: inner.maxLength };
    if (inner instanceof z.ZodNumber)
      return {
        key,
        label,
        kind: 'number',
        min: Number.isFinite(inner.minValue) ? inner.minValue : null,
        max: Number.isFinite(inner.maxValue) ? inner.maxValue : null,
        // Whole frames step by one; a factor or an angle (camera framing) by a twentieth or a degree.
        step: inner.isInt ? 1 : (inner.maxValue ?? 1) - (inner.minValue ?? 0) > 10 ? 1 : 0.05,
      };
    if (inner instanceof z.ZodEnum) {
      const options = inner.options.map(String);
      if (options.every((o) => o in palette))
        return {
          key,
          label,
          kind: 'palette',
          options: options.map((name) => ({ name, hex: palette[name as keyof typeof palette] })),
        };
      return { key, label, kind: 'choice', options };
    }
    throw new Error(`look field "${key}": the studio has no control for this type; use a string, number or enum`);
  });
}
