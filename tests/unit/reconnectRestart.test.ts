import { afterEach, describe, expect, it } from 'vitest';
import { jitterReconnects } from '../../client/sync/jitterReconnects';
import { runServer, type RunningServer } from '../helpers/runServer';
import { signInFirstAdmin } from '../helpers/signInFirstAdmin';
import { connectClient, type SyncClient } from '../helpers/syncClient';
import { waitFor } from '../helpers/waitFor';

// 200 browsers on one plan when the server restarts (an upgrade, a reboot): every one
// reconnects by itself, with the app's backoff and jitter, and syncs again.

const CLIENTS = 200;
let server: RunningServer | null = null;
const clients: SyncClient[] = [];
afterEach(async () => {
  clients.splice(0).forEach((c) => c.destroy());
  await server?.dispose();
  server = null;
});

const connections = async (s: RunningServer) => (await (await fetch(`${s.url}/api/health`)).json()).sync.connections as number;

describe('a restart under 200 connected clients', () => {
  it('reconnects them all, and a change afterwards reaches every one', async () => {
    server = await runServer({ CLIENT_BUILD: 'skip' });
    const s = server;
    const headers = await signInFirstAdmin(s.url, s.output());
    for (let batch = 0; batch < CLIENTS / 50; batch++) {
      const joined = await Promise.all(
        Array.from({ length: 50 }, () =>
          connectClient(`ws://127.0.0.1:${s.port}/ws`, 'plan/2025', { headers, beforeConnect: (p) => jitterReconnects(p) }),
        ),
      );
      clients.push(...joined);
    }
    expect(await connections(s)).toBe(CLIENTS);
    const closes = new Map<number, number>();
    for (const c of clients) c.provider.on('connection-close', (e) => e && closes.set(e.code, (closes.get(e.code) ?? 0) + 1));

    await s.restart();
    await waitFor(() => clients.every((c) => c.provider.wsconnected && c.provider.synced), {
      what: 'every client to reconnect',
      timeoutMs: 30_000,
    });
    expect(closes.get(1001)).toBe(CLIENTS);
    expect(await connections(s)).toBe(CLIENTS);

    clients[0].doc.getMap('meta').set('version', 'Efter omstarten');
    await waitFor(() => clients.every((c) => c.doc.getMap('meta').get('version') === 'Efter omstarten'), {
      what: 'the change to reach everyone',
    });
  }, 120_000);
});
