import * as Y from 'yjs';
import { syncStep1Message, syncStep2Message } from './encodeMessage';

const isEmptyStateVector = (sv: Uint8Array) => sv.length === 1 && sv[0] === 0;
const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && Buffer.compare(a, b) === 0;

/**
 * The encodings of a document's current state that joining clients ask for, each
 * computed at most once between two changes: a storm of new clients (empty state
 * vector) or of reconnecting ones (state vector equal to ours) costs one encoding,
 * not one per client. Any transaction on the document drops them.
 */
export class EncodedState {
  private full: { message: Uint8Array; update: Uint8Array } | null = null;
  private vector: Uint8Array | null = null;
  private vectorMessage: Uint8Array | null = null;
  private upToDate: Uint8Array | null = null;

  constructor(private readonly doc: Y.Doc) {
    doc.on('afterTransaction', () => this.clear());
  }

  /** The server's SyncStep1: its state vector, so a writer sends what the server lacks. */
  syncStep1(): Uint8Array {
    return (this.vectorMessage ??= syncStep1Message(this.stateVector()));
  }

  /** The SyncStep2 answer to a client's state vector. */
  replyTo(stateVector: Uint8Array): Uint8Array {
    if (isEmptyStateVector(stateVector)) return this.fullState().message;
    if (sameBytes(stateVector, this.stateVector())) {
      return (this.upToDate ??= syncStep2Message(Y.encodeStateAsUpdate(this.doc, stateVector)));
    }
    return syncStep2Message(Y.encodeStateAsUpdate(this.doc, stateVector));
  }

  /** The whole document as one update (also what compaction stores). */
  fullUpdate(): Uint8Array {
    return this.fullState().update;
  }

  private stateVector(): Uint8Array {
    return (this.vector ??= Y.encodeStateVector(this.doc));
  }

  private fullState(): { message: Uint8Array; update: Uint8Array } {
    if (!this.full) {
      const update = Y.encodeStateAsUpdate(this.doc);
      const message = syncStep2Message(update);
      // Keep one copy: the update is the tail of the message.
      this.full = { message, update: message.subarray(message.length - update.length) };
    }
    return this.full;
  }

  private clear(): void {
    this.full = null;
    this.vector = null;
    this.vectorMessage = null;
    this.upToDate = null;
  }
}
