export type ExportErrorCode = 'BAD_EXPORT_OPTION' | 'DIRECTION_NOT_FOUND' | 'PLAN_NOT_FOUND' | 'SNAPSHOT_NOT_FOUND' | 'SNAPSHOT_UNAVAILABLE';

const STATUS: Record<ExportErrorCode, 400 | 404 | 501> = {
  BAD_EXPORT_OPTION: 400,
  DIRECTION_NOT_FOUND: 400,
  PLAN_NOT_FOUND: 404,
  SNAPSHOT_NOT_FOUND: 404,
  SNAPSHOT_UNAVAILABLE: 501,
};

/** A refused export, with a code (and the HTTP status) the route and the command line turn into a message. */
export class ExportError extends Error {
  readonly status: 400 | 404 | 501;

  constructor(
    readonly code: ExportErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ExportError';
    this.status = STATUS[code];
  }
}
