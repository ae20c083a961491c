// Refusals of discussion operations. Each code has one HTTP status, so the pure
// operations and the service only throw and one place (the comment routes) turns the
// error into a response.

export const DISCUSSION_ERROR_STATUS = {
  INVALID_INPUT: 400,
  INVALID_BODY: 400,
  EMPTY_COMMENT: 400,
  COMMENT_TOO_LONG: 400,
  UNSAFE_LINK: 400,
  FORBIDDEN: 403,
  NOT_YOURS: 403,
  PLAN_NOT_FOUND: 404,
  ITEM_NOT_FOUND: 404,
  THREAD_NOT_FOUND: 404,
  COMMENT_NOT_FOUND: 404,
  COMMENT_GONE: 409,
} as const;

export type DiscussionErrorCode = keyof typeof DISCUSSION_ERROR_STATUS;

export class DiscussionError extends Error {
  readonly status: (typeof DISCUSSION_ERROR_STATUS)[DiscussionErrorCode];

  constructor(
    readonly code: DiscussionErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DiscussionError';
    this.status = DISCUSSION_ERROR_STATUS[code];
  }
}
