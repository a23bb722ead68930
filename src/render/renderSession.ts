import { join } from 'node:path';
import { renderConfig } from '../../render.config';
import type { CompositionMeta } from '../engine/composition';
import { bundleRenderPage, REPO_ROOT, type RenderBundle } from './bundle';
import { launchChromium, type LaunchedBrowser } from './chromium';
import { openFramePage, type FramePage, type OpenFramePageOptions } from './framePage';
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

/** What `withSessionBrowser` hands its callback: the session, its browser, and pages of a composition on it. */
export interface SessionBrowser {
  session: RenderSession;
  browser: LaunchedBrowser;
  /** A page showing `meta` at its size, served by the session, with the render's frame timeout; `extra` adds props, a filmstrip or a capture scale. */
  openPage(
    meta: Pick<CompositionMeta, 'id' | 'width' | 'height'>,
    extra?: Pick<OpenFramePageOptions, 'inputProps' | 'filmstrip' | 'captureScale'>,
  ): Promise<FramePage>;
}

/**
 * A render session and one browser for drawing a few frames (a still, the edges check, captureFrames,
 * the bench's breakdown): runs `work`, then closes the browser and the session whatever happened,
 * also when the browser fails to start.
 */
export async function withSessionBrowser<T>(
  options: { projectDir?: string },
  work: (s: SessionBrowser) => Promise<T>,
): Promise<T> {
  const session = await openRenderSession(options);
  try {
    const browser = await launchChromium(session.tools.chromium);
    try {
      return await work({
        session,
        browser,
        openPage: (meta, extra = {}) =>
          openFramePage(browser.browser, {
            url: session.pageUrl,
            compositionId: meta.id,
            width: meta.width,
            height: meta.height,
            timeoutMs: renderConfig.capture.frameTimeoutMs,
            ...extra,
          }),
      });
    } finally {
      await browser.close();
    }
  } finally {
    await session.close();
  }
}
