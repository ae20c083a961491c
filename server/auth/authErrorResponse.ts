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
