import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

// The address a request comes from, for the per-address sign-in limit. Behind a
// reverse proxy every request comes from the proxy, so with TRUST_PROXY the last
// X-Forwarded-For entry (the one our own proxy appended) is used instead.

export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').pop()?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // Requests handed to the app without a socket (app.request in tests).
    return 'unknown';
  }
}
