import { Worker } from 'node:worker_threads';
import { selectDirectionIndexes } from '../../shared/export/buildExportView';
import type { ExportFormat, ExportMeta, ExportOptions, ExportSource } from '../../shared/export/types';
import { renderExport, type RenderedExport } from './renderExport';

// Laying out a Word or PDF document is seconds of synchronous work for a large plan
// (a PDF of 1,000 actions takes about ten). On the server's event loop that would
// freeze every live board for as long, so those two formats are made in a worker
// thread. The text formats take milliseconds and stay where they are.

const HEAVY: ReadonlySet<ExportFormat> = new Set(['docx', 'pdf']);

/**
 * The worker runs TypeScript as the server does, through tsx. Node 20 does not apply
 * `--import` hooks to a worker's first module, so a small script registers tsx and
 * then imports the worker module.
 */
const tsxApi = import.meta.resolve('tsx/esm/api');
const workerModule = new URL('./exportWorker.ts', import.meta.url).href;
const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(workerModule)}); });`;

export async function renderExportInWorker(format: ExportFormat, source: ExportSource, options: ExportOptions, meta: ExportMeta): Promise<RenderedExport> {
  if (!HEAVY.has(format)) return renderExport(format, source, options, meta);
  // Refusals (an unknown direction) are thrown here, typed, rather than from the worker.
  selectDirectionIndexes(source.document.plan.directions.map((d) => d.title), options.directions);
  return new Promise((resolve, reject) => {
    const worker = new Worker(bootstrap, { eval: true, workerData: { format, source, options, meta } });
    worker.once('message', (message: { file?: RenderedExport; error?: { message: string; stack?: string } }) => {
      if (message.file) resolve({ ...message.file, body: new Uint8Array(message.file.body) });
      else reject(Object.assign(new Error(`export failed: ${message.error?.message}`), { stack: message.error?.stack }));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`the export worker stopped with code ${code}`)));
  });
}
