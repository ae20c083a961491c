import type { PlainDirection } from '../plan/types';
import { ImportError } from './ImportError';
import { unescapeText } from './escapes';
import { isSectionHeading } from './readSections';
import { COLUMNS, isHeaderRow, readRow, splitCells } from './tableRow';
import { isBlank, trimLine, type Line } from './toLines';

const nextFilled = (lines: Line[], from: number) => {
  for (let i = from; i < lines.length; i++) if (!isBlank(lines[i].text)) return i;
  return -1;
};

/** True when the line opens a direction: its next non-blank line is a header row. */
export function opensTable(lines: Line[], index: number): boolean {
  const next = nextFilled(lines, index + 1);
  return next !== -1 && isHeaderRow(splitCells(lines[next].text));
}

/**
 * The action plan: under each direction heading (a line with only its first cell
 * filled, often followed by empty cells) a header row, then action rows. Blank lines
 * inside a table are skipped, and so are header rows repeated at a page break.
 */
export function readTables(lines: Line[], start: number): PlainDirection[] {
  const directions: PlainDirection[] = [];
  let current: PlainDirection | undefined;
  for (let i = start; i < lines.length; i++) {
    const { text, no } = lines[i];
    if (isBlank(text)) continue;
    const cells = splitCells(text);
    if (isHeaderRow(cells)) {
      if (!current) throw new ImportError('ROW_OUTSIDE_TABLE', no, 'a header row with no direction heading above it');
      continue;
    }
    if (cells.length <= 1) {
      const title = unescapeText(cells[0] ?? '');
      if (!opensTable(lines, i)) {
        // Inside a table a lone cell may also be an action with only its Vad filled in;
        // it cannot be told from a heading whose header row is gone, so both are named.
        const asAction = current ? `; if it is an action of "${current.title}" with only its Vad, fill in at least one more cell` : '';
        const why = `the direction "${title}" has no action-plan table: expected a header row (${COLUMNS.join(', ')}) under it${asAction}`;
        throw new ImportError('MISSING_TABLE', no, why);
      }
      current = { title, items: [] };
      directions.push(current);
      i = nextFilled(lines, i + 1);
      continue;
    }
    if (!current) throw new ImportError('ROW_OUTSIDE_TABLE', no, 'a table row with no direction heading and header row above it');
    current.items.push(readRow(cells, current.items[current.items.length - 1], no));
  }
  return directions;
}

/**
 * Index of the line where the action plan starts (a tab, or a line opening a table),
 * or -1. "Handlingsplan för 2025" opens the focus text, never a direction, so a table
 * that lost its direction heading is refused instead of filed under that title.
 */
export function findActionPlan(lines: Line[], from: number): number {
  for (let i = from; i < lines.length; i++) {
    const { text } = lines[i];
    if (isBlank(text)) continue;
    if (text.includes('\t') || (!isSectionHeading(trimLine(text)) && opensTable(lines, i))) return i;
  }
  return -1;
}
