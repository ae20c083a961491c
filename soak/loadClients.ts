import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as prng from 'lib0/prng';
import { jitterReconnects } from '../client/sync/jitterReconnects';
import { randomEdit, type EditingClient } from '../tests/helpers/editingClients';
import { connectClient } from '../tests/helpers/syncClient';
import { waitFor } from '../tests/helpers/waitFor';
import { planDigest } from './planDigest';

// One share of soak/load200.ts's browsers, in a process of its own so that playing
// 200 browsers does not become the bottleneck. Started by load200.ts with its settings
// as JSON in argv[2]; talks to it over the IPC channel:
//   → { type: 'ready' }                       all clients connected and synced
//   → { type: 'stats', ... }                  every five seconds
//   ← { type: 'stop' }                        stop editing
//   ← { type: 'verify', digest }              → { type: 'verified', matching, total }

export interface LoadClientSettings {
  wsUrl: string;
  headers: Record<string, string>;
  clients: number;
  first: number;
  seed: number;
  minIntervalMs: number;
  maxIntervalMs: number;
}

const settings = JSON.parse(process.argv[2]) as LoadClientSettings;
const send = (message: object) => process.send!(message);
// Each y-websocket provider in Node listens for the process's exit.
process.setMaxListeners(0);

const drops: number[] = [];
const clients: EditingClient[] = [];
for (let i = 0; i < settings.clients; i += 25) {
  const batch = await Promise.all(
    Array.from({ length: Math.min(25, settings.clients - i) }, async (_, j) => {
      const c = await connectClient(settings.wsUrl, 'plan/2025', { headers: settings.headers, beforeConnect: (p) => jitterReconnects(p) });
      c.provider.on('connection-close', (e) => drops.push(e?.code ?? 0));
      return Object.assign(c, { name: `Ledamot ${settings.first + i + j + 1}`, received: [], edits: 0 });
    }),
  );
  clients.push(...batch);
}

const gen = prng.create(settings.seed);
const lag = monitorEventLoopDelay({ resolution: 20 });
lag.enable();
let running = true;
const editLoop = (client: EditingClient) => {
  if (!running) return;
  // Cards change, the plan does not grow: what is measured is the server, not a bigger plan.
  randomEdit(client, gen, false);
  client.provider.awareness.setLocalStateField('cursor', { at: client.edits });
  setTimeout(() => editLoop(client), prng.int32(gen, settings.minIntervalMs, settings.maxIntervalMs));
};
send({ type: 'ready' });
clients.forEach((c) => setTimeout(() => editLoop(c), prng.int32(gen, 0, settings.maxIntervalMs)));

const stats = setInterval(() => {
  send({
    type: 'stats',
    edits: clients.reduce((n, c) => n + c.edits, 0),
    drops: drops.length,
    rssMiB: process.memoryUsage().rss / 1024 / 1024,
    lagP99Ms: lag.percentile(99) / 1e6,
  });
  lag.reset();
}, 5000);

process.on('message', async (message: { type: string; digest?: string }) => {
  if (message.type === 'stop') running = false;
  if (message.type === 'verify') {
    const matching = () => clients.filter((c) => planDigest(c.doc) === message.digest).length;
    await waitFor(() => matching() === clients.length, { timeoutMs: 60_000 }).catch(() => {});
    send({ type: 'verified', matching: matching(), total: clients.length, drops: drops.length });
    clearInterval(stats);
    clients.forEach((c) => c.destroy());
    process.disconnect();
  }
});
