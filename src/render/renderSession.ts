import { join } from 'node:path';
import { bundleRenderPage, REPO_ROOT, type RenderBundle } from './bundle';
import { serveStatic, type StaticServer } from './staticServer';
import { findSystemTools, type SystemTools } from './systemTools';

/** What every render needs before the first browser starts: the programs, the built page, a server for it. */
export interface RenderSession {
  tools: SystemTools;
  bundle: RenderBundle;
  server: StaticServer;
  /** URL of the render page. */
  pageUrl: string;
  close(): Promise<void>;
}

/**
 * Checks chromium/ffmpeg, bundles (or reuses) the render page, and serves it and public/ on 127.0.0.1.
 * With `projectDir` (a project copy, projectFiles.ts) the page carries the copy's files and its public/ is served.
 */
export async function openRenderSession({
  projectDir = REPO_ROOT,
}: { projectDir?: string } = {}): Promise<RenderSession> {
  const tools = findSystemTools();
  const bundle = await bundleRenderPage({ projectDir });
  // The copy's public/ first; what it lacks comes from the repo's.
  const publics =
    projectDir === REPO_ROOT ? [join(REPO_ROOT, 'public')] : [join(projectDir, 'public'), join(REPO_ROOT, 'public')];
  const server = await serveStatic([bundle.dir, ...publics]);
  return { tools, bundle, server, pageUrl: `${server.origin}/render.html`, close: () => server.close() };
}
