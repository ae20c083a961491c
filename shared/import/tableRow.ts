import type { PlainItem } from '../plan/types';
import { ImportError } from './ImportError';
import { unescapeText } from './escapes';
import { parseWho } from './parties';
import { readStatusCell } from './statuses';
import { trimLine } from './toLines';

export const COLUMNS = ['Vad', 'Hur', 'Vem', 'När/Resurs', 'Status', 'Prio'] as const;

/** The trimmed cells of a tab-separated line, without the empty cells trailing tabs leave. */
export function splitCells(text: string): string[] {
  const cells = text.split('\t').map(trimLine);
  while (cells.length && cells[cells.length - 1] === '') cells.pop();
  return cells;
}

// Compared without case and spaces, so "När/Resur s" and friends still count.
const squash = (cell = '') => cell.toLowerCase().replace(/\s+/g, '');

/** The header row of an action-plan table (Vad, Hur, Vem, …). */
export const isHeaderRow = (cells: string[]) => squash(cells[0]) === 'vad' && squash(cells[1]) === 'hur';

function readPriority(cell: string, line: number): PlainItem['priority'] {
  const text = unescapeText(cell).trim();
  if (text === '') return null;
  if (/^[123]$/.test(text)) return Number(text) as 1 | 2 | 3;
  throw new ImportError('INVALID_PRIORITY', line, `priority "${text}" must be 1, 2, 3 or empty`);
}

/**
 * One action row. An empty Vad continues the activity of the row above, as the
 * document writes an activity once for all its rows.
 */
export function readRow(cells: string[], above: PlainItem | undefined, line: number): PlainItem {
  if (cells.length > COLUMNS.length) {
    throw new ImportError(
      'TOO_MANY_COLUMNS',
      line,
      `the row has ${cells.length} columns; an action-plan table has ${COLUMNS.length} (${COLUMNS.join(', ')})`,
    );
  }
  const [vad = '', hur = '', vem = '', when = '', status = '', prio = ''] = cells;
  if (vad === '' && !above) {
    throw new ImportError('ORPHAN_CONTINUATION', line, 'the row has no Vad and there is no row above it to continue');
  }
  return {
    activity: vad === '' ? above!.activity : unescapeText(vad),
    how: unescapeText(hur),
    who: parseWho(unescapeText(vem)),
    when: unescapeText(when),
    ...readStatusCell(unescapeText(status)),
    priority: readPriority(prio, line),
  };
}
