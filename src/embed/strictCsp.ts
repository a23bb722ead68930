/**
 * Imported first by the player chunk (before any module that builds a zod
 * schema): zod 4 probes for `new Function` to compile fast parsers, which a
 * page with a strict Content-Security-Policy (no 'unsafe-eval') reports as a
 * violation. The embed only parses a few small objects, so the interpreted
 * parser is plenty, and the page's CSP stays quiet.
 */
import { z } from 'zod';

z.config({ jitless: true });
