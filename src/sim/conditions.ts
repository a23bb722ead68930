import type { Conditions } from './types';
import { P } from './parameters';

/** Default experimental conditions: 1 mM Mg2+, no drugs, current clamp. */
export const DEFAULT_CONDITIONS: Readonly<Conditions> = Object.freeze({
  mgOutMilliM: P.mgOutDefaultMilliM,
  apv: false,
  anisomycin: false,
  camkiiBlocked: false,
  clampMv: null,
});

/** Valid clamp range, mV. */
export const CLAMP_RANGE_MV = { min: -120, max: 60 } as const;
/** Valid [Mg2+]o range, mM. */
export const MG_RANGE_MILLIM = { min: 0, max: 20 } as const;

/**
 * Merge `partial` into the defaults and validate. Throws a RangeError naming the field and the
 * valid range for: negative/NaN/huge [Mg2+]o, a clamp outside -120..+60 mV or NaN.
 */
export function resolveConditions(partial: Partial<Conditions> = {}): Conditions {
  const c: Conditions = { ...DEFAULT_CONDITIONS, ...partial };
  if (
    typeof c.mgOutMilliM !== 'number' ||
    !Number.isFinite(c.mgOutMilliM) ||
    c.mgOutMilliM < MG_RANGE_MILLIM.min ||
    c.mgOutMilliM > MG_RANGE_MILLIM.max
  )
    throw new RangeError(
      `conditions.mgOutMilliM must be a number of mM in ${MG_RANGE_MILLIM.min}..${MG_RANGE_MILLIM.max} (physiological 1-2 mM), got ${String(c.mgOutMilliM)}`,
    );
  if (
    c.clampMv !== null &&
    (typeof c.clampMv !== 'number' ||
      !Number.isFinite(c.clampMv) ||
      c.clampMv < CLAMP_RANGE_MV.min ||
      c.clampMv > CLAMP_RANGE_MV.max)
  )
    throw new RangeError(
      `conditions.clampMv must be null (current clamp) or a holding potential in ${CLAMP_RANGE_MV.min}..+${CLAMP_RANGE_MV.max} mV, got ${String(c.clampMv)}`,
    );
  for (const key of ['apv', 'anisomycin', 'camkiiBlocked'] as const)
    if (typeof c[key] !== 'boolean')
      throw new TypeError(`conditions.${key} must be true or false, got ${String(c[key])}`);
  return c;
}
