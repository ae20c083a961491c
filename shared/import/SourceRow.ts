import type { Block } from '../plan/types';
import type { Where } from './where';

/** One cell: `raw` as written (what the layout is recognised by), `text` its value. */
export interface SourceCell {
  raw: string;
  text: string;
  /** The cell as rich text, where the file has it (a Word cell's lists, bold, links). */
  rich?: Block[];
  /** A status category named apart from the status note (Planbord's own Word export). */
  label?: string;
}

/**
 * A row of an action-plan table as a file reader found it, before it means anything:
 * the text format's tab-separated lines, a Word table's rows and a CSV file's records
 * all become these, and one interpretation (readActionRows) makes directions and
 * items of them, so the formats cannot drift apart. Readers leave out blank rows and
 * the empty cells at a row's end.
 */
export interface SourceRow {
  where: Where;
  cells: SourceCell[];
  /** The Vad continues the activity of the row above: left empty, or merged down in Word. */
  continues: boolean;
  /** The row's cells in the file; absent for text lines, where a lone cell can only be a heading. */
  width?: number;
}
