import { whereText, type Where } from './where';

export type ImportErrorCode =
  | 'EMPTY_FILE'
  | 'NOT_UTF8'
  | 'MISSING_TITLE'
  | 'NO_ACTION_PLAN'
  | 'MISSING_TABLE'
  | 'ROW_OUTSIDE_TABLE'
  | 'TOO_MANY_COLUMNS'
  | 'INVALID_PRIORITY'
  | 'ORPHAN_CONTINUATION'
  // The file as a whole (Word and CSV):
  | 'TOO_LARGE'
  | 'OLD_WORD_FORMAT'
  | 'UNSUPPORTED_FORMAT'
  | 'ENCRYPTED'
  | 'UNKNOWN_FORMAT'
  | 'BROKEN_ZIP'
  | 'ZIP_BOMB'
  | 'NOT_WORD'
  | 'BAD_XML'
  | 'XML_DTD'
  | 'CSV_HEADER';

/** Values a message names (a title, a priority, a count), for saying it in either language. */
export type ImportParams = Record<string, string | number>;

/**
 * A plan document that cannot be read. The message starts with where (`line N:`,
 * `table T, row R:`) so a person can open the file and find the spot; `code`, `where`
 * and `params` let the app say it in Swedish.
 */
export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    readonly where: Where | null,
    readonly detail: string,
    readonly params: ImportParams = {},
  ) {
    super(where ? `${whereText(where)}: ${detail}` : detail);
    this.name = 'ImportError';
  }

  /** The line of a text or CSV file the error is on (0 when it is not on a line). */
  get line(): number {
    return this.where && 'line' in this.where ? this.where.line : 0;
  }
}
