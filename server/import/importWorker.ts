import { parentPort, workerData } from 'node:worker_threads';
import { ImportError } from '../../shared/import/ImportError';
import { readPlanFile } from './readPlanFile';

// Reads one plan file off the server's event loop (see readPlanFileInWorker.ts).
readPlanFile(workerData.bytes as Uint8Array).then(
  (result) => parentPort!.postMessage({ result }),
  (err: Error) =>
    parentPort!.postMessage(
      err instanceof ImportError
        ? { refused: { code: err.code, where: err.where, detail: err.detail, params: err.params } }
        : { error: { message: err.message, stack: err.stack } },
    ),
);
