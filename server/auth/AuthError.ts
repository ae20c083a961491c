// Refusals of sign-in, session and people operations. Each code has one HTTP status
// (and, for websocket upgrades, the same status), so routes only throw and one place
// (authErrorResponse) turns the error into a response. Messages are Swedish because
// they can reach the person directly; the client may show its own text per code.

export const AUTH_ERROR_STATUS = {
  NOT_SIGNED_IN: 401,
  BAD_CREDENTIALS: 401,
  ACCOUNT_DEACTIVATED: 403,
  FORBIDDEN: 403,
  CSRF_REFUSED: 403,
  ORIGIN_REFUSED: 403,
  USER_NOT_FOUND: 404,
  LINK_INVALID: 410,
  EMAIL_TAKEN: 409,
  LAST_SECRETARIAT: 409,
  INVALID_INPUT: 400,
  RATE_LIMITED: 429,
} as const;

export type AuthErrorCode = keyof typeof AUTH_ERROR_STATUS;

export class AuthError extends Error {
  readonly status: (typeof AUTH_ERROR_STATUS)[AuthErrorCode];

  constructor(
    readonly code: AuthErrorCode,
    message: string,
    /** Seconds after which a rate-limited request may be tried again. */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'AuthError';
    this.status = AUTH_ERROR_STATUS[code];
  }
}
