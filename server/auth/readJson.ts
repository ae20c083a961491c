import type { Context } from 'hono';
import { AuthError } from './AuthError';

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
