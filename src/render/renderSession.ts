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

/** Checks chromium/ffmpeg, bundles (or reuses) the render page, and serves it and public/ on 127.0.0.1. */
export async function openRenderSession(): Promise<RenderSession> {
  const tools = findSystemTools();
  const bundle = await bundleRenderPage();
  const server = await serveStatic([bundle.dir, join(REPO_ROOT, 'public')]);
  return { tools, bundle, server, pageUrl: `${server.origin}/render.html`, close: () => server.close() };
}
