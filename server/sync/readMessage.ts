import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';

// The y-websocket protocol: every message starts with a varUint type.
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;
// Sync messages carry a second varUint: the step.
export const SYNC_STEP_1 = 0;
export const SYNC_STEP_2 = 1;
export const SYNC_UPDATE = 2;

export type IncomingMessage =
  | { type: 'syncStep1'; stateVector: Uint8Array }
  | {
      type: 'syncStep2' | 'update';
      update: Uint8Array;
      /** The update holds neither new structs nor deletions (a client already in sync). */
      empty: boolean;
      /** Nothing follows the update, so the message may be forwarded as it is. */
      exact: boolean;
    }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'queryAwareness' };

/** A message that does not decode; the connection that sent it is closed. */
export class MalformedMessageError extends Error {
  readonly code = 'MALFORMED_MESSAGE';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MalformedMessageError';
  }
}

/**
 * An item's left and right neighbours and its parent existed when the item was made,
 * so those of its own client have lower clocks. Yjs checks references to other clients
 * (it waits for them) but trusts these, and an item pointing ahead of itself breaks the
 * document: applying it throws half-way, or worse, the stored state no longer loads.
 */
function checkOwnReferences(item: Y.Item): void {
  const { client, clock } = item.id;
  for (const ref of [item.origin, item.rightOrigin, item.parent instanceof Y.ID ? item.parent : null]) {
    if (ref && ref.client === client && ref.clock >= clock) {
      throw new MalformedMessageError(`item ${client}:${clock} refers to ${ref.client}:${ref.clock}, which it precedes`);
    }
  }
}

/** Decodes an update completely without applying it: Yjs refuses garbage here, not half-way into a document. */
function readUpdate(update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(update);
  for (const struct of structs) if (struct instanceof Y.Item) checkOwnReferences(struct);
  return structs.length === 0 && ds.clients.size === 0;
}

/**
 * A presence state holds a name, a colour and a cursor: a few hundred bytes. Every
 * state is kept in memory and sent to every client of the document, so a large one
 * costs everybody; this is far above any real one.
 */
export const MAX_PRESENCE_STATE_LENGTH = 64 * 1024;
/**
 * A browser tab brings one presence state per document; a few more allow for odd
 * clients. Counted per connection, for the states it adds (see Connection): a message
 * may carry many, because y-websocket sends every state it learns back to the server.
 */
export const MAX_PRESENCE_STATES = 8;

/** Decodes an awareness update completely (entries of clientID, clock, JSON state). */
function checkAwarenessUpdate(update: Uint8Array): void {
  const decoder = decoding.createDecoder(update);
  const entries = decoding.readVarUint(decoder);
  for (let i = 0; i < entries; i++) {
    decoding.readVarUint(decoder);
    decoding.readVarUint(decoder);
    const state = decoding.readVarString(decoder);
    if (state.length > MAX_PRESENCE_STATE_LENGTH) throw new MalformedMessageError(`presence state of ${state.length} characters`);
    JSON.parse(state);
  }
}

function read(data: Uint8Array): IncomingMessage {
  const decoder = decoding.createDecoder(data);
  const type = decoding.readVarUint(decoder);
  switch (type) {
    case MESSAGE_SYNC: {
      const step = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (step === SYNC_STEP_1) {
        Y.decodeStateVector(payload);
        return { type: 'syncStep1', stateVector: payload };
      }
      if (step === SYNC_STEP_2 || step === SYNC_UPDATE) {
        const empty = readUpdate(payload);
        const exact = !decoding.hasContent(decoder);
        return { type: step === SYNC_STEP_2 ? 'syncStep2' : 'update', update: payload, empty, exact };
      }
      throw new MalformedMessageError(`unknown sync step ${step}`);
    }
    case MESSAGE_AWARENESS: {
      const update = decoding.readVarUint8Array(decoder);
      checkAwarenessUpdate(update);
      return { type: 'awareness', update };
    }
    case MESSAGE_QUERY_AWARENESS:
      return { type: 'queryAwareness' };
    default:
      // Includes MESSAGE_AUTH: only the server sends it.
      throw new MalformedMessageError(`unknown message type ${type}`);
  }
}

/** Parses and validates one incoming websocket message; throws MalformedMessageError. */
export function readMessage(data: Uint8Array): IncomingMessage {
  try {
    return read(data);
  } catch (err) {
    if (err instanceof MalformedMessageError) throw err;
    throw new MalformedMessageError(`undecodable message: ${(err as Error).message}`, { cause: err });
  }
}
