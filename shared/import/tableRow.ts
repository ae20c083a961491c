import type { Block, PlainItem } from '../plan/types';
import { blocksToPlainText, isRichText } from '../plan/richText';
import { ImportError } from './ImportError';
import type { ImportWarning } from './ImportWarning';
import { readWho } from './parties';
import type { SourceRow } from './SourceRow';
import { byLabel, knownStatus, readStatusCell } from './statuses';
import type { Where } from './where';

export const COLUMNS = ['Vad', 'Hur', 'Vem', 'När/Resurs', 'Status', 'Prio'] as const;

type Field = 'activity' | 'how' | 'who' | 'when' | 'status' | 'statusNote' | 'priority';
const STANDARD: Field[] = ['activity', 'how', 'who', 'when', 'status', 'priority'];
const NAME_OF: Record<Field, string> = {
  activity: 'Vad',
  how: 'Hur',
  who: 'Vem',
  when: 'När/Resurs',
  status: 'Status',
  statusNote: 'Statusnotering',
  priority: 'Prio',
};
// Header cells are compared without case and spaces, so "När/Resur s" and friends still count.
const FIELD_OF: Record<string, Field> = {
  vad: 'activity',
  hur: 'how',
  vem: 'who',
  'när/resurs': 'when',
  'när/resurser': 'when',
  när: 'when',
  resurs: 'when',
  status: 'status',
  statusnotering: 'statusNote',
  statusanteckning: 'statusNote',
  prio: 'priority',
  prioritet: 'priority',
};

export const squash = (cell = '') => cell.toLowerCase().replace(/\s+/g, '');

/** The header row of an action-plan table (Vad, Hur, Vem, …). */
export const isHeaderRow = (cells: string[]) => squash(cells[0]) === 'vad' && squash(cells[1]) === 'hur';

/** Which field each column of a table holds, from its header row; null for a column left out. */
export interface Columns {
  fields: Array<Field | null>;
  names: string[];
}

/**
 * The columns a header row names. The usual header (Vad, Hur, Vem, När/Resurs, Status,
 * Prio, or its first cells) stands for all six in that order; any other is read cell
 * by cell, so a table may leave a column out, add one or change their order.
 */
export function readColumns(header: string[], where: Where, warnings: ImportWarning[]): Columns {
  const standard = header.length <= STANDARD.length && header.every((cell, i) => FIELD_OF[squash(cell)] === STANDARD[i]);
  const fields = standard ? STANDARD : header.map((cell) => FIELD_OF[squash(cell)] ?? null);
  header.forEach((cell, i) => {
    const field = fields[i];
    const written = cell.trim();
    if (field === null) warnings.push({ code: 'UNKNOWN_COLUMN', where, params: { column: written } });
    else if (written.toLowerCase() !== NAME_OF[field].toLowerCase()) {
      warnings.push({ code: 'HEADER_SPELLING', where, params: { written, read: NAME_OF[field] } });
    }
  });
  return { fields, names: fields.map((f, i) => (f ? NAME_OF[f] : header[i].trim())) };
}

function readPriority(cell: string, where: Where): PlainItem['priority'] {
  const text = cell.trim();
  if (text === '') return null;
  if (/^[123]$/.test(text)) return Number(text) as 1 | 2 | 3;
  throw new ImportError('INVALID_PRIORITY', where, `priority "${text}" must be 1, 2, 3 or empty`, { priority: text });
}

/** Hur as plain text, and as rich text too when it holds more than plain lines (lists, bold, italic, links). */
function readHow(text: string, rich: Block[] | undefined): Pick<PlainItem, 'how' | 'howRich'> {
  return rich && isRichText(rich) ? { how: blocksToPlainText(rich), howRich: rich } : { how: text };
}

function readStatus(label: string | undefined, note: string, where: Where, warnings: ImportWarning[]): Pick<PlainItem, 'status' | 'statusNote'> {
  // A category named apart from the note (Planbord's Word export, a CSV's two columns).
  if (label !== undefined && (label.trim() !== '' || note === '')) {
    return { status: byLabel(label) ?? knownStatus(note) ?? knownStatus(label) ?? 'not_started', statusNote: note };
  }
  const read = readStatusCell(note);
  if (read.statusNote === note && note.trim() !== '' && knownStatus(note) === null) {
    warnings.push({ code: 'STATUS_UNKNOWN', where, params: { status: note.trim() } });
  }
  return read;
}

/**
 * One action row. An empty Vad continues the activity of the row above, as the
 * document writes an activity once for all its rows.
 */
export function readRow(row: SourceRow, columns: Columns, above: PlainItem | undefined, warnings: ImportWarning[]): PlainItem {
  const { where, cells } = row;
  if (cells.length > columns.fields.length) {
    const expected = columns.names.join(', ');
    throw new ImportError('TOO_MANY_COLUMNS', where, `the row has ${cells.length} columns; an action-plan table has ${columns.fields.length} (${expected})`, {
      count: cells.length,
      expected: columns.fields.length,
      columns: expected,
    });
  }
  const cell = (field: Field) => {
    const i = columns.fields.indexOf(field);
    return i >= 0 && i < cells.length ? cells[i] : undefined;
  };
  const value = (field: Field) => cell(field)?.text ?? '';
  if (row.continues && !above) {
    throw new ImportError('ORPHAN_CONTINUATION', where, 'the row has no Vad and there is no row above it to continue');
  }
  const who = readWho(value('who'));
  for (const m of who.mended) warnings.push({ code: 'PARTY_MENDED', where, params: { written: m.written, read: m.read } });
  const hasNoteColumn = columns.fields.includes('statusNote');
  const label = cell('status')?.label ?? (hasNoteColumn ? value('status') : undefined);
  return {
    activity: row.continues ? above!.activity : value('activity'),
    ...readHow(value('how'), cell('how')?.rich),
    who: who.names,
    when: value('when'),
    ...readStatus(label, hasNoteColumn ? value('statusNote') : value('status'), where, warnings),
    priority: readPriority(value('priority'), where),
  };
}
