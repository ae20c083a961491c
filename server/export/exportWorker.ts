import { parentPort, workerData } from 'node:worker_threads';
import { renderExport } from './renderExport';

// Runs one export off the server's event loop (see renderExportInWorker.ts).
const { format, source, options, meta } = workerData;
renderExport(format, source, options, meta).then(
  (file) => parentPort!.postMessage({ file }, [file.body.buffer as ArrayBuffer]),
  (err: Error) => parentPort!.postMessage({ error: { message: err.message, stack: err.stack } }),
);
