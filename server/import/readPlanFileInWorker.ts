import { Worker } from 'node:worker_threads';
import { ImportError } from '../../shared/import/ImportError';
import type { ImportResult } from '../../shared/import/ImportResult';
import { MAX_IMPORT_BYTES, readPlanFile } from './readPlanFile';

// Reading a large Word file is a few hundred milliseconds of synchronous parsing; on the
// server's event loop that would stall every live board for as long, so files past a
// small size are read in a worker thread, as Word and PDF exports are made. Small
// files take a few milliseconds, less than a worker takes to start.

const IN_PLACE_BYTES = 128 * 1024;

const tsxApi = import.meta.resolve('tsx/esm/api');
const workerModule = new URL('./importWorker.ts', import.meta.url).href;
const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(workerModule)}); });`;

type Message = { result?: ImportResult; refused?: Pick<ImportError, 'code' | 'where' | 'detail' | 'params'>; error?: { message: string; stack?: string } };

export async function readPlanFileInWorker(bytes: Uint8Array): Promise<ImportResult> {
  if (bytes.length <= IN_PLACE_BYTES || bytes.length > MAX_IMPORT_BYTES) return readPlanFile(bytes);
  return new Promise((resolve, reject) => {
    const worker = new Worker(bootstrap, { eval: true, workerData: { bytes } });
    worker.once('message', (message: Message) => {
      if (message.result) resolve(message.result);
      else if (message.refused) reject(new ImportError(message.refused.code, message.refused.where, message.refused.detail, message.refused.params));
      else reject(Object.assign(new Error(`reading the file failed: ${message.error?.message}`), { stack: message.error?.stack }));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`the import worker stopped with code ${code}`)));
  });
}
