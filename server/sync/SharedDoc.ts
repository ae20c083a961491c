import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Logger } from '../logger';
import type { DocStore } from '../store/DocStore';
import { StoreError } from '../store/StoreError';
import { binaryFrame, type BinaryFrame } from './binaryFrame';
import type { CloseCodeName } from './closeCodes';
import { awarenessMessage, updateMessage } from './encodeMessage';
import { EncodedState } from './EncodedState';
import type { StorageHealth } from './StorageHealth';

/** What SharedDoc needs of a connection (kept as an interface to avoid an import cycle). */
export interface DocConnection {
  readonly userId: string | null;
  readonly canWrite: boolean;
  send(message: Uint8Array): void;
  /** Sends a frame shared by all receivers of a broadcast. */
  sendFrame(frame: BinaryFrame): void;
  close(reason: CloseCodeName): void;
  /** Awareness client ids this connection introduced, removed when it leaves. */
  awarenessIds: Set<number> | null;
}

export interface SharedDocOptions {
  docs: DocStore;
  logger: Logger;
  /** Compact once the document has more stored rows than this. */
  compactThreshold: number;
  /** Called when the last connection left or the document was discarded. */
  onUnload(doc: SharedDoc): void;
  /** Told of every stored and every refused change. */
  health?: StorageHealth;
  /** Told the id of every row this process stored, once committed (see StoredRows). */
  onStored?(rowId: number): void;
}

/**
 * Transaction origin of a change the server makes itself (see `changeAsServer`), on
 * behalf of the person named, so observers can tell who made it.
 */
export class ServerOrigin {
  constructor(readonly userId: string | null) {}
}
/** Transaction origin of loading stored rows: not a change anyone made now. */
export const LOAD_ORIGIN = Symbol('load');

/**
 * One loaded document: the Y.Doc, its awareness and its connections. Every change is
 * appended to storage before it is applied and sent on, so memory never holds a change
 * that a restart would lose.
 */
export class SharedDoc {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly connections = new Set<DocConnection>();
  /** Rows this document has in storage, as far as this process knows. */
  private rowCount: number;
  private lastId: number;
  /** The newest row read when the document was loaded: rows up to it are in memory. */
  private readonly loadedUpTo: number;
  /** False once storage holds rows this process did not apply (then the rows are merged, never memory). */
  private memoryMatchesRows = true;
  private compactScheduled = false;
  private discarded = false;
  private destroyed = false;
  private readonly encoded: EncodedState;

  constructor(
    readonly name: string,
    private readonly options: SharedDocOptions,
  ) {
    const { updates, lastId } = options.docs.load(name);
    this.doc.transact(() => updates.forEach((u) => Y.applyUpdate(this.doc, u)), LOAD_ORIGIN);
    this.rowCount = updates.length;
    this.lastId = lastId;
    this.loadedUpTo = lastId;
    this.encoded = new EncodedState(this.doc);
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onAwarenessUpdate);
    if (this.rowCount > options.compactThreshold) this.compact();
  }

  get isDiscarded() {
    return this.discarded;
  }

  addConnection(conn: DocConnection): void {
    this.connections.add(conn);
    // Ask writers for what they have and we lack; read-only clients are never asked.
    if (conn.canWrite) conn.send(this.encoded.syncStep1());
    if (this.awareness.getStates().size > 0) conn.send(this.awarenessStateMessage());
  }

  removeConnection(conn: DocConnection): void {
    if (!this.connections.delete(conn)) return;
    if (conn.awarenessIds?.size) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...conn.awarenessIds], null);
    }
    if (this.connections.size === 0) this.options.onUnload(this);
  }

  /** The SyncStep2 answer to a client's state vector. */
  replyToSyncStep1(stateVector: Uint8Array): Uint8Array {
    return this.encoded.replyTo(stateVector);
  }

  /**
   * Stores, applies and sends on one update from a client. Throws StoreError (nothing
   * applied, nothing sent) when storage refuses it. `message` is the client's own
   * Update message when it can be forwarded unchanged.
   */
  receiveUpdate(update: Uint8Array, origin: DocConnection, message: Uint8Array | null): void {
    let applied = false;
    try {
      this.lastId = this.store(() => {
        const rowId = this.options.docs.append(this.name, update, origin.userId);
        Y.applyUpdate(this.doc, update, origin);
        applied = true;
        return rowId;
      });
    } catch (err) {
      if (err instanceof StoreError) {
        // Refused at commit, after memory took the change: memory must not keep it.
        if (applied) this.discard('STORAGE_FAILURE');
        throw err;
      }
      // Not expected for updates that decoded cleanly. If Yjs still refuses one, memory
      // may hold part of it; its row was rolled back, and the document reloads from
      // storage for everyone.
      this.options.logger.error('update decoded but could not be applied; discarded', { doc: this.name, err });
      origin.close('MALFORMED_MESSAGE');
      this.discard('INTERNAL_ERROR');
      return;
    }
    this.rowCount++;
    this.options.onStored?.(this.lastId);
    this.broadcast(message ?? updateMessage(update), origin);
    this.scheduleCompaction();
  }

  /**
   * Makes a change on behalf of the server (e.g. a comment written for a signed-in
   * person), stored and sent to every client like any other update. When storage
   * refuses it, memory already holds the change, so the document is discarded and
   * reloaded from storage by the next client; the StoreError is rethrown.
   */
  changeAsServer(change: (doc: Y.Doc) => void, userId: string | null): void {
    const updates: Uint8Array[] = [];
    const serverOrigin = new ServerOrigin(userId);
    const capture = (update: Uint8Array, origin: unknown) => origin === serverOrigin && updates.push(update);
    let update: Uint8Array | null = null;
    try {
      this.lastId = this.store(() => {
        this.doc.on('update', capture);
        try {
          this.doc.transact(() => change(this.doc), serverOrigin);
        } finally {
          this.doc.off('update', capture);
        }
        if (updates.length === 0) return this.lastId;
        update = updates.length === 1 ? updates[0] : Y.mergeUpdates(updates);
        return this.options.docs.append(this.name, update, userId);
      });
    } catch (err) {
      // Memory may already hold the change that storage refused. (A change that refuses
      // itself checks before it writes anything.)
      if (err instanceof StoreError) this.discard('STORAGE_FAILURE');
      throw err;
    }
    if (!update) return;
    this.rowCount++;
    this.options.onStored?.(this.lastId);
    this.broadcast(updateMessage(update), null);
    this.scheduleCompaction();
  }

  /**
   * Applies a row another process stored (the command line) and sends it to every
   * client: it is in storage already, so it is only applied, as loading would.
   */
  applyStored(update: Uint8Array, rowId: number): void {
    if (this.discarded || this.destroyed || rowId <= this.loadedUpTo) return;
    try {
      Y.applyUpdate(this.doc, update, LOAD_ORIGIN);
    } catch (err) {
      // Storage has the row; the next load reads it. Memory must not keep half of it.
      this.options.logger.error('a stored update from another process could not be applied; reloading', { doc: this.name, err });
      this.discard('INTERNAL_ERROR');
      return;
    }
    this.rowCount++;
    this.lastId = Math.max(this.lastId, rowId);
    this.broadcast(updateMessage(update), null);
    this.scheduleCompaction();
  }

  applyAwareness(update: Uint8Array, origin: DocConnection): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, origin);
  }

  awarenessStateMessage(): Uint8Array {
    const clients = [...this.awareness.getStates().keys()];
    return awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients));
  }

  /** Merges the stored rows into one if there are more than the threshold. Never throws. */
  compactIfDue(): void {
    if (!this.discarded && !this.destroyed && this.rowCount > this.options.compactThreshold) this.compact();
  }

  /** Closes every connection and forgets this document without touching storage. */
  discard(reason: CloseCodeName): void {
    if (this.discarded) return;
    this.discarded = true;
    this.options.onUnload(this);
    for (const conn of this.connections) conn.close(reason);
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.awareness.destroy();
    this.doc.destroy();
  }

  /**
   * Runs a change in one storage transaction: the update row and what observers of the
   * document write (the audit trail) are committed together, before anything is sent.
   */
  private store<T>(fn: () => T): T {
    try {
      const result = this.options.docs.atomically(fn);
      this.options.health?.storedChange();
      return result;
    } catch (err) {
      if (err instanceof StoreError) this.options.health?.refusedChange(err);
      throw err;
    }
  }

  /** Encodes and frames the message once, whatever the number of receivers. */
  private broadcast(message: Uint8Array, except: DocConnection | null): void {
    if (this.connections.size === 0 || (this.connections.size === 1 && this.connections.has(except!))) return;
    const frame = binaryFrame(message);
    for (const conn of this.connections) if (conn !== except) conn.sendFrame(frame);
  }

  private scheduleCompaction(): void {
    if (this.compactScheduled || this.rowCount <= this.options.compactThreshold) return;
    this.compactScheduled = true;
    // After the current message is sent on, so compaction never delays a broadcast.
    setImmediate(() => {
      this.compactScheduled = false;
      this.compactIfDue();
    });
  }

  private compact(): void {
    const live = this.memoryMatchesRows
      ? { state: this.encoded.fullUpdate(), rowCount: this.rowCount, lastId: this.lastId }
      : undefined;
    try {
      const result = this.options.docs.compact(this.name, live);
      if (live && !result.usedLiveState) this.memoryMatchesRows = false;
      this.rowCount = Math.min(this.rowCount, 1);
    } catch (err) {
      // The rows are still there; compaction is tried again after the next update.
      this.options.logger.error('compaction failed', { doc: this.name, err });
    }
  }

  private onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const conn = origin as DocConnection | null;
    if (conn && this.connections.has(conn)) {
      if (added.length) {
        conn.awarenessIds ??= new Set();
        added.forEach((id) => conn.awarenessIds!.add(id));
      }
      removed.forEach((id) => conn.awarenessIds?.delete(id));
    }
    const changed = added.concat(updated, removed);
    const message = awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
    // The sender gets its own state back too: for a client alone on a document this is
    // the only traffic that keeps y-websocket's 30-second silence watchdog quiet.
    this.broadcast(message, null);
  };
}
