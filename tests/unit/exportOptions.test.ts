import { describe, expect, it } from 'vitest';
import { fileNameFromDisposition, exportUrl } from '../../client/export/fetchExport';
import { exportFileName } from '../../shared/export/exportFileName';
import { parseExportRequest } from '../../shared/export/parseExportRequest';
import { attachment } from '../../server/routes/exportRoutes';

describe('reading an export request', () => {
  it('takes index lists, titles with commas and the switches', () => {
    expect(parseExportRequest({ format: ['pdf'], directions: ['0,2', 'Kunskap, arena'], statusNotes: ['0'], comments: ['resolved'] })).toEqual({
      format: 'pdf',
      options: { directions: [0, 2, 'Kunskap, arena'], statusNotes: false, comments: 'resolved' },
    });
    expect(parseExportRequest({ format: ['md'] })).toEqual({ format: 'md', options: { statusNotes: true, comments: 'none' } });
  });

  it('refuses what it does not know, naming it', () => {
    expect(() => parseExportRequest({})).toThrow('format must be one of docx, pdf, md, txt, csv, json');
    expect(() => parseExportRequest({ format: ['md'], statusNotes: ['ja'] })).toThrow('statusNotes must be 1 or 0, not "ja"');
  });

  it('reads back what the dialog asks for', () => {
    const url = new URL(exportUrl({ planId: '2025', format: 'csv', directions: [1, 2], statusNotes: false, comments: 'open', snapshotId: '7' }), 'http://x');
    expect(url.pathname).toBe('/api/plans/2025/export');
    const query = Object.fromEntries([...new Set(url.searchParams.keys())].map((k) => [k, url.searchParams.getAll(k)]));
    expect(parseExportRequest(query)).toEqual({ format: 'csv', options: { directions: [1, 2], statusNotes: false, comments: 'open' } });
    expect(query.snapshot).toEqual(['7']);
  });
});

describe('file names', () => {
  it('are the plan title in sentence case, with a snapshot’s date', () => {
    expect(exportFileName('Verksamhetsplan 2025', 'docx')).toBe('Verksamhetsplan-2025.docx');
    expect(exportFileName('VERKSAMHETSPLAN 2025', 'pdf')).toBe('Verksamhetsplan-2025.pdf');
    expect(exportFileName('Plan: för/år?', 'csv', { date: '2025-03-12T23:30:00Z', snapshotLabel: 'x' })).toBe('Plan-förår-2025-03-13.csv');
  });

  it('survive the Content-Disposition header with Swedish letters', () => {
    const header = attachment('Handlingsplan-för-2026.docx');
    expect(header).toBe(`attachment; filename="Handlingsplan-for-2026.docx"; filename*=UTF-8''Handlingsplan-f%C3%B6r-2026.docx`);
    expect(fileNameFromDisposition(header, 'x')).toBe('Handlingsplan-för-2026.docx');
    expect(fileNameFromDisposition('attachment; filename="a.pdf"', 'x')).toBe('a.pdf');
    expect(fileNameFromDisposition(null, 'plan.pdf')).toBe('plan.pdf');
  });
});
