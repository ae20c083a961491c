import { ImportError } from './ImportError';
import type { ImportResult } from './ImportResult';
import type { ImportWarning } from './ImportWarning';
import { readActionRows } from './readActionRows';
import type { SourceRow } from './SourceRow';
import { squash } from './tableRow';

// The action plan as a spreadsheet saves it: Planbord's own CSV export (UTF-8 with a
// byte-order mark, semicolons), or the same table saved from Excel (semicolons in
// Swedish Excel, commas elsewhere, UTF-8 or Windows-1252, with or without the mark).
// A column "Inriktning" names each row's direction; the rows go through the same
// interpretation as the text format's and Word's tables.

const SEPARATORS = [';', ',', '\t'] as const;

// Windows-1252 is Latin-1 but for 0x80–0x9F, where it has typographic quotes, dashes
// and a few letters. (Node's own decoder of that name decodes Latin-1.)
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const windows1252 = (bytes: Uint8Array) => {
  let out = '';
  for (const byte of bytes) out += byte >= 0x80 && byte < 0xa0 ? CP1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
  return out;
};

/** UTF-8 when the bytes are (with or without a byte-order mark), otherwise Windows-1252 as Excel saves it. */
export function decodeCsv(input: string | Uint8Array): string {
  if (typeof input === 'string') return input.replace(/^\uFEFF/, '');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(input);
  } catch {
    return windows1252(input);
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

/** Vad, Hur, then the other columns in their order: the shape of the plan's own header row, which names the rest. */
function plansOrder(header: string[]): number[] | null {
  const vad = header.findIndex((f) => squash(f) === 'vad');
  const hur = header.findIndex((f) => squash(f) === 'hur');
  if (vad < 0 || hur < 0) return null;
  return [vad, hur, ...header.map((_, i) => i).filter((i) => i !== vad && i !== hur)];
}

/** The separator whose first line is a header row naming Vad and Hur, or null: then it is no such CSV file. */
export function csvSeparator(text: string): string | null {
  const firstLine = text.split(/\r\n|\n|\r/).find((l) => l.trim() !== '') ?? '';
  return SEPARATORS.find((s) => plansOrder(records(firstLine, s)[0]?.fields ?? []) !== null) ?? null;
}

// The export puts an apostrophe before a text that a spreadsheet would run as a formula.
const unprotect = (field: string) => (/^'+[=+\-@\t\r]/.test(field) ? field.slice(1) : field);

/** Reads a CSV action plan; it has no title or year, which the plan is given when it is made. */
export function readPlanCsv(input: string | Uint8Array): ImportResult {
  const text = decodeCsv(input);
  const separator = csvSeparator(text);
  if (!separator) throw new ImportError('CSV_HEADER', { line: 1 }, 'expected a header row with the columns Vad and Hur next to each other', {});
  const [header, ...data] = records(text, separator).filter((r) => r.fields.some((f) => f.trim() !== ''));
  const direction = header.fields.findIndex((f) => squash(f) === 'inriktning');
  const order = plansOrder(header.fields)!.filter((i) => i !== direction);
  const columns = order.map((i) => ({ raw: header.fields[i].trim(), text: header.fields[i].trim() }));
  const rows: SourceRow[] = [];
  let current: string | null = null;
  for (const record of data) {
    const fields = record.fields.map(unprotect);
    const title = direction >= 0 ? (fields[direction] ?? '') : 'Handlingsplan';
    if (title !== current) {
      rows.push({ where: { line: record.line }, cells: [{ raw: title.trim(), text: title }], continues: false });
      rows.push({ where: { line: header.line }, cells: columns, continues: false });
      current = title;
    }
    const cells = order.map((i) => ({ raw: (fields[i] ?? '').trim(), text: fields[i] ?? '' }));
    while (cells.length && cells[cells.length - 1].text === '') cells.pop();
    rows.push({ where: { line: record.line }, cells, continues: cells.length > 1 && cells[0].raw === '', width: order.length });
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
