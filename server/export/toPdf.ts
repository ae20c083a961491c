import { buildExportView, type ExportView } from '../../shared/export/buildExportView';
import type { ExportMeta, ExportOptions, ExportSource } from '../../shared/export/types';
import { pdfDefinition } from './pdfDefinition';
import { fitToColumn } from './fitToColumn';
import { printPdf } from './pdfPrinter';

// Which rows of an activity start a new page is known only once pdfmake has laid the
// document out, and naming the activity again on such a row can move what follows it.
// So the PDF is laid out again until the rows that start pages are the ones that say
// so; repeating a name only moves later rows, so each pass settles at least one more.
// Most plans need one pass, or two.
const MAX_PASSES = 5;

/** Rows after the first of their activity that are laid out on a later page than the row above. */
function rowsStartingPages(view: ExportView, pages: Map<string, number>): Set<string> {
  const out = new Set<string>();
  for (const group of view.directions.flatMap((d) => d.groups)) {
    group.rows.forEach((row, i) => {
      if (i > 0 && pages.get(row.key) !== pages.get(group.rows[i - 1].key)) out.add(row.key);
    });
  }
  return out;
}

const sameSet = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((k) => b.has(k));

/** The export as a PDF with the same content and layout as the Word file. */
export async function toPdf(source: ExportSource, options: ExportOptions, meta: ExportMeta): Promise<Buffer> {
  const view = buildExportView(source, options, meta);
  let continued = new Set<string>();
  for (let pass = 1; ; pass++) {
    const pages = new Map<string, number>();
    const pdf = await printPdf(pdfDefinition(view, { continued, fit: fitToColumn, onRowPage: (key, page) => pages.set(key, page) }));
    const starting = rowsStartingPages(view, pages);
    if (sameSet(starting, continued) || pass === MAX_PASSES) return pdf;
    continued = starting;
  }
}
