import { ImportError } from '../../../shared/import/ImportError';
import type { ImportResult } from '../../../shared/import/ImportResult';
import type { ImportWarning } from '../../../shared/import/ImportWarning';
import { readActionRows } from '../../../shared/import/readActionRows';
import { readTitleLines } from '../../../shared/import/readHeader';
import { FOCUS_HEADING, STRATEGY_HEADING } from '../../../shared/import/readSections';
import type { SourceRow } from '../../../shared/import/SourceRow';
import { COLUMNS } from '../../../shared/import/tableRow';
import type { Block } from '../../../shared/plan/types';
import { readBody, type BodyPart } from './readBody';
import type { Revisions, WordParagraph } from './readParagraph';
import { readZip } from './readZip';
import { joinedRuns, wordBlocks } from './wordBlocks';
import { WordContext } from './WordContext';
import { headedAbove, isActionTable, wordRows } from './wordRows';
import { child, elements, parseXml } from './xmlTree';

type Paragraph = Extract<BodyPart, { kind: 'paragraph' }>;
type Table = Extract<BodyPart, { kind: 'table' }>;

const OFFICE_DOCUMENT = /\/officeDocument$/;
const wanted = (name: string) => /^(?:\[Content_Types\]\.xml|_rels\/\.rels|docProps\/custom\.xml|word\/[^/]+\.xml|word\/_rels\/[^/]+\.rels)$/.test(name);

/** The main part, its styles, numbering and links, as the package's relationships name them. */
async function openParts(bytes: Uint8Array) {
  const files = await readZip(bytes, wanted);
  const xml = (name: string) => (files.has(name) ? parseXml(name, files.get(name)!) : undefined);
  const rels = xml('_rels/.rels');
  const target = rels && elements(rels).find((r) => OFFICE_DOCUMENT.test(r.attrs.Type ?? ''))?.attrs.Target;
  const main = (target ?? 'word/document.xml').replace(/^\//, '');
  const document = xml(main);
  if (!document || !child(document, 'w:body')) {
    const kind = files.has('xl/workbook.xml') || [...files.keys()].some((n) => n.startsWith('xl/')) ? 'xlsx' : 'zip';
    throw new ImportError('NOT_WORD', null, 'the file is a zip archive but not a Word document (.docx)', { kind });
  }
  const folder = main.slice(0, main.lastIndexOf('/') + 1);
  const docRels = xml(`${folder}_rels/${main.slice(folder.length)}.rels`);
  const relTarget = (type: string) => {
    const t = docRels && elements(docRels).find((r) => (r.attrs.Type ?? '').endsWith(`/${type}`))?.attrs.Target;
    return t ? (t.startsWith('/') ? t.slice(1) : folder + t) : `${folder}${type}.xml`;
  };
  const ctx = new WordContext({ styles: xml(relTarget('styles')), numbering: xml(relTarget('numbering')), rels: docRels, custom: xml('docProps/custom.xml') });
  return { document, ctx };
}

const isHeadingLike = (p: WordParagraph) => p.heading !== null || p.bold || p.title || (p.list === null && p.text.trim().length <= 120 && !/[.:;!?,]$/.test(p.text.trim()));

/**
 * The paragraph above a table that is its direction's heading: the nearest one with
 * text (in Planbord's own file the paragraph right above, even an empty one).
 */
function headingAbove(parts: BodyPart[], tableIndex: number, from: number, exact: boolean): number {
  for (let i = tableIndex - 1; i >= from && parts[i].kind === 'paragraph'; i--) {
    const p = (parts[i] as Paragraph).paragraph;
    if (exact) return i;
    if (p.text.trim() === '') continue;
    return isHeadingLike(p) ? i : -1;
  }
  return -1;
}

/** The texts before the first table: title lines, preamble, strategy and focus, as the text format divides them. */
function readTexts(paragraphs: Paragraph[], exact: boolean, ownTitles: string[]) {
  const filled = paragraphs.filter((p) => p.paragraph.text.trim() !== '');
  const titleLines = filled.slice(0, 3).map((p) => ({ raw: p.paragraph.text.replace(/\t/g, ' '), text: p.paragraph.text, where: { paragraph: p.number } }));
  const header = readTitleLines(titleLines, { paragraph: paragraphs[paragraphs.length - 1]?.number ?? 1 });
  const rest = paragraphs.slice(header.used ? paragraphs.indexOf(filled[header.used - 1]) + 1 : 0);
  const at = (heading: RegExp) => rest.findIndex((p) => heading.test(p.paragraph.text.trim()));
  const strategyAt = at(STRATEGY_HEADING);
  const focusAt = rest.findIndex((p, i) => i > strategyAt && FOCUS_HEADING.test(p.paragraph.text.trim()));
  const section = (name: string, from: number, to: number): Block[] => {
    if (from < 0) return [];
    // Planbord's export names the sections whose heading is the plan's own first block.
    if (ownTitles.includes(name)) return wordBlocks(rest.slice(from, to < 0 ? rest.length : to).map((p) => p.paragraph), { shift: 0, keepEmpty: exact, headings: true });
    const heading = rest[from].paragraph.heading ?? 0;
    const body = rest.slice(from + 1, to < 0 ? rest.length : to).map((p) => p.paragraph);
    // Headings under a section heading of the same style are taken one level up.
    const shift = heading > 0 && body.every((p) => p.heading === null || p.heading > heading) ? heading : 0;
    return wordBlocks(body, { shift, keepEmpty: exact, headings: true });
  };
  const preambleEnd = [strategyAt, focusAt, rest.length].find((i) => i >= 0)!;
  const preamble = rest.slice(0, preambleEnd).map((p) => p.paragraph).filter((p) => p.text.trim() !== '');
  return {
    header,
    preamble: joinedRuns(preamble),
    strategy: strategyAt < 0 ? [] : section('strategy', strategyAt, focusAt),
    focus: section('focus', focusAt, -1),
  };
}

/**
 * Reads a Word file (.docx) into a plan: directions as headings (a heading style or a
 * bold paragraph) each followed by its table, or as a first row of the table itself;
 * the texts before the tables as the text format divides them. The rows are read by
 * the same interpretation as the text format's (readActionRows).
 */
export async function readWordDocument(bytes: Uint8Array): Promise<ImportResult> {
  const { document, ctx } = await openParts(bytes);
  const revisions: Revisions = { insertions: 0, deletions: 0 };
  const parts = readBody(document, ctx, revisions);
  const exact = ctx.planbordExport;
  const warnings: ImportWarning[] = [];
  const first = parts.findIndex((p) => p.kind === 'table' && isActionTable(p));
  if (first < 0) {
    const table = parts.find((p): p is Table => p.kind === 'table');
    throw new ImportError(
      'NO_ACTION_PLAN',
      table ? { table: table.number, row: 1 } : null,
      `no action-plan table: expected a table whose header row is ${COLUMNS.join(', ')}, under a direction heading` +
        (table ? `; the document's tables have no such row` : '; the document has no table'),
      { columns: COLUMNS.join(', '), tables: parts.filter((p) => p.kind === 'table').length },
    );
  }
  const firstHeading = headedAbove(parts[first] as Table) ? headingAbove(parts, first, 0, exact) : -1;
  const textEnd = firstHeading >= 0 ? firstHeading : first;
  for (const p of parts.slice(0, textEnd)) if (p.kind === 'table') warnings.push({ code: 'TABLE_IGNORED', where: { table: p.number, row: 1 }, params: {} });
  const ownTitles = exact ? (ctx.property('PlanbordOwnTitles') ?? '').split(',') : [];
  const texts = readTexts(parts.slice(0, textEnd).filter((p): p is Paragraph => p.kind === 'paragraph'), exact, ownTitles);

  const rows: SourceRow[] = [];
  let columns = 0;
  let since = textEnd;
  for (let i = textEnd; i < parts.length; i++) {
    const part = parts[i];
    if (part.kind !== 'table') continue;
    const action = isActionTable(part);
    const heading = action && headedAbove(part) ? headingAbove(parts, i, since, exact) : -1;
    const width = Math.max(0, ...part.rows.map((r) => r.cells.length));
    if (!action && width !== columns) {
      warnings.push({ code: 'TABLE_IGNORED', where: { table: part.number, row: 1 }, params: {} });
      since = i + 1;
      continue;
    }
    if (action) columns = width;
    for (let k = since; k < i; k++) {
      const p = parts[k] as Paragraph;
      if (k !== heading && p.paragraph.text.trim() !== '' && !exact) warnings.push({ code: 'TEXT_IGNORED', where: { paragraph: p.number }, params: { text: p.paragraph.text.trim().slice(0, 80) } });
    }
    if (heading >= 0) {
      const p = parts[heading] as Paragraph;
      const title = exact ? p.paragraph.text : p.paragraph.text.trim();
      rows.push({ where: { paragraph: p.number }, cells: [{ raw: title, text: title }], continues: false });
    }
    rows.push(...wordRows(part, exact));
    since = i + 1;
  }
  if (!exact) {
    for (const p of parts.slice(since)) {
      if (p.kind === 'paragraph' && p.paragraph.text.trim() !== '') warnings.push({ code: 'TEXT_IGNORED', where: { paragraph: p.number }, params: { text: p.paragraph.text.trim().slice(0, 80) } });
    }
  }
  const { directions, itemWhere, directionWhere } = readActionRows(rows, warnings);
  if (revisions.insertions || revisions.deletions) warnings.unshift({ code: 'TRACKED_CHANGES', where: null, params: { ...revisions } });
  return {
    format: 'docx',
    document: {
      plan: { title: texts.header.title, year: texts.header.year, directions },
      organisation: texts.header.organisation,
      version: texts.header.version,
      preamble: texts.preamble,
      strategy: texts.strategy,
      focus: texts.focus,
    },
    warnings,
    itemWhere,
    directionWhere,
  };
}
