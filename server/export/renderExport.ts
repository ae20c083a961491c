import { exportFileName } from '../../shared/export/exportFileName';
import { toCsv } from '../../shared/export/toCsv';
import { toJson } from '../../shared/export/toJson';
import { toMarkdown } from '../../shared/export/toMarkdown';
import { selectDirectionIndexes } from '../../shared/export/buildExportView';
import { statusLabel } from '../../shared/export/statusLabel';
import { toPlanText } from '../../shared/export/toPlanText';
import type { ExportFormat, ExportMeta, ExportOptions, ExportSource } from '../../shared/export/types';
import { toDocx } from './toDocx';
import { toPdf } from './toPdf';

export interface RenderedExport {
  body: Uint8Array;
  contentType: string;
  fileName: string;
}

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  md: 'text/markdown; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/** The text format the importer reads, limited to the chosen directions. */
function planText(source: ExportSource, options: ExportOptions): string {
  const { plan } = source.document;
  const keep = new Set(selectDirectionIndexes(plan.directions.map((d) => d.title), options.directions));
  const directions = plan.directions
    .filter((_, i) => keep.has(i))
    // Without notes the status column carries the category's name, which imports back to the same status.
    .map((d) => (options.statusNotes ? d : { ...d, items: d.items.map((item) => ({ ...item, statusNote: statusLabel(item.status) })) }));
  return toPlanText({ ...source.document, plan: { ...plan, directions } });
}

async function render(format: ExportFormat, source: ExportSource, options: ExportOptions, meta: ExportMeta): Promise<Uint8Array | string> {
  switch (format) {
    case 'docx':
      return toDocx(source, options, meta);
    case 'pdf':
      return toPdf(source, options, meta);
    case 'md':
      return toMarkdown(source, options, meta);
    case 'txt':
      return planText(source, options);
    case 'csv':
      return toCsv(source, options, meta);
    case 'json':
      return toJson(source, options, meta);
  }
}

/** One export in one format, with the file name and content type to send it under. */
export async function renderExport(format: ExportFormat, source: ExportSource, options: ExportOptions, meta: ExportMeta): Promise<RenderedExport> {
  const body = await render(format, source, options, meta);
  return {
    body: typeof body === 'string' ? new TextEncoder().encode(body) : body,
    contentType: CONTENT_TYPES[format],
    fileName: exportFileName(source.document.plan.title, format, meta),
  };
}
