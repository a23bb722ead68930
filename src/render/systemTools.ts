import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';
import { renderConfig } from '../../render.config';

/** The programs the renderer needs, where they are, and the Debian package that provides each. */
export interface SystemTools {
  chromium: string;
  ffmpeg: string;
  ffprobe: string;
}

const PACKAGE_OF: Record<keyof SystemTools, string> = { chromium: 'chromium', ffmpeg: 'ffmpeg', ffprobe: 'ffmpeg' };

/**
 * Resolves chromium, ffmpeg and ffprobe (render.config.ts; overridable with
 * RENDER_CHROMIUM / RENDER_FFMPEG / RENDER_FFPROBE), or throws a one-line
 * error naming the missing program and the exact command that installs it.
 */
export function findSystemTools(env: NodeJS.ProcessEnv = process.env): SystemTools {
  const wanted: SystemTools = {
    chromium: env.RENDER_CHROMIUM || renderConfig.chromiumPath,
    ffmpeg: env.RENDER_FFMPEG || renderConfig.ffmpegPath,
    ffprobe: env.RENDER_FFPROBE || renderConfig.ffprobePath,
  };
  const found: Partial<SystemTools> = {};
  const missing: (keyof SystemTools)[] = [];
  for (const name of Object.keys(wanted) as (keyof SystemTools)[]) {
    const path = resolveExecutable(wanted[name], env.PATH ?? '');
    if (path) found[name] = path;
    else missing.push(name);
  }
  if (missing.length)
    throw new MissingToolError(
      missing.map((m) => `${m} (${wanted[m]})`),
      [...new Set(missing.map((m) => PACKAGE_OF[m]))],
    );
  return found as SystemTools;
}

export class MissingToolError extends Error {
  constructor(programs: string[], packages: string[]) {
    const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    const command = `apt-get update && apt-get install -y --no-install-recommends ${packages.join(' ')}`;
    super(`missing ${programs.join(', ')}; install with: ${isRoot ? command : `sudo sh -c '${command}'`}`);
    this.name = 'MissingToolError';
  }
}

function resolveExecutable(nameOrPath: string, pathVar: string): string | null {
  if (isAbsolute(nameOrPath) || nameOrPath.includes('/')) return isExecutable(nameOrPath) ? nameOrPath : null;
  for (const dir of pathVar.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, nameOrPath);
    if (isExecutable(candidate)) return candidate;
  }
  return null;
}

function isExecutable(path: string): boolean {
  if (!existsSync(path)) return false;
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
