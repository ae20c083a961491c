import { ExportError } from './ExportError';
import { COMMENT_FILTERS, DEFAULT_EXPORT_OPTIONS, EXPORT_FORMATS, ROUND_FILTERS, type CommentFilter, type ExportFormat, type ExportOptions, type RoundFilter } from './types';

/**
 * Reads an export request from named values, as a query string or command-line flags
 * give them (each name may repeat). Directions come as repeated values or one value
 * with commas; each is a 0-based index or a title.
 */
export function parseExportRequest(values: Record<string, string[] | undefined>): { format: ExportFormat; options: ExportOptions } {
  const one = (name: string) => values[name]?.[values[name]!.length - 1];
  const format = one('format') ?? '';
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new ExportError('BAD_EXPORT_OPTION', `format must be one of ${EXPORT_FORMATS.join(', ')}${format ? `, not "${format}"` : ''}`);
  }
  const statusNotes = one('statusNotes');
  if (statusNotes !== undefined && !['0', '1', 'true', 'false'].includes(statusNotes)) {
    throw new ExportError('BAD_EXPORT_OPTION', `statusNotes must be 1 or 0, not "${statusNotes}"`);
  }
  const comments = one('comments') ?? DEFAULT_EXPORT_OPTIONS.comments;
  if (!(COMMENT_FILTERS as readonly string[]).includes(comments)) {
    throw new ExportError('BAD_EXPORT_OPTION', `comments must be one of ${COMMENT_FILTERS.join(', ')}, not "${comments}"`);
  }
  const rounds = one('rounds');
  if (rounds !== undefined && !(ROUND_FILTERS as readonly string[]).includes(rounds)) {
    throw new ExportError('BAD_EXPORT_OPTION', `rounds must be one of ${ROUND_FILTERS.join(', ')}, not "${rounds}"`);
  }
  const directions = (values.directions ?? [])
    // "0,2" lists indexes; a title may itself hold a comma, so only all-number lists are split.
    .flatMap((v): Array<string | number> => (/^\s*\d+(\s*,\s*\d+)*\s*$/.test(v) ? v.split(',').map((n) => Number(n.trim())) : [v]))
    .filter((v) => v !== '');
  return {
    format: format as ExportFormat,
    options: {
      statusNotes: statusNotes === undefined ? DEFAULT_EXPORT_OPTIONS.statusNotes : statusNotes === '1' || statusNotes === 'true',
      comments: comments as CommentFilter,
      ...(rounds === undefined ? {} : { rounds: rounds as RoundFilter }),
      ...(directions.length ? { directions } : {}),
    },
  };
}
