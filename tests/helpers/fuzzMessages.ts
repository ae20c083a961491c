import * as encoding from 'lib0/encoding';
import * as prng from 'lib0/prng';
import * as Y from 'yjs';

// Hostile websocket messages, generated from a seed so that every run sends the same
// ones and a failure can be replayed. Each starts from a message that is valid for the
// y-websocket protocol and breaks it the way a buggy or hostile client would: cut short,
// wrong lengths, varints that never end, Yjs updates that are not, presence states too
// big to keep, unknown types, text instead of binary, or plain noise.

export interface FuzzCase {
  kind: string;
  bytes: Uint8Array | string;
}

function message(...parts: (number | Uint8Array)[]): Uint8Array {
  const encoder = encoding.createEncoder();
  for (const part of parts) typeof part === 'number' ? encoding.writeVarUint(encoder, part) : encoding.writeVarUint8Array(encoder, part);
  return encoding.toUint8Array(encoder);
}

function awarenessUpdate(entries: [clientID: number, clock: number, json: string][]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const [id, clock, json] of entries) {
    encoding.writeVarUint(encoder, id);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, json);
  }
  return encoding.toUint8Array(encoder);
}

/** Valid updates on top of the plan, each setting a key in a root type the plan does not read. */
function validUpdates(base: Uint8Array, gen: prng.PRNG, count: number): Uint8Array[] {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, base);
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  const scratch = doc.getMap('fuzz-scratch-area');
  for (let i = 0; i < count; i++) {
    if (prng.bool(gen)) scratch.set(prng.word(gen, 1, 8), prng.utf16String(gen, 40));
    else doc.getText('fuzz-scratch-text').insert(0, prng.word(gen, 1, 30));
  }
  doc.destroy();
  return updates;
}

/** A varint that keeps going: continuation bits on every byte. */
const endlessVarint = (gen: prng.PRNG) => new Uint8Array(prng.int32(gen, 1, 24)).fill(0xff);

/** Flips one to three random bits. */
function flipBits(bytes: Uint8Array, gen: prng.PRNG): Uint8Array {
  const copy = Uint8Array.from(bytes);
  for (let n = prng.int32(gen, 1, 3); n > 0; n--) copy[prng.int32(gen, 0, copy.length - 1)] ^= 1 << prng.int32(gen, 0, 7);
  return copy;
}

/** Rewrites the length of the message's first byte array (after `prefix` varints) to a wrong one. */
function bogusLength(prefix: number[], payload: Uint8Array, gen: prng.PRNG): Uint8Array {
  const lengths = [payload.length + prng.int32(gen, 1, 1000), 2 ** prng.int32(gen, 20, 52), prng.int32(gen, 0, Math.max(0, payload.length - 1))];
  const encoder = encoding.createEncoder();
  prefix.forEach((p) => encoding.writeVarUint(encoder, p));
  encoding.writeVarUint(encoder, prng.oneOf(gen, lengths));
  encoding.writeUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/**
 * `count` hostile messages for a document whose state is `base`. The big presence
 * states (up to ~900 kB) are a small share, so that thousands of cases stay quick.
 */
export function* fuzzMessages(seed: number, base: Uint8Array, count: number): Generator<FuzzCase> {
  const gen = prng.create(seed);
  const updates = validUpdates(base, gen, 64);
  const update = () => prng.oneOf(gen, updates);
  const stateVector = Y.encodeStateVectorFromUpdate(Y.mergeUpdates([base, ...updates]));
  const presence = () => awarenessUpdate([[prng.uint32(gen, 1, 2 ** 30), prng.int32(gen, 1, 1000), JSON.stringify({ user: { name: prng.word(gen) } })]]);
  const valid = (): Uint8Array =>
    prng.oneOf(gen, [
      () => message(0, 0, stateVector),
      () => message(0, 1, update()),
      () => message(0, 2, update()),
      () => message(1, presence()),
    ])();

  const kinds: [string, () => Uint8Array | string][] = [
    ['noise', () => prng.uint8Array(gen, prng.int32(gen, 0, 64))],
    ['truncated message', () => { const m = valid(); return m.subarray(0, prng.int32(gen, 0, m.length - 1)); }],
    ['endless varint', () => Uint8Array.from([...prng.oneOf(gen, [[], [0], [0, 2], [1]]), ...endlessVarint(gen)])],
    ['bogus length of an update', () => bogusLength([0, prng.int32(gen, 1, 2)], update(), gen)],
    ['bogus length of a state vector', () => bogusLength([0, 0], stateVector, gen)],
    ['bogus length of presence', () => bogusLength([1], presence(), gen)],
    ['garbage as a Yjs update', () => message(0, prng.int32(gen, 1, 2), prng.uint8Array(gen, prng.int32(gen, 1, 200)))],
    ['flipped bits in a Yjs update', () => message(0, prng.int32(gen, 1, 2), flipBits(update(), gen))],
    ['truncated Yjs update', () => { const u = update(); return message(0, prng.int32(gen, 1, 2), u.subarray(0, prng.int32(gen, 1, u.length - 1))); }],
    ['Yjs update with a tail', () => message(0, prng.int32(gen, 1, 2), Uint8Array.from([...update(), ...prng.uint8Array(gen, prng.int32(gen, 1, 16))]))],
    ['garbage state vector', () => message(0, 0, prng.uint8Array(gen, prng.int32(gen, 1, 40)))],
    ['flipped bits in presence', () => message(1, flipBits(presence(), gen))],
    ['presence that is not JSON', () => message(1, awarenessUpdate([[7, 1, prng.utf16String(gen, 30) + '{']]))],
    ['presence claiming more entries than it has', () => { const p = presence(); p[0] = prng.int32(gen, 2, 127); return message(1, p); }],
    ['unknown message type', () => message(prng.int32(gen, 4, 2 ** 20), prng.uint8Array(gen, 4))],
    ['unknown sync step', () => message(0, prng.int32(gen, 3, 2 ** 20), update())],
    ['text frame', () => prng.utf16String(gen, 60)],
  ];
  const huge: [string, () => Uint8Array][] = [
    ['huge presence state', () => message(1, awarenessUpdate([[99, 1, JSON.stringify({ user: { name: 'x'.repeat(prng.int32(gen, 70_000, 900_000)) } })]]))],
    ['many presence states', () => message(1, awarenessUpdate(Array.from({ length: prng.int32(gen, 9, 2000) }, (_, i) => [1000 + i, 1, '{"user":{}}'] as [number, number, string])))],
  ];

  for (let i = 0; i < count; i++) {
    const [kind, make] = i % 100 === 99 ? prng.oneOf(gen, huge) : prng.oneOf(gen, kinds);
    yield { kind, bytes: make() };
  }
}
