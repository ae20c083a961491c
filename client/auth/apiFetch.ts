import { BACKGROUND_HEADER, BACKGROUND_HEADER_VALUE } from '../../shared/auth/backgroundHeader';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../../shared/auth/csrfHeader';

// Every call of the app's JSON API goes through here: it adds the header the server's
// CSRF guard requires on state-changing requests, turns error answers into ApiError
// with the server's code, and tells the app when the session has ended.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Seconds, from Retry-After, when the server asked us to wait. */
    readonly retryAfter: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Dispatched on window when an API call finds the session gone (401). */
export const SIGNED_OUT_EVENT = 'planbord:signed-out';

/** Dispatched on window when the server refused or closed a live connection: ask who we are again. */
export const ACCESS_CHANGED_EVENT = 'planbord:access-changed';

export interface ApiFetchOptions {
  method?: string;
  body?: unknown;
  signal?: AbortSignal;
  /** The page asks by itself (polling, refreshing), not the person: the session is not extended. */
  background?: boolean;
}

export async function apiFetch<T>(path: string, options: ApiFetchOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET' && method !== 'HEAD') headers[CSRF_HEADER] = CSRF_HEADER_VALUE;
  if (options.background) headers[BACKGROUND_HEADER] = BACKGROUND_HEADER_VALUE;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: options.signal,
  });
  return readApiResponse<T>(path, res);
}

/** The body of an API answer, or its error as ApiError (a request made elsewhere, such as the page's first sign-in check). */
export async function readApiResponse<T>(path: string, res: Response): Promise<T> {
  if (res.status === 204) return undefined as T;
  const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  if (!res.ok) {
    const code = body?.error?.code ?? `HTTP_${res.status}`;
    // A 401 outside sign-in itself means the session ended (idle, signed out elsewhere, deactivated).
    if (res.status === 401 && !path.startsWith('/api/auth/') && path !== '/api/me') {
      window.dispatchEvent(new Event(SIGNED_OUT_EVENT));
    }
    const retryAfter = Number(res.headers.get('retry-after')) || null;
    throw new ApiError(res.status, code, body?.error?.message ?? res.statusText, retryAfter);
  }
  return body as T;
}
