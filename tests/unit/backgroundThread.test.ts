import { readdirSync, readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../server/logger';
import { openDatabase } from '../../server/store/openDatabase';
import { RowMerger } from '../../server/store/RowMerger';
import { checkpointOnTimer } from '../../server/store/walCheckpoints';
import { tempDir } from '../helpers/tempDir';
import { waitFor } from '../helpers/waitFor';

/** Every thread of this process and its nice value (Linux: /proc/self/task/<tid>/stat, field 19). */
function threadNices(): Map<string, number> {
  const nices = new Map<string, number>();
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      // The fields after the command name, which may hold spaces, start with the state (field 3).
      nices.set(tid, Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]));
    } catch {
      // The thread ended meanwhile.
    }
  }
  return nices;
}

/** Threads started since `before` that run `steps` below this thread. */
function newThreadsBelow(before: Map<string, number>, steps: number): number {
  const own = getPriority();
  return [...threadNices()].filter(([tid, nice]) => !before.has(tid) && nice === Math.min(19, own + steps)).length;
}

describe.runIf(process.platform === 'linux')('background threads yield the core to the server thread', () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('lowers only the worker thread that asks, ten steps below its starter', async () => {
    const own = getPriority();
    const module = new URL('../../server/backgroundThread.mjs', import.meta.url).href;
    const worker = new Worker(
      `import(${JSON.stringify(module)}).then(({ runBelowServerThread }) => {
         const { getPriority } = require('node:os');
         const before = getPriority();
         runBelowServerThread();
         require('node:worker_threads').parentPort.postMessage({ before, after: getPriority() });
       });`,
      { eval: true },
    );
    cleanups.push(() => worker.terminate());
    const seen = await new Promise<{ before: number; after: number }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    expect(seen.before).toBe(own);
    expect(seen.after).toBe(Math.min(19, own + 10));
    // The server's thread keeps its priority.
    expect(getPriority()).toBe(own);
  });

  it('runs the checkpoints and the merges of stored rows below the server thread', async () => {
    const dir = tempDir('planbord-background-');
    cleanups.push(dir.remove);
    const db = openDatabase(dir.path);
    cleanups.push(() => db.close());
    const own = getPriority();
    const before = threadNices();

    const stopCheckpoints = checkpointOnTimer(db, createMemoryLogger(), 50);
    cleanups.push(stopCheckpoints);
    await waitFor(() => newThreadsBelow(before, 10) === 1, { what: 'the checkpoint thread lowered itself' });

    const merger = new RowMerger(db.name);
    cleanups.push(() => merger.close());
    const merged = await merger.merge('plan:none', 0);
    expect(merged.rowCount).toBe(0);
    await waitFor(() => newThreadsBelow(before, 10) === 2, { what: 'the merging thread lowered itself' });
    expect(getPriority()).toBe(own);
  });
});
