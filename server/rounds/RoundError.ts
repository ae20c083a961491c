// Refusals of consultation-round operations. Each code has one HTTP status; the app's
// error handler turns the error into `{ error: { code, message } }`.

export const ROUND_ERROR_STATUS = {
  INVALID_INPUT: 400,
  DEADLINE_PASSED: 400,
  UNKNOWN_ITEM: 400,
  UNKNOWN_DIRECTION: 400,
  UNKNOWN_PERSON: 400,
  NO_RECIPIENTS: 400,
  FORBIDDEN: 403,
  PLAN_NOT_FOUND: 404,
  ROUND_NOT_FOUND: 404,
  SNAPSHOT_NOT_FOUND: 404,
  ROUND_CLOSED: 409,
} as const;

export type RoundErrorCode = keyof typeof ROUND_ERROR_STATUS;

export class RoundError extends Error {
  readonly status: (typeof ROUND_ERROR_STATUS)[RoundErrorCode];

  constructor(
    readonly code: RoundErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RoundError';
    this.status = ROUND_ERROR_STATUS[code];
  }
}
