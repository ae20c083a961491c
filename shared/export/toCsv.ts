import { formatWhoList } from '../import/parties';
import { buildExportView } from './buildExportView';
import { swedishDateTime } from './swedishDate';
import type { ExportMeta, ExportOptions, ExportSource, ExportThread } from './types';

// Swedish Excel opens a file as it is when it starts with a UTF-8 byte-order mark (or
// it reads å ä ö as Latin-1), uses semicolons (the Swedish list separator; commas
// are decimal marks there) and CRLF between rows.

const BOM = '\uFEFF';

/**
 * A field, quoted when it holds a separator, a quote or a line break. A field that
 * starts like a formula gets a leading apostrophe, so that a spreadsheet shows the
 * text instead of running it (and "- Delta med …" does not turn into #NAME?); so does
 * one that already starts with apostrophes before such a character, so that reading
 * the file takes exactly one away.
 */
export function csvField(value: string): string {
  const safe = /^'*[=+\-@\t\r]/.test(value) && !/^-?\d+([.,]\d+)?$/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const threadText = (thread: ExportThread) =>
  (thread.resolved ? '[Löst] ' : '') + thread.comments.map((c) => `${c.author} (${swedishDateTime(c.at)}): ${c.text}`).join('\n');

/** One row per action; continuation rows repeat their Vad, so every row stands alone in a filter. */
export function toCsv(source: ExportSource, options: ExportOptions, meta: ExportMeta = { date: new Date() }): string {
  const view = buildExportView(source, options, meta);
  const withComments = options.comments !== 'none' && source.comments !== undefined;
  const header = ['Inriktning', 'Vad', 'Hur', 'Vem', 'När/Resurs', 'Status', ...(options.statusNotes ? ['Statusnotering'] : []), 'Prio', ...(withComments ? ['Kommentarer'] : [])];
  const lines = [header.map(csvField).join(';')];
  for (const direction of view.directions) {
    for (const row of direction.rows) {
      const { item } = row;
      const fields = [direction.title, item.activity, item.how, formatWhoList(item.who), item.when, row.statusLabel];
      if (options.statusNotes) fields.push(item.statusNote);
      fields.push(item.priority === null ? '' : String(item.priority));
      if (withComments) fields.push(row.threads.map(threadText).join('\n\n'));
      lines.push(fields.map(csvField).join(';'));
    }
  }
  return BOM + lines.join('\r\n') + '\r\n';
}
