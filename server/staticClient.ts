import { serveStatic } from '@hono/node-server/serve-static';
import type { MiddlewareHandler } from 'hono';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

// Vite names built assets by content hash: a changed file gets a new name, so the old
// one may be cached for ever. index.html is revalidated on every visit.
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

/**
 * Serves the built client from dir. Page requests that match no file get index.html,
 * so that a reload on any client-side route opens the app; paths with a file extension
 * stay 404s (a missing script must not come back as HTML), and /api/ and /ws/ are
 * never answered here.
 */
export function serveClient(dir: string): MiddlewareHandler {
  const files = serveStatic({ root: dir });
  const index = serveStatic({ root: dir, path: 'index.html' });
  const page: MiddlewareHandler = async (c, next) => {
    const last = c.req.path.slice(c.req.path.lastIndexOf('/') + 1);
    if (last.includes('.')) return next();
    if (!existsSync(join(dir, 'index.html'))) {
      return c.json({ error: { code: 'CLIENT_NOT_BUILT', message: 'The web client has not been built (npm run build).' } }, 503);
    }
    const res = await index(c, next);
    res?.headers.set('Cache-Control', REVALIDATE);
    return res;
  };
  return async (c, next) => {
    const path = c.req.path;
    if (path.startsWith('/api/') || path === '/api' || path.startsWith('/ws/')) return next();
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const file = await files(c, async () => {});
    if (!file) return page(c, next);
    // serveStatic refuses any path with "..", so a file found under /assets/ is a built asset.
    file.headers.set('Cache-Control', path.startsWith('/assets/') ? IMMUTABLE : REVALIDATE);
    return file;
  };
}
