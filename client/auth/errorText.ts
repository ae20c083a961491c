import { ApiError } from './apiFetch';
import type { AuthText } from './authText';

/** The message to show for a failed call: ours for known codes, else the server's. */
export function errorText(err: unknown, text: AuthText): string {
  if (!(err instanceof ApiError)) return text.serverUnreachable;
  if (err.code === 'RATE_LIMITED') return text.rateLimited(Math.max(1, Math.ceil((err.retryAfter ?? 900) / 60)));
  return text.errors[err.code] ?? err.message ?? text.failed;
}
