import { z } from 'zod';

/**
 * Zod 4 probes for `new Function` to compile fast parsers. The console's CSP forbids eval, so the
 * probe would only produce a CSP violation report; the plain parser is fast enough for API bodies.
 * Imported first by main.tsx, before any schema is built.
 */
z.config({ jitless: true });
