import type { PlanDocument } from '../plan/types';
import type { ImportWarning } from './ImportWarning';
import type { Where } from './where';

export type ImportFormat = 'text' | 'docx' | 'csv';

/** A plan document read from a file, with what the person should look at before it is stored. */
export interface ImportResult {
  format: ImportFormat;
  document: PlanDocument;
  warnings: ImportWarning[];
  /** Where each item was read, parallel to document.plan.directions[d].items. */
  itemWhere: Where[][];
  /** Where each direction's heading was read. */
  directionWhere: Where[];
}
