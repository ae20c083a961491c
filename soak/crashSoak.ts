import { parseArgs } from 'node:util';
import * as prng from 'lib0/prng';
import * as Y from 'yjs';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../shared/auth/csrfHeader';
import { openStore } from '../server/store/openStore';
import { connectEditors, converged, editContinuously, updatesMissingFrom } from '../tests/helpers/editingClients';
import { runServer } from '../tests/helpers/runServer';
import { signInFirstAdmin } from '../tests/helpers/signInFirstAdmin';
import { storedDoc } from '../tests/helpers/storedDoc';
import { waitFor } from '../tests/helpers/waitFor';

// The crash test of `npm test` (tests/unit/crashKill.test.ts), in a loop: three people
// edit one plan while snapshots are saved and compaction runs after every few changes;
// the server process is killed with SIGKILL after a random while, the database file is
// checked as the next start would find it, and the server is started again on it. The
// three reconnect by themselves. Every round checks that whatever anyone had received
// from the server is stored, that the file is intact, that every confirmed snapshot is
// there and whole, and that all three converge with the restarted server.
// Not part of `npm test`; only 127.0.0.1, bounded in rounds and minutes.
//
//   node --import tsx soak/crashSoak.ts [--rounds 50] [--minutes 30] [--compact-threshold 3] [--seed 1]

const { values } = parseArgs({
  options: { rounds: { type: 'string' }, minutes: { type: 'string' }, 'compact-threshold': { type: 'string' }, seed: { type: 'string' } },
});
const ROUNDS = Math.min(1000, Number(values.rounds ?? 50));
const DEADLINE = Date.now() + Math.min(240, Number(values.minutes ?? 30)) * 60_000;
const gen = prng.create(Number(values.seed ?? 1));
const log = (line: string) => console.error(`${new Date().toISOString().slice(11, 19)} ${line}`);

const server = await runServer({ CLIENT_BUILD: 'skip', COMPACT_THRESHOLD: values['compact-threshold'] ?? '3' });
const headers = await signInFirstAdmin(server.url, server.output());
const wsUrl = `ws://127.0.0.1:${server.port}/ws`;
const clients = await connectEditors(wsUrl, headers);
const failures: string[] = [];

/** Saves snapshots one after the other while `running()`; returns the ids the server confirmed. */
async function saveSnapshots(running: () => boolean, confirmed: number[]): Promise<void> {
  while (running()) {
    try {
      const res = await fetch(`${server.url}/api/plans/2025/snapshots`, {
        method: 'POST',
        headers: { ...headers, [CSRF_HEADER]: CSRF_HEADER_VALUE, 'content-type': 'application/json' },
        body: JSON.stringify({ note: `Runda ${confirmed.length}` }),
      });
      if (res.status === 201) confirmed.push((await res.json()).id);
    } catch {
      return; // killed mid-request: not confirmed
    }
  }
}

/** What the database file holds after the kill, checked as the next start opens it. */
async function check(round: number, received: Uint8Array[], confirmed: number[]): Promise<void> {
  const store = openStore(server.dataDir);
  try {
    const fail = (what: string) => failures.push(`round ${round}: ${what}`);
    const integrity = store.db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') fail(`integrity check: ${integrity}`);
    const missing = updatesMissingFrom(storedDoc(store), received);
    if (missing.length) fail(`${missing.length} received updates are not stored`);
    const { meetings } = store;
    const snapshots = await meetings.snapshots('2025');
    const stored = new Set(snapshots.map((s) => s.id));
    for (const id of confirmed) if (!stored.has(id)) fail(`confirmed snapshot ${id} is missing`);
    for (const info of snapshots) {
      try {
        Y.applyUpdate(new Y.Doc(), (await meetings.content(info.id))!.planState);
        JSON.parse((await meetings.plainJson(info.id))!);
      } catch (err) {
        fail(`snapshot ${info.id} is damaged: ${(err as Error).message}`);
      }
    }
  } finally {
    await store.close();
  }
}

let round = 0;
for (; round < ROUNDS && Date.now() < DEADLINE; round++) {
  clients.forEach((c) => (c.received.length = 0));
  let running = true;
  const confirmed: number[] = [];
  const saving = saveSnapshots(() => running, confirmed);
  const editing = editContinuously(clients, prng.uint32(gen, 0, 2 ** 31));
  await new Promise((r) => setTimeout(r, prng.int32(gen, 300, 3000)));
  await server.stop('SIGKILL');
  const received = clients.flatMap((c) => [...c.received]);
  running = false;
  await saving;
  await check(round, received, confirmed);
  await waitFor(() => clients.every((c) => !c.provider.wsconnected), { what: 'the clients to notice' });
  editing.stop();
  await server.restart();
  try {
    await waitFor(() => clients.every((c) => c.provider.synced) && converged(clients), { what: 'convergence', timeoutMs: 30_000 });
  } catch (err) {
    failures.push(`round ${round}: ${(err as Error).message}`);
  }
  log(`round ${round}: killed after ${received.length} received updates, ${confirmed.length} snapshots; ${failures.length} failures so far`);
}

clients.forEach((c) => c.destroy());
await server.dispose();
console.log(failures.length ? failures.join('\n') : `${round} rounds, no failures`);
process.exit(failures.length ? 1 : 0);
