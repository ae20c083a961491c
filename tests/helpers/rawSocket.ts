import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import * as Y from 'yjs';

// A bare websocket for hand-made protocol messages, and the messages themselves, built
// here with lib0 rather than with the server's own encoders.

export interface RawSocket {
  ws: WebSocket;
  /** Every message received, in order. */
  received: Uint8Array[];
  closed: Promise<{ code: number; reason: string }>;
  send(bytes: Uint8Array | string): void;
}

export function openRawSocket(wsUrl: string, docName = 'plan/2025'): Promise<RawSocket> {
  const ws = new WebSocket(`${wsUrl}/${docName}`);
  const received: Uint8Array[] = [];
  ws.on('message', (data: Buffer) => received.push(new Uint8Array(data)));
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ ws, received, closed, send: (bytes) => ws.send(bytes) }));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

/** The HTTP status a refused upgrade answered with. */
export function upgradeStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.once('open', () => {
      ws.close();
      reject(new Error('upgrade was accepted'));
    });
    ws.once('error', () => {});
  });
}

function message(...parts: (number | Uint8Array)[]): Uint8Array {
  const encoder = encoding.createEncoder();
  for (const part of parts) {
    if (typeof part === 'number') encoding.writeVarUint(encoder, part);
    else encoding.writeVarUint8Array(encoder, part);
  }
  return encoding.toUint8Array(encoder);
}

export const syncStep1 = (stateVector: Uint8Array) => message(0, 0, stateVector);
export const syncStep2 = (update: Uint8Array) => message(0, 1, update);
export const updateMsg = (update: Uint8Array) => message(0, 2, update);
export const awarenessMsg = (update: Uint8Array) => message(1, update);
export const queryAwarenessMsg = () => message(3);

/** An awareness message of one entry, with any client id and clock (state null: "gone"). */
export function presenceEntryMsg(clientId: number, clock: number, state: unknown): Uint8Array {
  const entry = encoding.createEncoder();
  encoding.writeVarUint(entry, 1);
  encoding.writeVarUint(entry, clientId);
  encoding.writeVarUint(entry, clock);
  encoding.writeVarString(entry, JSON.stringify(state));
  return awarenessMsg(encoding.toUint8Array(entry));
}

/** A real Yjs update that sets one key on a fresh replica of the given document. */
export function handMadeUpdate(base: Uint8Array, key: string, value: string): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, base);
  let update: Uint8Array | null = null;
  doc.on('update', (u: Uint8Array) => (update = u));
  doc.getMap('meta').set(key, value);
  doc.destroy();
  return update!;
}

/** The message type (and sync step) of a received message, e.g. [0, 1] for SyncStep2. */
export function kindOf(bytes: Uint8Array): number[] {
  const decoder = decoding.createDecoder(bytes);
  const type = decoding.readVarUint(decoder);
  return type === 0 ? [type, decoding.readVarUint(decoder)] : [type];
}
