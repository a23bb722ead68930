import type { IncomingMessage } from 'node:http';
import { isAbsolute, relative, resolve } from 'node:path';

/**
 * The studio writes files on the editor's machine, so it guards every request
 * that changes something: a web page open in another tab must not be able to
 * save a script or start a render (cross-site request forgery), and no request
 * may name a file outside the project.
 */

/** Methods that only read. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether a request may proceed: reads always; writes only when the browser
 * says the page that sent them is the studio's own (the Origin header, which
 * browsers set on every non-GET fetch and pages cannot forge). A write without
 * an Origin (curl, another program) is refused too.
 */
export function writeAllowed(req: IncomingMessage, studioOrigins: readonly string[]): boolean {
  if (SAFE_METHODS.has(req.method ?? 'GET')) return true;
  const origin = req.headers.origin;
  return typeof origin === 'string' && studioOrigins.includes(origin);
}

/** The origins the studio answers on, e.g. http://127.0.0.1:3000 (and localhost on the same port). */
export function studioOrigins(host: string, port: number): string[] {
  const hosts = new Set([host, host === '127.0.0.1' ? 'localhost' : host]);
  return [...hosts].map((h) => `http://${h}:${port}`);
}

/**
 * `relPath` resolved inside `root`, or null when it would leave it (`..`,
 * an absolute path, a NUL byte). Every file a request names goes through here.
 */
export function insideRoot(root: string, relPath: string): string | null {
  if (relPath.includes('\0') || isAbsolute(relPath) || /^[a-zA-Z]:/.test(relPath)) return null;
  const full = resolve(root, relPath);
  const rel = relative(root, full);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return null;
  return full;
}
