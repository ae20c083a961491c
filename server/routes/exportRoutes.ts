import { Hono, type Context } from 'hono';
import { onAuthError } from '../auth/authErrorResponse';
import { requireCapability, type AuthEnv } from '../auth/sessionMiddleware';
import { ExportError } from '../../shared/export/ExportError';
import { wantsRounds } from '../../shared/export/exportRounds';
import { parseExportRequest } from '../../shared/export/parseExportRequest';
import type { ExportSources } from '../export/ExportSources';
import { loadExport } from '../export/loadExport';
import { renderExportInWorker } from '../export/renderExportInWorker';

// Export of a plan or one of its snapshots, mounted at /api:
//   GET /api/plans/:planId/export?format=docx|pdf|md|txt|csv|json
//       &directions=0&directions=Pådrivare…  (0-based index or title; default all)
//       &statusNotes=1|0  &comments=none|open|resolved|all  &rounds=none|closed|all  &snapshot=ID
// Answers the file as an attachment named like "Verksamhetsplan-2025.docx", or
// `{ error: { code, message } }`. Only roles with the export capability may export.

function onError(err: Error, c: Context): Response {
  if (err instanceof ExportError) return c.json({ error: { code: err.code, message: err.message } }, err.status);
  return onAuthError(err, c);
}

/** RFC 6266: an ASCII fallback and the UTF-8 name, so "Handlingsplan-för-…" survives every browser. */
export function attachment(fileName: string): string {
  const ascii = fileName.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function exportRoutes(sources: ExportSources, now: () => Date = () => new Date()) {
  const app = new Hono<AuthEnv>();
  app.onError(onError);

  app.get('/plans/:planId/export', requireCapability('export'), async (c) => {
    const query = c.req.queries();
    const { format, options } = parseExportRequest(query);
    const { source, meta } = await loadExport(sources, c.req.param('planId'), c.req.query('snapshot'), now, wantsRounds(options));
    const file = await renderExportInWorker(format, source, options, meta);
    return c.body(file.body as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': file.contentType,
      'Content-Disposition': attachment(file.fileName),
      'Content-Length': String(file.body.byteLength),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
  });

  return app;
}
