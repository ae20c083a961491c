import { performance } from 'node:perf_hooks';
import { closeAll, connectAll } from './connectAll';
import type { Target } from './LightClient';
import { scanMarkers } from './marker';
import { Writer, itemIds } from './Writer';

// Sustained write throughput: `writers` clients send changes as fast as the server
// takes them, each keeping at most `inFlight` changes that an observing client has
// not yet received. A change the observer has received has been through the server
// (for ours: stored, then broadcast), so the observer's rate is the server's rate.
// The writers are many (32), each writing well inside a person's limits: ours closes
// a connection that keeps sending more than 200 messages a second once its burst
// allowance is spent (4429), so a few fast writers would measure that limit. What the
// writers receive is dropped unread, so the generator's work does not grow with them.

export interface ThroughputResult {
  updatesPerSecond: number;
  observed: number;
  seconds: number;
  /** The generator's own CPU while counting (near 100: it measured itself). */
  generatorCpuPercent: number;
}

export async function throughput(target: Target, plan: Uint8Array, writers: number, inFlight: number, durationMs: number): Promise<ThroughputResult> {
  const confirmed = new Int32Array(writers);
  let counting = false;
  let observed = 0;
  let list: Writer[] = [];
  const pump = (w: Writer) => {
    while (counting && w.sent - confirmed[w.index] < inFlight) w.write();
  };
  const clients = await connectAll(target, writers + 1, (c) =>
    c === writers
      ? (bytes, from) =>
          scanMarkers(bytes, from, (w, seq) => {
            confirmed[w] = seq + 1;
            if (counting) observed++;
            if (list[w]) pump(list[w]);
          })
      : () => {},
  );
  const ids = itemIds(plan);
  list = clients.slice(0, writers).map((client, w) => new Writer(w, client, plan, ids[w % ids.length]));
  clients.slice(0, writers).forEach((client) => client.ignoreIncoming());
  // Enough changes made ahead for 25,000 a second, well above any server here.
  list.forEach((w) => w.prepare(Math.ceil(((durationMs / 1000) * 25_000) / writers)));
  counting = true;
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  list.forEach(pump);
  await new Promise((r) => setTimeout(r, durationMs));
  counting = false;
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu0);
  const cut = clients.find((c) => c.closed);
  if (cut) throw new Error(`a client was closed during the window (${cut.closed!.code} ${cut.closed!.reason}): the rate would not be the server's`);
  const generatorCpuPercent = (used.user + used.system) / 1e4 / seconds;
  await closeAll(clients);
  list.forEach((w) => w.doc.destroy());
  return { updatesPerSecond: observed / seconds, observed, seconds, generatorCpuPercent };
}
