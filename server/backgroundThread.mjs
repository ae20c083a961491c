// Work on a worker thread (merging a document's stored rows, checkpointing the database
// log) can wait; the server's own thread, which stores and sends the live changes,
// should not. On one core, a merge of a few tens of milliseconds running beside it made
// the slowest changes of a busy board wait for it (bench/README.md, "Background
// threads"). Plain JavaScript, so that workers started without the TypeScript loader can
// use it.
import { getPriority, setPriority } from 'node:os';

/** Steps of the nice value between the server's thread and its background threads. */
const STEPS_BELOW = 10;

/**
 * Lowers the calling worker thread's scheduling priority below that of the thread that
 * started it, so the scheduler runs the server's thread first whenever both want the
 * same core, and the background work uses what is left. Linux keeps a nice value per
 * thread (0 names the calling thread); elsewhere it would lower the whole process, so
 * it is done on Linux only.
 */
export function runBelowServerThread() {
  if (process.platform !== 'linux') return;
  try {
    setPriority(Math.min(19, getPriority() + STEPS_BELOW));
  } catch {
    // A nice value that may not be changed here leaves the thread as it was.
  }
}
