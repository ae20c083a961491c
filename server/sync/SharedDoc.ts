import * as Y from 'yjs';
import type { Logger } from '../logger';
import type { StoredDoc, UpdateLog, UpdateRow } from '../store/DocStore';
import type { Sql } from '../store/sql/Sql';
import { StoreError } from '../store/StoreError';
import type { BinaryFrame } from './binaryFrame';
import type { CloseCodeName } from './closeCodes';
import { DocPresence } from './DocPresence';
import { updateMessage } from './encodeMessage';
import { EncodedState } from './EncodedState';
import { StoredRows } from './StoredRows';
import type { StorageHealth } from './StorageHealth';
import { TurnOutbox } from './TurnOutbox';

/** What SharedDoc needs of a connection (kept as an interface to avoid an import cycle). */
export interface DocConnection {
  readonly userId: string | null;
  readonly canWrite: boolean;
  send(message: Uint8Array): void;
  /** Sends frames shared by all receivers of a broadcast. */
  sendFrame(frame: BinaryFrame): void;
  close(reason: CloseCodeName): void;
  /** Awareness client ids this connection introduced, removed when it leaves. */
  awarenessIds: Set<number> | null;
  /** Its change is stored and being sent on. */
  changeStored(): void;
  /** Storage refused its change: nothing of it is kept or sent on. */
  changeRefused(err: StoreError): void;
  /** The document was loaded again from storage: the connection now belongs to `doc`. */
  movedTo(doc: SharedDoc): void;
}

export interface SharedDocOptions {
  docs: UpdateLog;
  logger: Logger;
  /** Compact once the document has more stored rows than this. */
  compactThreshold: number;
  /** Called when the last connection left or the document was discarded. */
  onUnload(doc: SharedDoc): void;
  /** Loads the document anew from storage (at once, or as a Promise from a database server), to take this one's place and connections. */
  reload?(stale: SharedDoc): SharedDoc | Promise<SharedDoc>;
  /** Told of every stored and every refused change. */
  health?: StorageHealth;
  /** The document's rows, read beforehand; without them they are read from `docs`, which must then answer at once. */
  stored?: StoredDoc;
  /**
   * Told of the rows this process stored, once committed: the newest id and how many
   * (see ForeignRows), and the updates themselves, for the other processes (DocFeed).
   */
  onStored?(lastId: number, count: number, updates: Uint8Array[]): void;
  /** Told of every change of presence made on this process, for the other processes. */
  onPresence?(update: Uint8Array): void;
}

/**
 * Changes stored in one transaction at most. A commit costs about as much as storing
 * fifty changes; beyond a few dozen, a bigger batch saves little and delays the first.
 */
const MAX_BATCH = 32;

/**
 * A change that comes after this long without any is stored and sent on as soon as the
 * message that brought it is read, not at the end of the turn: alone, it has no others
 * to be stored with, and waiting for the turn's other sockets cost it about 0.1 ms. The
 * writer's presence read with it follows with the next write (see DocPresence).
 */
const QUIET_MS = 5;

/** A client's update waiting in the document's queue. */
interface Pending {
  update: Uint8Array;
  origin: DocConnection;
  /** The client's own Update message when it can be forwarded unchanged. */
  message: Uint8Array | null;
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
 * One loaded document: the Y.Doc, its awareness and its connections.
 *
 * Every change goes through one ordered queue per document. The changes that arrive
 * within one turn of the event loop are applied and stored in one transaction with
 * their audit lines (group commit), and sent on only after that commit, each receiver
 * getting the turn's messages in one socket write; a change that comes alone is stored
 * and sent on as soon as it is read. Memory never keeps a change that storage refused:
 * the document is then loaded again from storage and its connections carry on there,
 * only the senders of the refused changes are told.
 */
export class SharedDoc {
  readonly doc = new Y.Doc();
  readonly connections = new Set<DocConnection>();
  private readonly presence: DocPresence;
  private readonly rows: StoredRows;
  private discarded = false;
  private destroyed = false;
  private readonly encoded: EncodedState;
  private queue: Pending[] = [];
  private readonly outbox = new TurnOutbox();
  private flushScheduled = false;
  /** When the last batch of changes was stored. */
  private lastBatchAt = -Infinity;
  /** A batch whose write has not committed yet (only with a store that writes asynchronously). */
  private writing = false;
  /** Storage is being read again to replace this document (only with a store that reads asynchronously). */
  private reloading = false;
  /** Joining clients whose answer waits for the write in flight to commit. */
  private waitingAnswers: Array<{ conn: DocConnection; stateVector: Uint8Array }> = [];
  /** Server changes waiting for the write in flight, in order. */
  private waitingChanges: Array<() => void> = [];
  /** The document loaded in this one's place, if it was (see reload). */
  private successor: SharedDoc | null = null;
  /** The newest row read when the document was loaded: rows up to it are in memory. */
  private readonly loadedUpTo: number;

  constructor(
    readonly name: string,
    private readonly options: SharedDocOptions,
  ) {
    // The sender gets its own presence back too: for a client alone on a document this is
    // the only traffic that keeps y-websocket's 30-second silence watchdog quiet.
    this.presence = new DocPresence(
      this.doc,
      (message) => {
        this.outbox.add(message, null);
        this.scheduleFlush();
      },
      (holder) => this.connections.has(holder as DocConnection),
      options.onPresence,
    );
    const stored = options.stored ?? options.docs.load(name);
    if (stored instanceof Promise) throw new Error(`${name} must be read from storage before it is loaded`);
    const { updates, lastId } = stored;
    this.doc.transact(() => updates.forEach((u) => Y.applyUpdate(this.doc, u)), LOAD_ORIGIN);
    this.loadedUpTo = lastId;
    this.encoded = new EncodedState(this.doc);
    const { docs, compactThreshold, logger } = options;
    this.rows = new StoredRows(name, docs, compactThreshold, logger, () => this.encoded.fullUpdate(), updates.length, lastId);
    this.rows.compactIfDue();
  }

  get awareness() {
    return this.presence.awareness;
  }

  get isDiscarded() {
    return this.discarded;
  }

  addConnection(conn: DocConnection): void {
    this.connections.add(conn);
    // Ask writers for what they have and we lack; read-only clients are never asked.
    if (conn.canWrite) conn.send(this.encoded.syncStep1());
    if (!this.presence.isEmpty) conn.send(this.awarenessStateMessage());
  }

  removeConnection(conn: DocConnection): void {
    if (!this.connections.delete(conn)) return;
    this.presence.remove(conn);
    if (this.connections.size === 0) this.options.onUnload(this);
  }

  /** The SyncStep2 answer to a client's state vector. */
  replyToSyncStep1(stateVector: Uint8Array): Uint8Array {
    return this.encoded.replyTo(stateVector);
  }

  /** Answers a client's SyncStep1, once no change of memory waits for its commit. */
  answerSyncStep1(conn: DocConnection, stateVector: Uint8Array): void {
    if (this.writing || this.reloading) this.waitingAnswers.push({ conn, stateVector });
    else conn.send(this.replyToSyncStep1(stateVector));
  }

  /**
   * Queues one update from a client, to be stored, applied and sent on at the end of
   * this turn. When storage refuses it, the sender is told through `changeRefused`.
   * `message` is the client's own Update message when it can be forwarded unchanged.
   */
  receiveUpdate(update: Uint8Array, origin: DocConnection, message: Uint8Array | null): void {
    this.queue.push({ update, origin, message });
    // Under load one turn may bring hundreds of changes: a full batch is stored and sent
    // on at once, so the first changes do not wait for the last to be stored, and the
    // clients already have them while the rest are stored.
    if (this.queue.length >= MAX_BATCH) this.flushNow();
    else if (this.flushScheduled || performance.now() - this.lastBatchAt < QUIET_MS) this.scheduleFlush();
    else this.flushNow();
  }

  /**
   * Makes a change on behalf of the server (e.g. a comment written for a signed-in
   * person), after the updates already queued, stored and sent to every client like any
   * other update. `alsoStore` writes what must be stored with the change (the snapshot
   * a restore saves first) in the change's transaction. When storage refuses either, the
   * error is thrown (a store that writes asynchronously rejects the returned Promise
   * instead), and memory keeps nothing of the change.
   */
  changeAsServer(change: (doc: Y.Doc) => void, userId: string | null, alsoStore?: (tx: Sql) => Promise<void>): void | Promise<void> {
    if (this.successor) return this.successor.changeAsServer(change, userId, alsoStore);
    if (this.destroyed && this.discarded) throw new StoreError('STORAGE_FAILURE', `${this.name} could not be read again from storage`);
    // The updates queued before it go first; with a write in flight (or the document
    // being read again), the change waits for it.
    if (!this.writing) this.flushNow();
    if (this.writing || this.reloading) {
      return new Promise<void>((resolve, reject) =>
        this.waitingChanges.push(() => Promise.resolve().then(() => this.changeAsServer(change, userId, alsoStore)).then(resolve, reject)),
      );
    }
    const serverOrigin = new ServerOrigin(userId);
    let update: Uint8Array | null = null;
    let changedMemory = false;
    const stage = (): UpdateRow[] => {
      const updates: Uint8Array[] = [];
      const capture = (u: Uint8Array, origin: unknown) => origin === serverOrigin && updates.push(u);
      this.doc.on('update', capture);
      try {
        this.doc.transact(() => change(this.doc), serverOrigin);
      } finally {
        this.doc.off('update', capture);
        changedMemory = updates.length > 0;
      }
      if (alsoStore) this.options.docs.staged.add(alsoStore);
      if (updates.length === 0) return [];
      update = updates.length === 1 ? updates[0] : Y.mergeUpdates(updates);
      return [{ update, userId }];
    };
    const stored = (lastId: number) => {
      if (update) this.committed([{ update, origin: null, message: null }], lastId);
    };
    const refused = (err: unknown) => {
      // Memory may hold the change that was not stored: storage refused it, or a write
      // stored with it failed. (A change that refuses itself checks before it writes anything.)
      if (err instanceof StoreError) this.refused([], err);
      else if (changedMemory) this.reload([]);
      throw err;
    };
    return this.write(stage, stored, refused);
  }

  /**
   * Applies a row another process stored (the command line replacing a plan's content)
   * and sends it to every client: it is in storage already, so it is only applied, as
   * loading would, and the audit trail is the writer's to keep.
   */
  applyStored(update: Uint8Array, rowId: number): void {
    if (this.successor) return this.successor.applyStored(update, rowId);
    if (this.discarded || this.destroyed || rowId <= this.loadedUpTo) return;
    try {
      Y.applyUpdate(this.doc, update, LOAD_ORIGIN);
    } catch (err) {
      // Storage has the row; the document loaded anew reads it. Memory must not keep half of it.
      this.options.logger.error('a stored update from another process could not be applied; document reloaded', { doc: this.name, err });
      return this.reload([]);
    }
    this.rows.added(1, rowId);
    this.outbox.add(updateMessage(update), null);
    this.scheduleFlush();
  }

  /**
   * Applies updates another process stored and announced (see DocFeed), numbered up to
   * `lastSeq`, and sends them to every client here; like applyStored, never stored again.
   */
  applyFromOthers(updates: Uint8Array[], lastSeq: number): void {
    if (this.successor) return this.successor.applyFromOthers(updates, lastSeq);
    if (this.discarded || this.destroyed) return;
    try {
      this.doc.transact(() => updates.forEach((u) => Y.applyUpdate(this.doc, u)), LOAD_ORIGIN);
    } catch (err) {
      this.options.logger.error('an update from another process could not be applied; document reloaded', { doc: this.name, err });
      return this.reload([]);
    }
    this.rows.added(updates.length, lastSeq);
    for (const u of updates) this.outbox.add(updateMessage(u), null);
    this.scheduleFlush();
  }

  /** Applies presence another process announced, sent on to every client here and not announced again. */
  applyPresenceFromOthers(update: Uint8Array): void {
    if (!this.discarded && !this.destroyed) this.presence.applyFromOthers(update);
  }

  /**
   * Applies a connection's presence entries. A connection sets and removes only the
   * entries it introduced (or that another connection of the same person had): any
   * other client id is dropped, so nobody can replace or remove someone else's presence.
   * `stamp` rewrites the entries that are kept (the session's name).
   */
  applyAwareness(update: Uint8Array, origin: DocConnection, stamp?: (own: Uint8Array) => Uint8Array): void {
    this.presence.apply(update, origin, stamp);
  }

  awarenessStateMessage(): Uint8Array {
    return this.presence.stateMessage();
  }

  /** Merges the stored rows into one if there are more than the threshold. Never throws. */
  compactIfDue(): void {
    if (!this.discarded && !this.destroyed) this.rows.compactIfDue();
  }

  destroy(): void {
    if (this.destroyed) return;
    if (!this.discarded) this.flushNow();
    this.destroyed = true;
    this.rows.stop();
    this.presence.destroy();
    this.doc.destroy();
  }

  /**
   * Takes the updates queued on the document this one replaces, to be stored at the end
   * of the turn: not from inside the move, where a refusal would move them once more.
   */
  private takeQueued(queued: Pending[]): void {
    this.queue.push(...queued);
    if (this.queue.length > 0) this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(this.flushTurn);
  }

  private readonly flushTurn = () => {
    if (this.flushScheduled) this.flushNow();
  };

  /** Stores and sends on what this turn queued. */
  private flushNow(): void {
    this.flushScheduled = false;
    if (this.writing || this.discarded || this.destroyed) return;
    if (this.queue.length === 0) return this.outbox.send(this.connections);
    const batch = this.queue;
    this.queue = [];
    this.lastBatchAt = performance.now();
    let failed: Pending | null = null;
    const stage = (): UpdateRow[] =>
      batch.map((p) => {
        failed = p;
        Y.applyUpdate(this.doc, p.update, p.origin);
        failed = null;
        return { update: p.update, userId: p.origin.userId };
      });
    const refused = (err: unknown) => {
      if (err instanceof StoreError) return this.refused(batch, err);
      // Not expected for updates that decoded cleanly. If Yjs still refuses one, memory
      // may hold part of it; the batch was rolled back, the others go again on the
      // document loaded anew from storage.
      this.options.logger.error('update decoded but could not be applied; document reloaded', { doc: this.name, err });
      failed?.origin.close('MALFORMED_MESSAGE');
      this.reload(batch.filter((p) => p !== failed));
    };
    void this.write(stage, (lastId) => this.committed(batch, lastId), refused);
  }

  /**
   * Stores what `stage` applies, then calls `stored` or `refused`: at once with a store
   * that commits synchronously, after the Promise otherwise, holding the queue meanwhile.
   */
  private write(stage: () => UpdateRow[], stored: (lastId: number) => void, refused: (err: unknown) => void): void | Promise<void> {
    let result: number | Promise<number>;
    try {
      result = this.options.docs.appendBatch(this.name, stage);
    } catch (err) {
      return refused(err);
    }
    if (typeof result === 'number') return stored(result);
    this.writing = true;
    return result.then(
      (lastId) => {
        this.writing = false;
        stored(lastId);
        this.afterCommit();
      },
      (err) => {
        this.writing = false;
        try {
          refused(err);
        } finally {
          this.afterCommit();
        }
      },
    );
  }

  /** What waited for a write in flight: answers first (they see only committed changes), then the queue. */
  private afterCommit(): void {
    const target = this.successor ?? this;
    for (const { conn, stateVector } of this.waitingAnswers.splice(0)) target.answerSyncStep1(conn, stateVector);
    this.waitingChanges.splice(0).forEach((run) => run());
    if (this.queue.length) this.scheduleFlush();
  }

  private committed(batch: Array<Omit<Pending, 'origin'> & { origin: DocConnection | null }>, lastId: number): void {
    this.options.health?.storedChange();
    // Other processes hear of it first, so they send it to their clients while this one sends to its own.
    this.options.onStored?.(lastId, batch.length, batch.map((p) => p.update));
    for (const p of batch) this.outbox.add(p.message ?? updateMessage(p.update), p.origin);
    const presence = this.presence.takeHeld();
    if (presence) this.outbox.add(presence, null);
    this.outbox.send(this.connections);
    for (const p of batch) p.origin?.changeStored();
    this.rows.added(batch.length, lastId);
  }

  /** Storage refused the batch that memory took: each sender is told, the others carry on. */
  private refused(batch: Pending[], err: StoreError): void {
    this.options.health?.refusedChange(err);
    this.reload([], () => batch.forEach((p) => p.origin.changeRefused(err)));
  }

  /**
   * Memory holds what storage does not: loads the document anew from storage and moves
   * every connection (with its presence) and every queued update to it. The clients hold
   * what storage holds, since nothing is sent on before its commit, so nothing needs
   * sending. `tell` runs on this document first, before the move. Read from a database
   * server, the connections stay here meanwhile and what they send waits in the queue.
   */
  private reload(requeue: Pending[], tell = () => {}): void {
    this.discarded = true;
    this.rows.stop();
    this.options.onUnload(this);
    tell();
    this.queue = requeue.concat(this.queue);
    if (this.connections.size === 0 && this.queue.length === 0 && this.waitingChanges.length === 0) return this.destroy();
    let fresh: SharedDoc | Promise<SharedDoc>;
    try {
      if (!this.options.reload) throw new Error('no way to reload');
      fresh = this.options.reload(this);
    } catch (err) {
      return this.reloadFailed(err);
    }
    if (!(fresh instanceof Promise)) return this.moveTo(fresh);
    this.reloading = true;
    fresh.then(
      (doc) => {
        this.reloading = false;
        this.moveTo(doc);
        this.afterCommit();
      },
      (err) => {
        this.reloading = false;
        this.reloadFailed(err);
        this.afterCommit();
      },
    );
  }

  /**
   * Storage could not be read (a database server away): nothing here may be kept or
   * sent on, so every connection is closed as storage being unavailable; the browsers
   * keep their changes and offer them again when they reconnect.
   */
  private reloadFailed(err: unknown): void {
    this.options.logger.error('could not load a document again after a refused change', { doc: this.name, err });
    for (const conn of this.connections) conn.close('STORAGE_FAILURE');
    this.waitingAnswers = [];
    this.destroy();
  }

  private moveTo(fresh: SharedDoc): void {
    const queued = this.queue;
    this.queue = [];
    this.outbox.send(this.connections);
    for (const conn of [...this.connections]) {
      const presence = this.presence.release(conn);
      this.connections.delete(conn);
      conn.movedTo(fresh);
      fresh.connections.add(conn);
      if (presence) fresh.presence.takeOver(conn, presence);
    }
    fresh.takeQueued(queued);
    this.successor = fresh;
    this.destroy();
  }
}
