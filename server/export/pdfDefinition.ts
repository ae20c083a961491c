import type { ExportDirection, ExportView } from '../../shared/export/buildExportView';
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

function table(direction: ExportDirection): object {
  const header = TABLE_COLUMNS.map((title) => ({ text: title, bold: true, fillColor: '#D9EAD3' }));
  const body = direction.groups.flatMap((group) =>
    group.rows.map((row, i) => {
      const { item } = row;
      const status = row.statusNote
        ? { stack: [{ text: pdfText(row.statusLabel) }, { text: pdfText(row.statusNote), italics: true, fontSize: 7.5, color: '#444444' }] }
        : { text: pdfText(row.statusLabel) };
      const vad = i === 0 ? { text: pdfText(group.activity), rowSpan: group.rows.length } : {};
      return [vad, { text: pdfText(item.how) }, { text: pdfText(item.who.join(', ')) }, { text: pdfText(item.when) }, status, { text: item.priority === null ? '' : String(item.priority) }];
    }),
  );
  return {
    table: { headerRows: 1, dontBreakRows: true, widths: COLUMN_WIDTHS.map((w) => w / 20 - 8.5), body: [header, ...body] },
    layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5, hLineColor: () => '#999999', vLineColor: () => '#999999', paddingLeft: () => 4, paddingRight: () => 4 },
    style: 'table',
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

export function pdfDefinition(view: ExportView): object {
  const cover = [
    { text: pdfText(view.organisation), bold: true, fontSize: 14, alignment: 'center', margin: [0, 120, 0, 12] },
    { text: pdfText(view.title), style: 'title' },
    { text: pdfText(view.version), fontSize: 12, alignment: 'center', margin: [0, 0, 0, 24] },
    { text: pdfRuns(view.preamble, { bold: true }), alignment: 'center', style: 'body' },
  ];
  const tables = view.directions.flatMap((d) => [{ text: pdfText(d.title), style: 'h2', headlineLevel: 2 }, table(d)]);
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
    // A heading never ends a page: it moves to the next page with what follows it.
    pageBreakBefore: (node: { headlineLevel?: number; startPosition: { verticalRatio: number } }) =>
      node.headlineLevel !== undefined && node.startPosition.verticalRatio > 0.85,
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
