import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeFileAtomic } from '../../publish/atomicWrite';
import {
  lookOverrides,
  LookFileError,
  parseLookFile,
  type SceneLook,
  type LookSchema,
} from '../../components/sceneLook';
import type { LookSaved } from '../shared/api';
import { insideRoot } from './requestGuard';

/** Thrown for a look the studio cannot save (unknown scene, invalid field); the message says which. */
export class LookRejected extends Error {}

/**
 * Saves a scene's look (the studio's Look panel) to the JSON file beside the
 * scene. The scene and its file come from the scene's own `<Scene>.look.ts`
 * (found by name under src/scenes), never from the request; the values are
 * validated against its schema, and only the fields that differ from the
 * defaults are written, atomically.
 */
export class LookService {
  constructor(
    private readonly projectDir: string,
    private readonly repoRoot: string,
  ) {}

  /** Every scene look declared under src/scenes (`*.look.ts`). */
  async looks(): Promise<SceneLook<LookSchema>[]> {
    const dir = join(this.repoRoot, 'src', 'scenes');
    const files = readdirSync(dir).filter((f) => f.endsWith('.look.ts'));
    const out: SceneLook<LookSchema>[] = [];
    for (const f of files) {
      const mod = (await import(pathToFileURL(join(dir, f)).href)) as Record<string, unknown>;
      for (const v of Object.values(mod)) if (isSceneLook(v)) out.push(v);
    }
    return out;
  }

  async save(sceneId: string, body: unknown): Promise<LookSaved> {
    const look = (await this.looks()).find((l) => l.sceneId === sceneId);
    if (!look) throw new LookRejected(`scene "${sceneId}" has no editable look (no src/scenes/*.look.ts declares it)`);
    let full;
    try {
      full = parseLookFile(look.schema, body, look.file);
    } catch (e) {
      if (e instanceof LookFileError) throw new LookRejected(e.message, { cause: e });
      throw e;
    }
    const saved = lookOverrides(look.schema, full) as Record<string, unknown>;
    const target = insideRoot(this.projectDir, look.file);
    if (!target) throw new LookRejected(`${look.file} is not inside the project`);
    writeFileAtomic(target, `${JSON.stringify(saved, null, 2)}\n`);
    return { file: look.file, saved };
  }
}

function isSceneLook(v: unknown): v is SceneLook<LookSchema> {
  return typeof v === 'object' && v !== null && 'sceneId' in v && 'schema' in v && 'file' in v && 'useLook' in v;
}
