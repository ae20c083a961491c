// Refusals of meeting and snapshot operations. Each code has one HTTP status; the
// app's error handler turns the error into `{ error: { code, message } }`.

export const MEETING_ERROR_STATUS = {
  INVALID_INPUT: 400,
  PLAN_NOT_FOUND: 404,
  MEETING_NOT_FOUND: 404,
  SNAPSHOT_NOT_FOUND: 404,
  ANOTHER_MEETING_OPEN: 409,
  MEETING_NOT_OPEN: 409,
  MEETING_CLOSED: 409,
  YEAR_HAS_PLAN: 409,
} as const;

export type MeetingErrorCode = keyof typeof MEETING_ERROR_STATUS;

export class MeetingError extends Error {
  readonly status: (typeof MEETING_ERROR_STATUS)[MeetingErrorCode];

  constructor(
    readonly code: MeetingErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MeetingError';
    this.status = MEETING_ERROR_STATUS[code];
  }
}
