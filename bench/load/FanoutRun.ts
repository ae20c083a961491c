import { performance } from 'node:perf_hooks';
import { distribution, type Distribution } from '../stats';
import { closeAll, connectAll } from './connectAll';
import type { LightClient, Target } from './LightClient';
import { scanMarkers } from './marker';
import { awarenessMessage } from './messages';
import { Samples } from './Samples';
import { Writer, itemIds } from './Writer';

// N people on one plan; the first `writers` of them change a card once a second each,
// spread evenly over the second. Every client reads every change; each (reader,
// writer) pair must see all of the writer's sequence numbers, in order, once.

export interface FanoutSpec {
  clients: number;
  writers: number;
  awareness: boolean;
  warmupMs: number;
  measureMs: number;
  /** Longest wait after the last write for every copy to arrive. */
  drainMs: number;
}

export interface FanoutResult {
  latencyMs: Distribution;
  sent: number;
  /** Copies that never arrived: Σ over readers of (writes of others − those received). */
  lost: number;
  /** Copies that arrived twice or out of order. */
  duplicates: number;
  /** Copies expected and received within the window (for the rate). */
  received: number;
  meanUpdateBytes: number;
  awarenessMessages: number;
  closedClients: number;
}

/** Copies still missing after this long without any arriving are counted lost. */
const STALL_MS = 2000;
/** Awareness is renewed this often, as y-protocols does (half of its 30 s timeout). */
const AWARENESS_RENEW_MS = 15_000;

export class FanoutRun {
  private clients: LightClient[] = [];
  private writers: Writer[] = [];
  private readonly received: Uint32Array;
  private readonly lastSeq: Int32Array;
  private duplicates = 0;
  private readonly latencies = new Samples();
  private window = { from: Infinity, to: -Infinity };
  private timers: NodeJS.Timeout[] = [];
  private clocks: number[] = [];

  constructor(
    /** Several targets split the clients (and so the writers) between them in turn. */
    private readonly target: Target | Target[],
    private readonly spec: FanoutSpec,
    private readonly plan: Uint8Array,
  ) {
    this.received = new Uint32Array(spec.clients * spec.writers);
    this.lastSeq = new Int32Array(spec.clients * spec.writers).fill(-1);
  }

  /** Connects everybody; resolves with how long each took to hold the plan. */
  async connect(): Promise<Distribution> {
    const { writers } = this.spec;
    const reader = (c: number) => (bytes: Buffer, from: number, now: number) => {
      scanMarkers(bytes, from, (w, seq, sentAt) => {
        if (w === c || w >= writers) return;
        const k = c * writers + w;
        if (seq <= this.lastSeq[k]) {
          this.duplicates++;
          return;
        }
        this.lastSeq[k] = seq;
        this.received[k]++;
        if (sentAt >= this.window.from && sentAt < this.window.to) this.latencies.push(now - sentAt);
      });
    };
    this.clients = await connectAll(this.target, this.spec.clients, reader);
    const ids = itemIds(this.plan);
    this.writers = this.clients.slice(0, writers).map((client, w) => new Writer(w, client, this.plan, ids[w % ids.length]));
    if (this.spec.awareness) this.startAwareness();
    return distribution(this.clients.map((c) => c.syncedAt - c.startedAt));
  }

  private presence(c: number, selected?: string) {
    const clientId = 1_000_000 + c;
    this.clocks[c] = (this.clocks[c] ?? 0) + 1;
    const state = { user: { name: `Deltagare ${c + 1}`, color: '#1f6f8b' }, ...(selected ? { selected } : {}) };
    this.clients[c].send(awarenessMessage(clientId, this.clocks[c], state));
  }

  private startAwareness() {
    this.clients.forEach((_, c) => {
      this.presence(c);
      const first = setTimeout(() => {
        this.presence(c);
        this.timers.push(setInterval(() => this.presence(c), AWARENESS_RENEW_MS));
      }, (AWARENESS_RENEW_MS * c) / this.clients.length);
      this.timers.push(first);
    });
  }

  /**
   * Writes for warmup + measure, telling `phase` when the measured window opens and
   * closes (the caller samples CPU and the server's event loop between them), then
   * waits for the stragglers.
   */
  async write(phase: (name: 'start' | 'end') => void): Promise<FanoutResult> {
    const { warmupMs, measureMs, drainMs, awareness } = this.spec;
    const t0 = performance.now() + 50;
    const stopAt = t0 + warmupMs + measureMs;
    this.window = { from: t0 + warmupMs, to: stopAt };
    const done = this.writers.map(
      (writer) =>
        new Promise<void>((resolve) => {
          const offset = (1000 * writer.index) / this.writers.length;
          const tick = (k: number) => {
            const due = t0 + offset + k * 1000;
            if (due >= stopAt) return resolve();
            const handle = setTimeout(() => {
              writer.write();
              if (awareness) this.presence(writer.index, String(k));
              tick(k + 1);
            }, Math.max(0, due - performance.now()));
            this.timers.push(handle);
          };
          tick(0);
        }),
    );
    setTimeout(() => phase('start'), Math.max(0, this.window.from - performance.now()));
    await Promise.all(done);
    await sleep(Math.max(0, stopAt - performance.now()));
    phase('end');
    // Wait for the stragglers while they still arrive: a server that is behind gets
    // up to drainMs to catch up; what has not arrived after 2 s without progress is lost.
    const deadline = performance.now() + drainMs;
    let missing = this.missing();
    let progressAt = performance.now();
    while (missing > 0 && performance.now() < deadline && performance.now() - progressAt < STALL_MS) {
      await sleep(50);
      const now = this.missing();
      if (now < missing) progressAt = performance.now();
      missing = now;
    }
    return this.result();
  }

  private missing(): number {
    const { writers } = this.spec;
    let missing = 0;
    for (let c = 0; c < this.clients.length; c++) {
      for (let w = 0; w < writers; w++) if (w !== c) missing += this.writers[w].sent - this.received[c * writers + w];
    }
    return missing;
  }

  private result(): FanoutResult {
    const sent = this.writers.reduce((n, w) => n + w.sent, 0);
    return {
      latencyMs: distribution(this.latencies.values()),
      sent,
      lost: this.missing(),
      duplicates: this.duplicates,
      received: this.latencies.length,
      meanUpdateBytes: sent ? this.writers.reduce((n, w) => n + w.bytes, 0) / sent : 0,
      awarenessMessages: this.clients.reduce((n, c) => n + c.awarenessMessages, 0),
      closedClients: this.clients.filter((c) => c.closed).length,
    };
  }

  async close(): Promise<void> {
    this.timers.forEach((t) => clearTimeout(t));
    await closeAll(this.clients);
    this.writers.forEach((w) => w.doc.destroy());
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
