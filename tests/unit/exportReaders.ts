import JSZip from 'jszip';
import { statusLabel } from '../../shared/export/statusLabel';
import type { PlanDocument } from '../../shared/plan/types';
import { extractText } from 'unpdf';

// Open produced files the way a reader's program would: the Word XML inside the zip,
// the text layer of the PDF, the CSV as a spreadsheet parses it.

const decode = (xml: string) =>
  xml.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The visible text of a piece of WordprocessingML: w:t text, tabs and line breaks. */
function wordText(xml: string): string {
  const paragraphs = xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? [];
  return paragraphs
    .map((p) =>
      (p.match(/<w:t(?: [^>]*)?>[^<]*<\/w:t>|<w:tab\/>|<w:br\/>/g) ?? [])
        .map((t) => (t === '<w:tab/>' ? '\t' : t === '<w:br/>' ? '\n' : decode(t.replace(/<[^>]+>/g, ''))))
        .join(''),
    )
    .join('\n');
}

export interface DocxCell {
  text: string;
  /** 'restart' on the first cell of a vertical merge, 'continue' on the cells it covers. */
  vMerge?: 'restart' | 'continue';
}

export interface DocxFile {
  xml: Record<string, string>;
  /** Body paragraphs outside tables, in order. */
  paragraphs: string[];
  /** Each table's rows of cells. */
  tables: DocxCell[][][];
}

export async function readDocx(buffer: Uint8Array): Promise<DocxFile> {
  const zip = await JSZip.loadAsync(buffer);
  const xml: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) if (/\.(xml|rels)$/.test(name)) xml[name] = await zip.file(name)!.async('string');
  const body = xml['word/document.xml'];
  const tables = (body.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? []).map((table) =>
    (table.match(/<w:tr[ >][\s\S]*?<\/w:tr>/g) ?? []).map((row) =>
      (row.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).map((cell): DocxCell => {
        const merge = /<w:vMerge(?: w:val="(\w+)")?\/>/.exec(cell);
        return { text: wordText(cell), ...(merge ? { vMerge: merge[1] === 'restart' ? 'restart' : 'continue' } : {}) };
      }),
    ),
  );
  const outside = body.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '');
  return { xml, tables, paragraphs: wordText(outside).split('\n') };
}

/** The PDF's text, a word hyphenated at a line's end (with U+2010, as the PDF export does) read whole. */
export async function readPdfText(buffer: Uint8Array): Promise<string> {
  const { text } = await extractText(new Uint8Array(buffer), { mergePages: true });
  return text.replace(/\u2010\n/g, '');
}

/**
 * The GitHub tables of a Markdown file, as a reader sees them: each table's body rows
 * of cells, with backslash escapes undone, <br> as a line break and cells trimmed.
 */
export function parseMarkdownTables(md: string): string[][][] {
  const tables: string[][][] = [];
  let table: string[][] | null = null;
  for (const line of md.split('\n')) {
    if (!line.startsWith('|')) {
      table = null;
      continue;
    }
    if (/^\|( --- \|)+$/.test(line)) continue;
    const cells: string[] = [];
    let field = '';
    for (let i = 1; i < line.length; i++) {
      if (line[i] === '\\') field += line[++i];
      else if (line.startsWith('<br>', i)) (field += '\n'), (i += 3);
      else if (line[i] === '|') cells.push(field.trim()), (field = '');
      else field += line[i];
    }
    // The first row of a table is its header.
    if (table) table.push(cells);
    else tables.push((table = []));
  }
  return tables;
}

/** RFC 4180 with semicolons; the byte-order mark must be stripped by the caller. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';') row.push(field), (field = '');
    else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field), rows.push(row), (row = []), (field = ''), i++;
    } else field += ch;
  }
  if (field !== '' || row.length) row.push(field), rows.push(row);
  return rows;
}

/** Whitespace-insensitive: PDF text and table cells wrap lines where the layout wants. */
export const squash = (s: string) => s.replace(/\s+/g, '');

/** Asserts that the needles occur in the haystack in this order; returns the first one that does not. */
export function firstOutOfOrder(haystack: string, needles: string[]): string | null {
  let at = 0;
  for (const needle of needles) {
    const found = haystack.indexOf(needle, at);
    if (found < 0) return needle;
    at = found + needle.length;
  }
  return null;
}

/**
 * What a reader of the Word or PDF document sees of the tables, in order: each
 * direction's title, then per action its Vad (once per activity), Hur, Vem, När,
 * status and Prio.
 */
export function tableTextInOrder(document: PlanDocument): string[] {
  return document.plan.directions.flatMap((direction) => [
    direction.title,
    ...direction.items.flatMap((item, i) => [
      ...(i > 0 && direction.items[i - 1].activity === item.activity ? [] : [item.activity]),
      item.how,
      item.who.join(', '),
      item.when,
      statusLabel(item.status),
      item.priority === null ? '' : String(item.priority),
    ]),
  ]);
}

