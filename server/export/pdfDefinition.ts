import type { ExportDirection, ExportRow, ExportView } from '../../shared/export/buildExportView';
import { actionPlanTitle, sectionBlocks, STRATEGY_TITLE, TABLE_COLUMNS, type SectionBlock } from '../../shared/export/sectionBlocks';
import { swedishDateTime } from '../../shared/export/swedishDate';
import { COLUMN_WIDTHS } from './docxActionTable';
import { pdfRounds } from './pdfRounds';
import { pdfRuns, pdfText } from './pdfText';

// The same document as the Word export, laid out by pdfmake: same order, same tables
// (column widths taken from the Word table), same header and page numbers.

const MARGIN = 56.7; // 2 cm in points
const GREEN = '#1F3B1F';
const GREY = '#555555';

function blocks(list: SectionBlock[], newPage: boolean): object[] {
  return list.map((block, index) => {
    const pageBreak = newPage && index === 0 ? { pageBreak: 'before' } : {};
    switch (block.type) {
      case 'heading':
        return { text: pdfRuns(block.runs), style: `h${block.level}`, headlineLevel: block.level, ...pageBreak };
      case 'paragraph':
        return { text: pdfRuns(block.runs), style: 'body' };
      case 'bulletList':
        return { ul: block.items.map((runs) => ({ text: pdfRuns(runs) })), style: 'body' };
      case 'orderedList':
        return { ol: block.items.map((runs) => ({ text: pdfRuns(runs) })), style: 'body' };
    }
  });
}

/** How the table is laid out in this pass: which rows continue an activity at the top of a page, and who hears where rows land. */
export interface PdfLayout {
  /** Keys of the rows that start a page within their activity: they repeat its name, marked as continued. */
  continued: ReadonlySet<string>;
  /** Told the page on which each table row is laid out. */
  onRowPage?: (key: string, page: number) => void;
  /** A cell's text for its column, long words hyphenated to fit (none when not given). */
  fit?: (text: string, width: number, font: { size: number; italics?: boolean }) => string;
}

const ROW_ID = 'row:';
const TABLE_SIZE = 9;
const NOTE_SIZE = 7.5;
const WIDTHS = COLUMN_WIDTHS.map((w) => w / 20 - 8.5);

const continuedName = (activity: string) => `${activity} (forts.)`;

function table(direction: ExportDirection, layout: PdfLayout): object {
  const fit = (text: string, column: number, italics = false) =>
    pdfText(layout.fit ? layout.fit(text, WIDTHS[column], { size: italics ? NOTE_SIZE : TABLE_SIZE, italics }) : text);
  const header = TABLE_COLUMNS.map((title) => ({ text: title, bold: true, fillColor: '#D9EAD3' }));
  // An activity's rows share one Vad cell, split where a row starts a new page: the
  // reader of that page then sees which activity the row belongs to.
  const parts = direction.groups.flatMap((group) =>
    group.rows.reduce<Array<{ name: string; rows: ExportRow[] }>>((out, row, i) => {
      if (i === 0) out.push({ name: group.activity, rows: [row] });
      else if (layout.continued.has(row.key)) out.push({ name: continuedName(group.activity), rows: [row] });
      else out[out.length - 1].rows.push(row);
      return out;
    }, []),
  );
  const body = parts.flatMap((part) =>
    part.rows.map((row, i) => {
      const { item } = row;
      const label = { text: fit(row.statusLabel, 4), id: ROW_ID + row.key };
      const status = row.statusNote
        ? { stack: [label, { text: fit(row.statusNote, 4, true), italics: true, fontSize: NOTE_SIZE, color: '#444444' }] }
        : label;
      const vad = i === 0 ? { text: fit(part.name, 0), rowSpan: part.rows.length } : {};
      return [vad, { text: fit(item.how, 1) }, { text: fit(item.who.join(', '), 2) }, { text: fit(item.when, 3) }, status, { text: item.priority === null ? '' : String(item.priority) }];
    }),
  );
  return {
    // A copy: pdfmake replaces the widths it is given by its own measures.
    table: { headerRows: 1, keepWithHeaderRows: 1, dontBreakRows: true, widths: [...WIDTHS], body: [header, ...body] },
    layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5, hLineColor: () => '#999999', vLineColor: () => '#999999', paddingLeft: () => 4, paddingRight: () => 4 },
    style: 'table',
  };
}

interface PageNode {
  id?: string;
  headlineLevel?: number;
  startPosition: { pageNumber: number; verticalRatio: number };
}

/**
 * pdfmake asks this of every node once its place is known. Table rows report their page.
 * A heading moves to the next page only when nothing of what follows it would share
 * its page (as Word's "keep with next"); the page header and footer lie outside the
 * text area and do not count.
 */
function pageBreakBefore(layout: PdfLayout) {
  return (node: PageNode, nodes: { getFollowingNodesOnPage(): PageNode[] }) => {
    if (node.id?.startsWith(ROW_ID)) layout.onRowPage?.(node.id.slice(ROW_ID.length), node.startPosition.pageNumber);
    if (node.headlineLevel === undefined) return false;
    const inText = (n: PageNode) => n.startPosition.verticalRatio >= 0 && n.startPosition.verticalRatio < 1;
    return !nodes.getFollowingNodesOnPage().some(inText);
  };
}

function comments(view: ExportView): object[] {
  if (view.comments.length === 0) return [];
  return [
    { text: 'Kommentarer', style: 'h1', pageBreak: 'before' },
    ...view.comments.flatMap((entry) => [
      { text: pdfText(`${entry.direction}: ${entry.activity || entry.how.split('\n')[0]}`), style: 'h3' },
      ...entry.threads.flatMap((thread) => [
        ...(thread.resolved ? [{ text: 'Löst tråd', italics: true, style: 'body' }] : []),
        ...thread.comments.map((c) => ({ text: [...pdfText(`${c.author}, ${swedishDateTime(c.at)}: `, { bold: true }), ...pdfText(c.text)], style: 'body', margin: [18, 0, 0, 6] })),
      ]),
    ]),
  ];
}

export function pdfDefinition(view: ExportView, layout: PdfLayout = { continued: new Set() }): object {
  const cover = [
    { text: pdfText(view.organisation), bold: true, fontSize: 14, alignment: 'center', margin: [0, 120, 0, 12] },
    { text: pdfText(view.title), style: 'title' },
    { text: pdfText(view.version), fontSize: 12, alignment: 'center', margin: [0, 0, 0, 24] },
    { text: pdfRuns(view.preamble, { bold: true }), alignment: 'center', style: 'body' },
  ];
  const tables = view.directions.flatMap((d) => [{ text: pdfText(d.title), style: 'h2', headlineLevel: 2 }, table(d, layout)]);
  return {
    pageSize: 'A4',
    pageMargins: [MARGIN, MARGIN, MARGIN, MARGIN],
    language: 'sv-SE',
    displayTitle: true,
    info: { title: view.title, author: view.organisation, subject: actionPlanTitle(view.year), creator: 'Planbord' },
    header: () => ({
      columns: [{ text: pdfText(view.organisation) }, { text: pdfText(view.dateLine), alignment: 'right' }],
      margin: [MARGIN, 28, MARGIN, 0],
      fontSize: 9,
      color: GREY,
    }),
    footer: (page: number, pages: number) => ({ text: `Sida ${page} av ${pages}`, alignment: 'center', fontSize: 9, color: GREY, margin: [0, 20, 0, 0] }),
    pageBreakBefore: pageBreakBefore(layout),
    content: [...cover, ...blocks(sectionBlocks(STRATEGY_TITLE, view.strategy), true), ...blocks(sectionBlocks(actionPlanTitle(view.year), view.focus), true), ...tables, ...comments(view), ...pdfRounds(view.rounds)],
    defaultStyle: { font: 'Roboto', fontSize: 10.5, lineHeight: 1.15 },
    styles: {
      title: { fontSize: 24, bold: true, color: GREEN, alignment: 'center', margin: [0, 0, 0, 12] },
      h1: { fontSize: 16, bold: true, color: GREEN, margin: [0, 16, 0, 8] },
      h2: { fontSize: 13, bold: true, color: GREEN, margin: [0, 14, 0, 6] },
      h3: { fontSize: 11.5, bold: true, margin: [0, 10, 0, 4] },
      h4: { fontSize: 11, bold: true, italics: true, margin: [0, 8, 0, 3] },
      body: { margin: [0, 0, 0, 6] },
      table: { fontSize: 9, lineHeight: 1.1, margin: [0, 0, 0, 10] },
    },
  };
}
