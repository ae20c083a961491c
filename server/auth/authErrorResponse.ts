import type { Context } from 'hono';
import { AuthError } from './AuthError';

/** The one place where refusals become responses: `{ error: { code, message } }`. */
export function authErrorResponse(c: Context, err: AuthError): Response {
  if (err.retryAfter !== undefined) c.header('Retry-After', String(err.retryAfter));
  return c.json({ error: { code: err.code, message: err.message } }, err.status);
}

/** For a sub-app's onError: answers AuthErrors, leaves anything else to the app. */
export function onAuthError(err: Error, c: Context): Response {
  if (err instanceof AuthError) return authErrorResponse(c, err);
  throw err;
}

/** The JSON body of a request; a body that is not JSON is refused, not a crash. */
export async function readJson(c: Context): Promise<Record<string, unknown>> {
  try {
    const body = await c.req.json();
    if (body && typeof body === 'object' && !Array.isArray(body)) return body as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new AuthError('INVALID_INPUT', 'Begäran ska vara ett JSON-objekt.');
}
