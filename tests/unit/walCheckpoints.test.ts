import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../server/logger';
import { openDatabase } from '../../server/store/openDatabase';
import { checkpointOnTimer } from '../../server/store/walCheckpoints';
import { tempDir } from '../helpers/tempDir';
import { waitFor } from '../helpers/waitFor';

// The log's header counts the times the log was started afresh (bytes 12–15, "checkpoint
// sequence number"). Starting it afresh is the commit that syncs the header to disk.
function restarts(db: { name: string }): number {
  return readFileSync(`${db.name}-wal`).readUInt32BE(12);
}

describe('checkpoints of the write-ahead log', () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  /** A database with a table to write to, and the server's checkpoints every 20 ms once `checkpoint` is called. */
  function database() {
    const dir = tempDir('planbord-wal-');
    cleanups.push(dir.remove);
    const db = openDatabase(dir.path);
    cleanups.push(() => db.close());
    db.exec('CREATE TABLE changes_here (n INTEGER)');
    const checkpoint = () => cleanups.push(checkpointOnTimer(db, createMemoryLogger(), 20));
    return { db, write: db.prepare('INSERT INTO changes_here (n) VALUES (?)'), checkpoint };
  }

  it("start the log afresh on their own thread, never in the server's next commit", async () => {
    const { db, write, checkpoint } = database();
    write.run(1);
    const before = restarts(db);

    checkpoint();
    // The server writes nothing meanwhile: the checkpoint thread restarted the log itself.
    await waitFor(() => restarts(db) > before, { what: 'the checkpoint thread to start the log afresh' });
    const restarted = restarts(db);

    // The server's commits go on in the log the thread started.
    write.run(2);
    write.run(3);
    expect(restarts(db)).toBe(restarted);
    // Checkpointed, the log is started afresh by the thread again.
    await waitFor(() => restarts(db) > restarted, { what: 'the next restart' });
    const again = restarts(db);
    write.run(4);
    expect(restarts(db)).toBe(again);
    expect(db.prepare('SELECT count(*) FROM changes_here').pluck().get()).toBe(4);
  });

  it('leave a log that holds only their own restart as it is', async () => {
    const { db, write, checkpoint } = database();
    const before = restarts(db);
    checkpoint();
    await waitFor(() => restarts(db) > before, { what: 'the checkpoint thread to start the log afresh' });
    const restarted = restarts(db);

    // Twenty-five rounds with nothing written: no restart after restart, each a write of its own.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(restarts(db)).toBe(restarted);
    // Nor does the server's next commit restart it: the thread's page is still in the log.
    write.run(1);
    expect(restarts(db)).toBe(restarted);
  });
});
