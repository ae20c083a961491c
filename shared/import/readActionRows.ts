import type { PlainDirection } from '../plan/types';
import { ImportError } from './ImportError';
import type { ImportWarning } from './ImportWarning';
import type { SourceRow } from './SourceRow';
import { COLUMNS, isHeaderRow, readColumns, readRow, type Columns } from './tableRow';
import type { Where } from './where';

export interface ActionPlan {
  directions: PlainDirection[];
  itemWhere: Where[][];
  directionWhere: Where[];
}

const raw = (row: SourceRow) => row.cells.map((c) => c.raw);
const opensTable = (rows: SourceRow[], i: number) => i + 1 < rows.length && isHeaderRow(raw(rows[i + 1]));

/**
 * The action plan from its rows, whatever file they came from: under each direction
 * heading (a row with only its first cell filled, followed by a header row) the
 * action rows. Header rows repeated at a page break are skipped. Throws an ImportError
 * naming the row on anything it cannot read, so a malformed file imports nothing.
 */
export function readActionRows(rows: SourceRow[], warnings: ImportWarning[]): ActionPlan {
  const plan: ActionPlan = { directions: [], itemWhere: [], directionWhere: [] };
  let current: PlainDirection | undefined;
  let columns: Columns | undefined;
  let header = '';
  const useHeader = (row: SourceRow) => {
    const cells = raw(row);
    // A header repeated on every page says nothing new.
    if (cells.join('\t') !== header) columns = readColumns(cells, row.where, warnings);
    header = cells.join('\t');
  };
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (isHeaderRow(raw(row))) {
      if (!current) throw new ImportError('ROW_OUTSIDE_TABLE', row.where, 'a header row with no direction heading above it');
      useHeader(row);
      continue;
    }
    // A lone cell opens a direction when a header row follows. In a Word table a row
    // with more (empty) cells is an action with only its Vad; a text line cannot say.
    if (row.cells.length <= 1 && (opensTable(rows, i) || (row.width ?? 1) <= 1)) {
      const title = row.cells[0]?.text ?? '';
      if (!opensTable(rows, i)) {
        // Inside a table a lone cell may also be an action with only its Vad filled in;
        // it cannot be told from a heading whose header row is gone, so both are named.
        const asAction = current ? `; if it is an action of "${current.title}" with only its Vad, fill in at least one more cell` : '';
        const why = `the direction "${title}" has no action-plan table: expected a header row (${COLUMNS.join(', ')}) under it${asAction}`;
        throw new ImportError('MISSING_TABLE', row.where, why, { title, columns: COLUMNS.join(', '), ...(current ? { current: current.title } : {}) });
      }
      current = { title, items: [] };
      plan.directions.push(current);
      plan.itemWhere.push([]);
      plan.directionWhere.push(row.where);
      header = '';
      useHeader(rows[++i]);
      continue;
    }
    if (!current || !columns) throw new ImportError('ROW_OUTSIDE_TABLE', row.where, 'a table row with no direction heading and header row above it');
    current.items.push(readRow(row, columns, current.items[current.items.length - 1], warnings));
    plan.itemWhere[plan.itemWhere.length - 1].push(row.where);
  }
  plan.directions.forEach((d, i) => {
    if (d.items.length === 0) warnings.push({ code: 'EMPTY_DIRECTION', where: plan.directionWhere[i], params: { title: d.title } });
  });
  return plan;
}
