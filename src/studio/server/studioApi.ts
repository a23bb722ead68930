import { createReadStream, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, relative, sep } from 'node:path';
import type { Plugin } from 'vite';
import { tryParseFrameRange } from '../../player/frameMath';
import { SCENE_IDS } from '../../script/sceneIds';
import type { RenderProject } from '../shared/api';
import { AUDIO_CHANGED_EVENT_NAME as AUDIO_CHANGED_EVENT } from '../shared/studioEvents';
import { LookRejected, type LookService } from './lookService';
import type { NarrationService, SaveOutcome } from './narrationService';
import type { RenderJobs } from './renderJobs';
import { insideRoot, writeAllowed } from './requestGuard';
import { decodeWav, waveformPeaks, type WaveformPeaks } from './wavPeaks';

/** URL prefix of the studio's server endpoints. */
export const STUDIO_API = '/api';

/** A request the studio refuses, with the status and the message the page shows. */
class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface StudioApiOptions {
  repoRoot: string;
  /** Where the editable files are read and written (the repo, or a copy of its editable files). */
  projectDir: string;
  jobs: RenderJobs;
  narration: NarrationService;
  looks: LookService;
  /** The studio's own origins; a write from any other is refused (403). Filled in once the port is known. */
  origins: string[];
}

/**
 * The studio's server side, as a Vite plugin (routes in src/studio/shared/api.ts):
 * `/` serves the studio page; /api/... reads and writes the narration, the
 * scenes' looks and the render queue, and serves waveform peaks and rendered
 * files. Every write must come from the studio's own page (Origin), and no
 * request can name a file outside the project.
 */
export function studioApi(options: StudioApiOptions): Plugin {
  const { repoRoot, projectDir, jobs, narration, looks, origins } = options;
  const publicDir = join(projectDir, 'public');
  const outDir = join(repoRoot, 'out');
  const peaksCache = new Map<string, { mtimeMs: number; buckets: number; peaks: WaveformPeaks }>();

  return {
    name: 'ltp-studio-api',
    configureServer(server) {
      server.watcher.on('change', (file) => {
        const rel = relative(publicDir, file);
        if (rel.startsWith('..') || rel.includes(`..${sep}`)) return;
        server.ws.send({
          type: 'custom',
          event: AUDIO_CHANGED_EVENT,
          data: { publicPath: `/${rel.split(sep).join('/')}` },
        });
      });
      server.middlewares.use((req, res, next) => {
        const url = new URL(req.url ?? '/', 'http://studio.local');
        if (url.pathname === '/' || url.pathname === '/index.html') {
          req.url = `/src/studio/app/index.html${url.search}`;
          return next();
        }
        if (url.pathname !== STUDIO_API && !url.pathname.startsWith(`${STUDIO_API}/`)) return next();
        if (!writeAllowed(req, origins))
          return sendJson(res, 403, {
            error: `Refused: ${req.method} ${url.pathname} must come from the studio's own page (${origins[0]}).`,
          });
        handleApi(req, res, url).catch((e: unknown) => {
          if (e instanceof HttpError) return sendJson(res, e.status, { error: e.message });
          sendJson(res, 500, { error: (e as Error).message });
        });
      });
    },
  };

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const path = url.pathname.slice(STUDIO_API.length);
    const method = req.method ?? 'GET';
    if (path === '/peaks' && method === 'GET') return sendPeaks(res, url);
    if (path === '/narration' && method === 'GET') return sendJson(res, 200, narration.state());
    if (path === '/narration' && method === 'PUT') return sendSaved(res, await narration.save(await readText(req)));
    if (path === '/narration/undo' && method === 'POST') return sendSaved(res, await narration.step(-1));
    if (path === '/narration/redo' && method === 'POST') return sendSaved(res, await narration.step(1));
    const props = /^\/props\/([^/]+)$/.exec(path);
    if (props && method === 'PUT') {
      const sceneId = decodeURIComponent(props[1]!);
      if (!(SCENE_IDS as readonly string[]).includes(sceneId))
        throw new HttpError(404, `"${sceneId}" is not a scene; use one of ${SCENE_IDS.join(', ')}.`);
      try {
        return sendJson(res, 200, await looks.save(sceneId, JSON.parse(await readText(req))));
      } catch (e) {
        if (e instanceof LookRejected || e instanceof SyntaxError) throw new HttpError(422, e.message);
        throw e;
      }
    }
    if (path === '/render' && method === 'GET') return sendJson(res, 200, jobs.list());
    if (path === '/render/project' && method === 'GET')
      return sendJson(res, 200, { project: jobs.project } satisfies RenderProject);
    if (path === '/render' && method === 'POST') {
      const body = JSON.parse((await readText(req)) || '{}') as { compositionId?: unknown; frames?: unknown };
      if (typeof body.compositionId !== 'string') throw new HttpError(400, 'compositionId (string) is required.');
      let range = null;
      if (typeof body.frames === 'string' && body.frames !== '') {
        range = tryParseFrameRange(body.frames);
        if (!range) throw new HttpError(400, `frames must look like "A-B" with A <= B, got "${body.frames}".`);
      }
      try {
        return sendJson(res, 200, jobs.start({ compositionId: body.compositionId, range }));
      } catch (e) {
        throw new HttpError(400, (e as Error).message);
      }
    }
    const job = /^\/render\/(\d+)(\/cancel)?$/.exec(path);
    if (job) {
      const id = Number(job[1]);
      const view = job[2] && method === 'POST' ? jobs.cancel(id) : jobs.get(id);
      if (!view) throw new HttpError(404, `No render job ${id}.`);
      return sendJson(res, 200, view);
    }
    if (path.startsWith('/output/') && method === 'GET') {
      const file = insideRoot(outDir, decodeURIComponent(path.slice('/output/'.length)));
      if (!file) throw new HttpError(400, 'the output must be a file under out/.');
      let size: number;
      try {
        size = statSync(file).size;
      } catch {
        throw new HttpError(404, `No file out/${relative(outDir, file)}; render it first.`);
      }
      res.statusCode = 200;
      res.setHeader('Content-Type', file.endsWith('.mp4') ? 'video/mp4' : 'application/octet-stream');
      res.setHeader('Content-Length', size);
      createReadStream(file).pipe(res);
      return;
    }
    throw new HttpError(404, `Unknown studio endpoint ${method} ${url.pathname}.`);
  }

  function sendSaved(res: ServerResponse, outcome: SaveOutcome): void {
    if (outcome.ok) sendJson(res, 200, outcome.state);
    else sendJson(res, 422, { error: outcome.message, issues: outcome.issues });
  }

  function sendPeaks(res: ServerResponse, url: URL): void {
    const src = url.searchParams.get('src') ?? '';
    const buckets = Math.min(20_000, Math.max(10, Number(url.searchParams.get('buckets') ?? 1500) || 1500));
    const file = insideRoot(publicDir, src.replace(/^\/+/, ''));
    if (!file) throw new HttpError(400, `src must be a file under public/, got "${src}".`);
    let mtimeMs: number;
    try {
      mtimeMs = statSync(file).mtimeMs;
    } catch {
      throw new HttpError(404, `No audio at public${src}; run \`npm run voiceover\` to make the narration.`);
    }
    const cached = peaksCache.get(file);
    if (cached && cached.mtimeMs === mtimeMs && cached.buckets === buckets) return sendJson(res, 200, cached.peaks);
    const peaks = waveformPeaks(decodeWav(readFileSync(file), `public${src}`), buckets);
    peaksCache.set(file, { mtimeMs, buckets, peaks });
    sendJson(res, 200, peaks);
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json');
  res.setHeader('Cache-Control', 'no-store');
  res.end(JSON.stringify(body));
}

/** The request body as text (at most 1 MB: the script is about 5 kB). */
function readText(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      text += chunk;
      if (text.length > 1_000_000) {
        reject(new HttpError(413, 'request body too large'));
        req.destroy();
      }
    });
    req.on('end', () => resolveBody(text));
    req.on('error', reject);
  });
}
