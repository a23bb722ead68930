import { readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, relative, resolve, sep } from 'node:path';
import type { Plugin } from 'vite';
import { parseFrameRange } from '../../player/frameMath';
import { RenderBusyError, RenderJobs } from './renderJobs';
import { AUDIO_CHANGED_EVENT_NAME as AUDIO_CHANGED_EVENT } from '../shared/studioEvents';
import { decodeWav, waveformPeaks, type WaveformPeaks } from './wavPeaks';

/** URL prefix of the studio's server endpoints. */
export const STUDIO_API = '/__studio';

/**
 * The studio's server side, as a Vite plugin:
 * - `/` serves the studio page (src/studio/app/index.html);
 * - `GET /__studio/peaks?src=/voice/narration.wav&buckets=1500` waveform peaks of a WAV under public/;
 * - `POST /__studio/render` `{compositionId, frames?: "A-B"}` starts the render CLI; `GET /__studio/render/ID`
 *   polls it; `POST /__studio/render/ID/cancel` ends it;
 * - a changed file under public/ is announced to the page (AUDIO_CHANGED_EVENT).
 */
export function studioApi({ repoRoot, jobs }: { repoRoot: string; jobs: RenderJobs }): Plugin {
  const publicDir = join(repoRoot, 'public');
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
        if (!url.pathname.startsWith(STUDIO_API)) return next();
        handleApi(req, res, url).catch((e: unknown) => sendJson(res, 500, { error: (e as Error).message }));
      });
    },
  };

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const path = url.pathname.slice(STUDIO_API.length);
    if (path === '/peaks' && req.method === 'GET') {
      const src = url.searchParams.get('src') ?? '';
      const buckets = Math.min(20_000, Math.max(10, Number(url.searchParams.get('buckets') ?? 1500) || 1500));
      const file = resolve(publicDir, `.${src.startsWith('/') ? src : `/${src}`}`);
      if (!file.startsWith(publicDir + sep))
        return sendJson(res, 400, { error: `src must be a file under public/, got "${src}".` });
      let mtimeMs: number;
      try {
        mtimeMs = statSync(file).mtimeMs;
      } catch {
        return sendJson(res, 404, {
          error: `No audio at public${src}; run \`npm run voiceover\` to make the narration.`,
        });
      }
      const cached = peaksCache.get(file);
      if (cached && cached.mtimeMs === mtimeMs && cached.buckets === buckets) return sendJson(res, 200, cached.peaks);
      const peaks = waveformPeaks(decodeWav(readFileSync(file), `public${src}`), buckets);
      peaksCache.set(file, { mtimeMs, buckets, peaks });
      return sendJson(res, 200, peaks);
    }
    if (path === '/render' && req.method === 'POST') {
      const body = (await readJson(req)) as { compositionId?: unknown; frames?: unknown };
      if (typeof body.compositionId !== 'string')
        return sendJson(res, 400, { error: 'compositionId (string) is required.' });
      let range = null;
      if (typeof body.frames === 'string' && body.frames !== '') {
        range = parseFrameRange(body.frames);
        if (!range)
          return sendJson(res, 400, { error: `frames must look like "A-B" with A <= B, got "${body.frames}".` });
      }
      try {
        return sendJson(res, 200, jobs.start({ compositionId: body.compositionId, range }));
      } catch (e) {
        if (e instanceof RenderBusyError) return sendJson(res, 409, { error: e.message, job: e.running });
        return sendJson(res, 400, { error: (e as Error).message });
      }
    }
    const jobMatch = /^\/render\/(\d+)(\/cancel)?$/.exec(path);
    if (jobMatch) {
      const id = Number(jobMatch[1]);
      const view = jobMatch[2] && req.method === 'POST' ? jobs.cancel(id) : jobs.get(id);
      return view ? sendJson(res, 200, view) : sendJson(res, 404, { error: `No render job ${id}.` });
    }
    return sendJson(res, 404, { error: `Unknown studio endpoint ${req.method} ${url.pathname}.` });
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json');
  res.setHeader('Cache-Control', 'no-store');
  res.end(JSON.stringify(body));
}

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolveBody, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      text += chunk;
      if (text.length > 100_000) reject(new Error('request body too large'));
    });
    req.on('end', () => {
      try {
        resolveBody(text ? JSON.parse(text) : {});
      } catch {
        reject(new Error('request body is not JSON'));
      }
    });
    req.on('error', reject);
  });
}
