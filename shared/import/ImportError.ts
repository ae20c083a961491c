export type ImportErrorCode =
  | 'EMPTY_FILE'
  | 'NOT_UTF8'
  | 'MISSING_TITLE'
  | 'NO_ACTION_PLAN'
  | 'MISSING_TABLE'
  | 'ROW_OUTSIDE_TABLE'
  | 'TOO_MANY_COLUMNS'
  | 'INVALID_PRIORITY'
  | 'ORPHAN_CONTINUATION';

/**
 * A plan document that cannot be read. The message always starts with `line N:` so a
 * person can open the file and find the spot; `code` lets the UI say it in Swedish.
 */
export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    readonly line: number,
    readonly detail: string,
  ) {
    super(`line ${line}: ${detail}`);
    this.name = 'ImportError';
  }
}
