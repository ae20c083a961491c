import { statSync } from 'node:fs';
import { join } from 'node:path';
import { DATABASE_FILE, openDatabase } from '../server/store/openDatabase';
import { tempDir } from '../tests/helpers/tempDir';

// What one lone change's commit costs in SQLite, on our real schema (the migrations, WAL,
// synchronous=NORMAL), against a bare row in a table without indexes: the time, the CPU
// (user and system) and the pages written to the WAL per commit. A commit writes every
// page it changed; each index and AUTOINCREMENT is one more page, and each page is a
// header and a page written with two system calls.
// Usage: node --import tsx bench/commitCost.ts [commits=5000]

const commits = Number(process.argv[2] ?? 5000);
const dir = tempDir('planbord-commit-');
const db = openDatabase(dir.path);
db.exec('CREATE TABLE bare (doc_name TEXT NOT NULL, "update" BLOB NOT NULL, user_id TEXT, created_at INTEGER NOT NULL)');

// A change of the fan-out cells: a status and its status note, about 60 bytes.
const update = Buffer.alloc(60, 7);
const insertBare = db.prepare('INSERT INTO bare (doc_name, "update", user_id, created_at) VALUES (?, ?, ?, ?)');
const insertRow = db.prepare('INSERT INTO doc_updates (doc_name, "update", user_id, created_at) VALUES (?, ?, ?, ?)');
const insertLines = db.prepare(
  'INSERT INTO plan_changes (plan_id, item_id, field, change, user_id, at) VALUES (?, ?, ?, ?, ?, ?), (?, ?, ?, ?, ?, ?)',
);
const begin = db.prepare('BEGIN IMMEDIATE');
const commit = db.prepare('COMMIT');

let n = 0;
const cases: Array<[string, () => void]> = [
  ['empty transaction', () => {}],
  ['a bare row (no index, no AUTOINCREMENT)', () => insertBare.run('plan:bench', update, 'u1', Date.now())],
  ['the change\'s row (doc_updates)', () => insertRow.run('plan:bench', update, 'u1', Date.now())],
  [
    'the row and its two audit lines (as stored)',
    () => {
      insertRow.run('plan:bench', update, 'u1', Date.now());
      const item = `item-${n++ % 120}`;
      const at = Date.now();
      insertLines.run(
        ...['bench', item, 'status', '{"field":"status","from":"Pågår","to":"Klar"}', 'u1', at],
        ...['bench', item, 'statusNote', '{"field":"statusNote","to":"bm:1:2:3"}', 'u1', at],
      );
    },
  ],
];

const walFile = join(dir.path, `${DATABASE_FILE}-wal`);
const walSize = () => statSync(walFile).size;

function transaction(write: () => void): void {
  begin.run();
  write();
  commit.run();
}

/** WAL frames per commit, counted with automatic checkpoints off so that the log only grows. */
function framesPerCommit(write: () => void, count = 200): number {
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('wal_autocheckpoint = 0');
  const before = walSize();
  for (let i = 0; i < count; i++) transaction(write);
  const frames = (walSize() - before) / (4096 + 24) / count;
  db.pragma('wal_autocheckpoint = 1000');
  db.pragma('wal_checkpoint(TRUNCATE)');
  return frames;
}

console.log(`${commits} commits each, one change per transaction`);
for (let round = 1; round <= 2; round++) {
  for (const [name, write] of cases) {
    for (let i = 0; i < 500; i++) transaction(write);
    const cpu = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < commits; i++) transaction(write);
    const wall = ((performance.now() - t0) * 1000) / commits;
    const { user, system } = process.cpuUsage(cpu);
    const frames = framesPerCommit(write);
    console.log(
      `${name.padEnd(46)} ${wall.toFixed(1).padStart(6)} µs, user ${(user / commits).toFixed(1)} µs, system ${(system / commits).toFixed(1)} µs, ${frames.toFixed(1)} pages`,
    );
  }
}
db.close();
dir.remove();
