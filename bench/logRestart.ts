import Database from 'better-sqlite3';
import { openDatabase } from '../server/store/openDatabase';
import { tempDir } from '../tests/helpers/tempDir';

// What the first commit after a complete checkpoint costs the server: that commit starts
// the write-ahead log afresh and syncs its new header to disk (synchronous=NORMAL). Timed
// as SQLite leaves it, and with the checkpointing connection making that commit itself
// (the user_version written back unchanged), as server/store/checkpointWorker.mjs does.
// A change here is the fan-out cells' row with its two audit lines, in one transaction.
// Usage: node --import tsx bench/logRestart.ts [rounds=200]

const rounds = Number(process.argv[2] ?? 200);
const dir = tempDir('planbord-restart-');
const server = openDatabase(dir.path);
const checkpointer = new Database(server.name);
checkpointer.pragma('busy_timeout = 0');
server.pragma('wal_autocheckpoint = 0');

const update = Buffer.alloc(60, 7);
const insertRow = server.prepare('INSERT INTO doc_updates (doc_name, "update", user_id, created_at) VALUES (?, ?, ?, ?)');
const insertLines = server.prepare(
  'INSERT INTO plan_changes (plan_id, item_id, field, change, user_id, at) VALUES (?, ?, ?, ?, ?, ?), (?, ?, ?, ?, ?, ?)',
);
const change = server.transaction((n: number) => {
  const at = Date.now();
  insertRow.run('plan:bench', update, 'u1', at);
  insertLines.run(
    ...['bench', `item-${n % 120}`, 'status', '{"field":"status","from":"Pågår","to":"Klar"}', 'u1', at],
    ...['bench', `item-${n % 120}`, 'statusNote', '{"field":"statusNote","to":"bm:1:2:3"}', 'u1', at],
  );
});
const userVersion = checkpointer.prepare('PRAGMA user_version').pluck();

function timedChange(n: number): number {
  const t0 = performance.now();
  change.immediate(n);
  return (performance.now() - t0) * 1000;
}

function percentile(sorted: number[], p: number): string {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))].toFixed(0);
}

let n = 0;
for (let i = 0; i < 200; i++) change.immediate(n++);
for (let round = 1; round <= 2; round++) {
  for (const restartHere of [false, true]) {
    const first: number[] = [];
    const next: number[] = [];
    for (let i = 0; i < rounds; i++) {
      for (let k = 0; k < 5; k++) change.immediate(n++);
      checkpointer.pragma('wal_checkpoint(PASSIVE)');
      if (restartHere) {
        checkpointer.exec('BEGIN IMMEDIATE');
        checkpointer.exec(`PRAGMA user_version = ${Number(userVersion.get())}`);
        checkpointer.exec('COMMIT');
      }
      first.push(timedChange(n++));
      next.push(timedChange(n++));
    }
    first.sort((a, b) => a - b);
    next.sort((a, b) => a - b);
    const how = restartHere ? 'the checkpointing connection restarts the log' : "the server's commit restarts the log";
    console.log(
      `${how.padEnd(48)} first change after the checkpoint: median ${percentile(first, 0.5)} µs, p90 ${percentile(first, 0.9)} µs; the one after it: median ${percentile(next, 0.5)} µs`,
    );
  }
}
checkpointer.close();
server.close();
dir.remove();
