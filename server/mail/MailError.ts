// Refusals of the mail API, answered by the app's one error handler as { error: { code, message } }.

const STATUS = { INVALID_INPUT: 400, MAIL_NOT_FOUND: 404, NOT_RESENDABLE: 409 } as const;

export type MailErrorCode = keyof typeof STATUS;

export class MailError extends Error {
  readonly status: (typeof STATUS)[MailErrorCode];

  constructor(
    readonly code: MailErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MailError';
    this.status = STATUS[code];
  }
}
