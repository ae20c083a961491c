import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Logger } from './logger';
import { storageFaultOf } from './store/storageFault';

/**
 * Turns any error thrown by a route into a JSON response, in one place. Typed errors
 * (AuthError, StoreError, …) carry a `code` and an HTTP `status`; anything else is a
 * bug, logged in full and answered with a generic 500 that reveals nothing.
 */
export function errorResponse(logger: Logger) {
  return (err: Error, c: Context) => {
    const { status, code } = err as { status?: unknown; code?: unknown };
    if (err instanceof HTTPException) {
      return c.json({ error: { code: 'HTTP_ERROR', message: err.message } }, err.status);
    }
    if (typeof status === 'number' && status >= 400 && status < 600 && typeof code === 'string') {
      if (status >= 500) logger.error('request failed', { method: c.req.method, path: c.req.path, err });
      const retryAfter = (err as { retryAfter?: unknown }).retryAfter;
      if (typeof retryAfter === 'number') c.header('Retry-After', String(Math.ceil(retryAfter)));
      return c.json({ error: { code, message: err.message } }, status as ContentfulStatusCode);
    }
    const fault = storageFaultOf(err);
    if (fault) {
      // A full disk, a read-only file, a database server away: a change was refused
      // whole, and what storage can still answer goes on working.
      logger.error(`the database refused a request (${fault.hint})`, { method: c.req.method, path: c.req.path, code: fault.code });
      const message = 'Servern kan inte spara ändringar just nu. Inget av det här sparades; försök igen om en stund.';
      return c.json({ error: { code: 'STORAGE_FAILURE', message } }, 503);
    }
    logger.error('unexpected error in a request', { method: c.req.method, path: c.req.path, err, stack: err.stack });
    return c.json({ error: { code: 'INTERNAL_ERROR', message: 'Internal server error' } }, 500);
  };
}
