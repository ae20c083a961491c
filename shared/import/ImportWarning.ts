import type { ImportParams } from './ImportError';
import type { Where } from './where';

export type ImportWarningCode =
  /** A header cell spelt otherwise than the column it was read as ("När/Resur s"). */
  | 'HEADER_SPELLING'
  /** A column whose header names none of the plan's columns; its cells are left out. */
  | 'UNKNOWN_COLUMN'
  /** A party's name mended to its usual form ("Styrels" read as Styrelse). */
  | 'PARTY_MENDED'
  /** A status text none of the rules recognise; the item starts as Ej påbörjad. */
  | 'STATUS_UNKNOWN'
  /** A direction whose table has no rows. */
  | 'EMPTY_DIRECTION'
  /** Tracked changes in a Word file: insertions were taken, deletions left out. */
  | 'TRACKED_CHANGES'
  /** Text in a Word file between or after the tables that belongs to no direction. */
  | 'TEXT_IGNORED'
  /** A Word table that is not an action-plan table (a table in the strategy text). */
  | 'TABLE_IGNORED'
  /** A CSV file has no title or year; the plan takes the ones given when it is made. */
  | 'NO_TITLE';

/** Something read otherwise than written, or left out, that the person should look at. */
export interface ImportWarning {
  code: ImportWarningCode;
  where: Where | null;
  params: ImportParams;
}
