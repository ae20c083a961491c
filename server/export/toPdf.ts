import { buildExportView } from '../../shared/export/buildExportView';
import type { ExportMeta, ExportOptions, ExportSource } from '../../shared/export/types';
import { pdfDefinition } from './pdfDefinition';
import { printPdf } from './pdfPrinter';

/** The export as a PDF with the same content and layout as the Word file. */
export function toPdf(source: ExportSource, options: ExportOptions, meta: ExportMeta): Promise<Buffer> {
  return printPdf(pdfDefinition(buildExportView(source, options, meta)));
}
