export type ExportErrorCode = 'BAD_EXPORT_OPTION' | 'DIRECTION_NOT_FOUND' | 'PLAN_NOT_FOUND' | 'SNAPSHOT_NOT_FOUND' | 'SNAPSHOT_UNAVAILABLE';

/** A refused export, with a code that the route and the command line turn into a message. */
export class ExportError extends Error {
  constructor(
    readonly code: ExportErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ExportError';
  }
}
