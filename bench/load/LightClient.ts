import { performance } from 'node:perf_hooks';
import type { Socket } from 'node:net';
import WebSocket from 'ws';
import type { Dialect } from './Dialect';
import { MESSAGE_AWARENESS, MESSAGE_SYNC, MESSAGE_SYNC_REPLY, SYNC_STEP_1, SYNC_STEP_2, SYNC_UPDATE, emptySyncStep1, emptySyncStep2 } from './messages';

// One simulated person, without a Y.Doc: it joins like a y-websocket client (sync
// step 1 with an empty state vector, answers the server's step 1), counts as holding
// the plan once the server's sync step 2 has arrived, and hands every later update's
// raw bytes to `onUpdate`. Reading costs it a few microseconds per message.

export interface Target {
  url: string;
  dialect: Dialect;
  headers: Record<string, string>;
}

export class LightClient {
  readonly ws: WebSocket;
  /** performance.now() when the connection was asked for, and when the plan arrived. */
  readonly startedAt = performance.now();
  syncedAt = 0;
  /** Size of the server's sync step 2: the whole plan as this client received it. */
  planBytes = 0;
  /** The plan itself, when asked to keep it. */
  plan: Uint8Array | null = null;
  awarenessMessages = 0;
  updates = 0;
  closed: { code: number; reason: string } | null = null;
  private readonly synced: Promise<void>;
  private ignoring = false;

  constructor(
    private readonly target: Target,
    private readonly onUpdate: (bytes: Buffer, from: number, now: number) => void = () => {},
    keepPlan = false,
  ) {
    this.ws = new WebSocket(target.url, { headers: target.headers, perMessageDeflate: false, maxPayload: 256 * 1024 * 1024 });
    this.synced = new Promise((resolve, reject) => {
      this.ws.on('open', () => {
        for (const m of target.dialect.opening()) this.ws.send(m);
        this.send(emptySyncStep1());
      });
      this.ws.on('message', (data: Buffer) => {
        const now = performance.now();
        const at = target.dialect.prefixLength;
        const type = data[at];
        if (type === MESSAGE_SYNC || type === MESSAGE_SYNC_REPLY) {
          const step = data[at + 1];
          if (step === SYNC_UPDATE || (step === SYNC_STEP_2 && this.syncedAt)) {
            this.updates++;
            this.onUpdate(data, at + 2, now);
          } else if (step === SYNC_STEP_2) {
            this.syncedAt = now;
            this.planBytes = data.length - at;
            if (keepPlan) this.plan = readPayload(data, at + 2);
            resolve();
          } else if (step === SYNC_STEP_1) this.send(emptySyncStep2());
        } else if (type === MESSAGE_AWARENESS) this.awarenessMessages++;
      });
      this.ws.on('close', (code, reason) => {
        this.closed = { code, reason: reason.toString() };
        reject(new Error(`closed before holding the plan: ${code} ${reason}`));
      });
      this.ws.on('error', (err) => reject(err));
      this.ws.on('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: HTTP ${res.statusCode}`)));
    });
    this.synced.catch(() => {});
  }

  /** Resolves once the client holds the whole plan. */
  ready(): Promise<void> {
    return this.synced;
  }

  send(message: Uint8Array): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(this.target.dialect.wrap(message));
  }

  /**
   * From now on what the server sends is read and dropped unparsed: a client that only
   * writes then costs the generator nothing per broadcast, whichever server sends it
   * (y-websocket sends every change back to its writer too). A close by the server is
   * still noticed, as 1006.
   */
  ignoreIncoming(): void {
    const socket = (this.ws as unknown as { _socket: Socket })._socket;
    socket.removeAllListeners('data');
    socket.on('data', () => {});
    this.ignoring = true;
  }

  close(): Promise<void> {
    if (this.ws.readyState === WebSocket.CLOSED) return Promise.resolve();
    // The server's closing frame would never be read.
    if (this.ignoring) {
      this.ws.terminate();
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.ws.once('close', () => resolve());
      this.ws.close();
      setTimeout(() => {
        this.ws.terminate();
        resolve();
      }, 2000).unref();
    });
  }
}

/** The varUint8Array payload that starts at `from`. */
function readPayload(data: Buffer, from: number): Uint8Array {
  let len = 0;
  let shift = 0;
  let i = from;
  for (;;) {
    const b = data[i++];
    len += (b & 0x7f) * 2 ** shift;
    if (b < 0x80) break;
    shift += 7;
  }
  return new Uint8Array(data.buffer, data.byteOffset + i, len).slice();
}
