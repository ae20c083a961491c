import { isoDay } from './swedishDate';
import type { ExportFormat, ExportMeta } from './types';

const EXTENSIONS: Record<ExportFormat, string> = { docx: 'docx', pdf: 'pdf', md: 'md', txt: 'txt', csv: 'csv', json: 'json' };

/**
 * "Verksamhetsplan-2025.docx"; a snapshot's file carries its date. A title written in
 * capitals (as on the printed cover) is named in sentence case.
 */
export function exportFileName(title: string, format: ExportFormat, meta?: ExportMeta): string {
  const trimmed = title.trim() || 'Plan';
  const cased = trimmed === trimmed.toUpperCase() ? trimmed[0] + trimmed.slice(1).toLowerCase() : trimmed;
  const base = cased
    .normalize('NFC')
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '')
    .replace(/\s+/g, '-');
  const suffix = meta?.snapshotLabel ? `-${isoDay(meta.date)}` : '';
  return `${base}${suffix}.${EXTENSIONS[format]}`;
}
