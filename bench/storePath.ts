import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { recordPlanChanges } from '../server/audit/recordPlanChanges';
import { createMemoryLogger } from '../server/logger';
import { openStore } from '../server/store/openStore';
import { checkpointOnTimer } from '../server/store/walCheckpoints';
import { SharedDoc } from '../server/sync/SharedDoc';
import { updateItem } from '../shared/plan/itemOps';
import { quietConnection } from '../tests/helpers/quietConnection';
import { STATUSES, type Priority } from '../shared/plan/types';
import { syntheticPlanState } from './fixtures/syntheticPlan';
import { marker } from './load/marker';
import { itemIds } from './load/Writer';

// The storing path alone, in one process without sockets: the throughput cell's changes
// (8 writers, a status or a priority with the status note, each on a card of its own)
// handed to a real SharedDoc on a real SQLite file with the audit trail, `batch` of them
// per turn of the event loop, and the CPU that took per stored update. Far steadier
// than the websocket cells on a shared machine; it leaves out receiving and sending.
// Usage: node --import tsx bench/storePath.ts [updates=20000] [batch=32] [compactThreshold=500]

const updates = Number(process.argv[2] ?? 20_000);
const batch = Number(process.argv[3] ?? 32);
const WRITERS = 8;
// Rows past which the document is compacted, as the server's default (COMPACT_THRESHOLD).
const compactThreshold = Number(process.argv[4] ?? 500);

const plan = syntheticPlanState(120);
const ids = itemIds(plan);
const changes: Array<{ update: Uint8Array; writer: number }> = [];
const copies = Array.from({ length: WRITERS }, () => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, plan);
  return doc;
});
for (let seq = 0; changes.length < updates; seq++) {
  for (let w = 0; w < WRITERS; w++) {
    let update: Uint8Array | null = null;
    const keep = (u: Uint8Array) => (update = u);
    copies[w].on('update', keep);
    const statusNote = marker(w, seq, 0);
    if (seq % 2 === 0) updateItem(copies[w], ids[w], { status: STATUSES[(seq / 2) % STATUSES.length], statusNote });
    else updateItem(copies[w], ids[w], { priority: (1 + (((seq - 1) / 2) % 3)) as Priority, statusNote });
    copies[w].off('update', keep);
    changes.push({ update: update!, writer: w });
  }
}

const dir = mkdtempSync(join(tmpdir(), 'planbord-store-path-'));
const store = openStore(dir);
const logger = createMemoryLogger();
const stopCheckpoints = checkpointOnTimer(store.db, logger);
await store.plans.create({ id: 'bench', title: 'Benchmark', year: 2025 });
store.docs.append('plan/bench', plan, null);
const doc = new SharedDoc('plan/bench', { docs: store.docs, logger, compactThreshold, onUnload: () => {} });
recordPlanChanges(doc, 'bench', store.audit, logger);
const connections = Array.from({ length: WRITERS + 1 }, (_, i) => quietConnection(`person-${i}`));
connections.forEach((c) => doc.connections.add(c));

const cpu = process.cpuUsage();
const started = performance.now();
let next = 0;
await new Promise<void>((done) => {
  const turn = () => {
    for (const end = Math.min(next + batch, changes.length); next < end; next++) {
      doc.receiveUpdate(changes[next].update, connections[changes[next].writer], null);
    }
    setImmediate(next < changes.length ? turn : done);
  };
  turn();
});
const used = process.cpuUsage(cpu);
const seconds = (performance.now() - started) / 1000;
const lines = (store.db.prepare('SELECT count(*) AS n FROM plan_changes').get() as { n: number }).n;
console.log(
  `${changes.length} updates, ${batch} a turn: ${((used.user + used.system) / changes.length).toFixed(1)} µs CPU per stored update, ` +
    `${(changes.length / seconds).toFixed(0)} a second, ${lines} audit lines`,
);
doc.destroy();
await stopCheckpoints();
await store.close();
rmSync(dir, { recursive: true, force: true });
