import type { ComponentType } from 'react';
import type { SceneId } from '../script/sceneIds';
import { Intro } from './Intro';
import { GlutamateRelease } from './GlutamateRelease';
import { MgExpulsion } from './MgExpulsion';
import { CalciumSurge } from './CalciumSurge';
import { CamkiiLockIn } from './CamkiiLockIn';
import { AmpaInsertion } from './AmpaInsertion';
import { SpineGrowth } from './SpineGrowth';
import { Outro } from './Outro';

/** One component per scene id (the overlay of that scene; the 3D stage is shared, see Explainer). */
export const SCENE_COMPONENTS: Record<SceneId, ComponentType> = {
  intro: Intro,
  'glutamate-release': GlutamateRelease,
  'mg-expulsion': MgExpulsion,
  'calcium-surge': CalciumSurge,
  'camkii-lock-in': CamkiiLockIn,
  'ampa-insertion': AmpaInsertion,
  'spine-growth': SpineGrowth,
  outro: Outro,
};
