import { ImportError } from './ImportError';
import type { ImportResult } from './ImportResult';
import type { ImportWarning } from './ImportWarning';
import { readActionRows } from './readActionRows';
import type { SourceRow } from './SourceRow';
import { isHeaderRow, squash } from './tableRow';

// The action plan as a spreadsheet saves it: Planbord's own CSV export (UTF-8 with a
// byte-order mark, semicolons), or the same table saved from Excel (semicolons in
// Swedish Excel, commas elsewhere, UTF-8 or Windows-1252, with or without the mark).
// A column "Inriktning" names each row's direction; the rows go through the same
// interpretation as the text format's and Word's tables.

const SEPARATORS = [';', ',', '\t'] as const;

/** UTF-8 when the bytes are (with or without a byte-order mark), otherwise Windows-1252 as Excel saves it. */
export function decodeCsv(input: string | Uint8Array): string {
  if (typeof input === 'string') return input.replace(/^\uFEFF/, '');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(input);
  } catch {
    return new TextDecoder('windows-1252').decode(input);
  }
}

interface CsvRecord {
  line: number;
  fields: string[];
}

/** Records as RFC 4180 writes them: quoted fields may hold separators, quotes ("") and line breaks. */
function records(text: string, separator: string): CsvRecord[] {
  const out: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  const endRecord = () => {
    fields.push(field);
    out.push({ line: start, fields });
    fields = [];
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
        field += c;
      }
    } else if (c === '"' && field === '') quoted = true;
    else if (c === separator) {
      fields.push(field);
      field = '';
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      start = ++line;
    } else field += c;
  }
  if (field !== '' || fields.length) endRecord();
  return out;
}

const headerAt = (fields: string[]) => fields.findIndex((_, i) => isHeaderRow(fields.slice(i)));

/** The separator whose first line holds the header row (…, Vad, Hur, …), or null: then it is no such CSV file. */
export function csvSeparator(text: string): string | null {
  const firstLine = text.split(/\r\n|\n|\r/).find((l) => l.trim() !== '') ?? '';
  return SEPARATORS.find((s) => headerAt(records(firstLine, s)[0]?.fields ?? []) >= 0) ?? null;
}

// The export puts an apostrophe before a text that a spreadsheet would run as a formula.
const unprotect = (field: string) => (/^'[=+\-@\t\r]/.test(field) ? field.slice(1) : field);

/** Reads a CSV action plan; it has no title or year, which the plan is given when it is made. */
export function readPlanCsv(input: string | Uint8Array): ImportResult {
  const text = decodeCsv(input);
  const separator = csvSeparator(text);
  if (!separator) throw new ImportError('CSV_HEADER', { line: 1 }, 'expected a header row with the columns Vad and Hur next to each other', {});
  const [header, ...data] = records(text, separator).filter((r) => r.fields.some((f) => f.trim() !== ''));
  const direction = header.fields.findIndex((f) => squash(f) === 'inriktning');
  const without = (fields: string[]) => fields.filter((_, i) => i !== direction);
  const columns = without(header.fields).map((f) => ({ raw: f.trim(), text: f.trim() }));
  const rows: SourceRow[] = [];
  let current: string | null = null;
  for (const record of data) {
    const fields = record.fields.map(unprotect);
    const title = direction >= 0 ? (fields[direction] ?? '').trim() : 'Handlingsplan';
    if (title !== current) {
      rows.push({ where: { line: record.line }, cells: [{ raw: title, text: title }], continues: false });
      rows.push({ where: { line: header.line }, cells: columns, continues: false });
      current = title;
    }
    const cells = without(fields).map((f) => ({ raw: f.trim(), text: f }));
    while (cells.length && cells[cells.length - 1].raw === '') cells.pop();
    rows.push({ where: { line: record.line }, cells, continues: cells.length > 1 && cells[0].raw === '', width: cells.length + 1 });
  }
  const warnings: ImportWarning[] = [{ code: 'NO_TITLE', where: null, params: {} }];
  const { directions, itemWhere, directionWhere } = readActionRows(rows, warnings);
  return {
    format: 'csv',
    document: { plan: { title: '', year: 0, directions }, organisation: '', version: '', preamble: [], strategy: [], focus: [] },
    warnings,
    itemWhere,
    directionWhere,
  };
}
