import type { SourceCell, SourceRow } from '../../../shared/import/SourceRow';
import { isHeaderRow } from '../../../shared/import/tableRow';
import type { BodyPart, WordCell, WordRow } from './readBody';
import type { WordParagraph } from './readParagraph';
import { wordBlocks } from './wordBlocks';

/** The styles Planbord's export gives the status column, telling the category from the note. */
export const STATUS_STYLE = 'PlanbordStatus';
export const STATUS_NOTE_STYLE = 'PlanbordStatusNote';

type Table = Extract<BodyPart, { kind: 'table' }>;

/** Cell text as lines; elsewhere than in Planbord's own files without the empty lines and spaces at its ends. */
function cellText(paragraphs: WordParagraph[], exact: boolean): string {
  const text = paragraphs.map((p) => p.text).join('\n');
  return exact ? text : text.replace(/^[\s]+|[\s]+$/g, '');
}

function sourceCell(cell: WordCell, exact: boolean): SourceCell {
  const label = cell.paragraphs.filter((p) => p.styleId === STATUS_STYLE);
  const note = cell.paragraphs.filter((p) => p.styleId === STATUS_NOTE_STYLE);
  if (label.length || note.length) {
    const noteText = note.map((p) => p.text).join('\n');
    // A note alone says its category in its own words ("pågår" for Pågår).
    return { raw: noteText, text: noteText, label: label.length ? label.map((p) => p.text).join('\n') : noteText };
  }
  const text = cellText(cell.paragraphs, exact);
  const rich = wordBlocks(cell.paragraphs, { shift: 0, keepEmpty: exact, headings: true });
  return { raw: text, text, rich };
}

export const rowTexts = (row: WordRow) => row.cells.map((c) => cellText(c.paragraphs, false));
const isBlankRow = (row: WordRow) => row.cells.every((c) => !c.continued && cellText(c.paragraphs, false) === '');

/** A table that holds a header row (Vad, Hur, …) among its first rows. */
export const isActionTable = (t: Table) => t.rows.slice(0, 3).some((r) => isHeaderRow(rowTexts(r)));
/** The first non-blank row is the header row: the direction's heading is above the table. */
export const headedAbove = (t: Table) => {
  const first = t.rows.find((r) => !isBlankRow(r));
  return !!first && isHeaderRow(rowTexts(first));
};

/**
 * A Word table's rows as source rows. A cell merged down from the one above holds the
 * text of that cell (a Vem or När written once for several rows), and a merged Vad
 * continues the activity above. In Planbord's own file an empty Vad that is not merged
 * is an activity without a name; elsewhere it continues the one above, as in the text.
 */
export function wordRows(table: Table, exact: boolean): SourceRow[] {
  const above = new Map<number, SourceCell>();
  const rows: SourceRow[] = [];
  for (const row of table.rows) {
    if (isBlankRow(row)) continue;
    const cells = row.cells.map((cell) => {
      const read = cell.continued ? (above.get(cell.column) ?? { raw: '', text: '' }) : sourceCell(cell, exact);
      above.set(cell.column, read);
      return read;
    });
    const first = row.cells[0];
    const continues = !!first && (first.continued || (!exact && cells[0].raw === '' && cells.length > 1));
    while (cells.length && cells[cells.length - 1].raw === '' && cells[cells.length - 1].label === undefined) cells.pop();
    rows.push({ where: { table: table.number, row: row.number }, cells, continues, width: row.cells.length });
  }
  return rows;
}
