import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { Logger } from '../logger';
import type { DocStore, StoredDoc, UpdateLog } from '../store/DocStore';
import { Connection, type ConnectionGrant, type ConnectionLimits } from './Connection';
import { docNameFromUrl, type DocName } from './docName';
import { DEFAULT_RATE_LIMIT, type RateLimitOptions } from './rateLimit';
import { refuseUpgrade } from './refuseUpgrade';
import { SharedDoc, type SharedDocOptions } from './SharedDoc';
import { StorageHealth } from './StorageHealth';
import { ForeignRows } from './ForeignRows';

export interface SyncServerOptions {
  /** SQLite's store (which also notices rows other processes stored), or any other log of updates. */
  docs: UpdateLog | DocStore;
  logger: Logger;
  /** Whether a document of this name exists (unknown ones are refused with 404). */
  docExists(doc: DocName): boolean | Promise<boolean>;
  /**
   * Decides who the connection belongs to and whether it may write, before any Yjs
   * message. Throw an error with a numeric `status` (and a `code`) to refuse the
   * upgrade with that HTTP status. Defaults to an anonymous writer.
   */
  authorize?(req: IncomingMessage, doc: DocName): ConnectionGrant | Promise<ConnectionGrant>;
  compactThreshold?: number;
  /** Largest message accepted; bigger ones close the connection with 1009. */
  maxPayload?: number;
  maxBacklogBytes?: number;
  /** Incoming messages allowed per connection (see rateLimit.ts). */
  rateLimit?: RateLimitOptions;
  /** How often dead peers are looked for (ping/pong). */
  pingIntervalMs?: number;
  /** How long a document stays in memory after its last connection left (0: unloaded at once, Infinity: kept). */
  keepLoadedMs?: number;
  /** Called once for each document loaded from storage, before anyone sees it (e.g. to observe it). */
  onDocLoaded?(doc: SharedDoc, stored: StoredDoc): void;
  /** Called once a loaded document leaves the registry for good (unloaded, or loaded again in its place). */
  onDocUnloaded?(doc: SharedDoc): void;
  /** Options each document is made with, beside the server's own (the hooks of DocFeed). */
  docHooks?(name: string): Pick<SharedDocOptions, 'onStored' | 'onPresence'>;
  /** Called after a change from a connection was stored and applied (sign-in counts it as activity). */
  onEdit?(conn: Connection): void;
  /** How often to look for updates another process stored (the command line), see ForeignRows. */
  storedRowsMs?: number;
}

export const DEFAULTS = {
  compactThreshold: 500,
  maxPayload: 1024 * 1024,
  maxBacklogBytes: 16 * 1024 * 1024,
  rateLimit: DEFAULT_RATE_LIMIT,
  pingIntervalMs: 30_000,
  keepLoadedMs: 5 * 60_000,
  onDocLoaded: () => {},
  onDocUnloaded: () => {},
  docHooks: () => ({}),
  onEdit: () => {},
  storedRowsMs: 250,
};

function destroySocket(this: Duplex): void {
  this.destroy();
}

const anonymousWriter = (): ConnectionGrant => ({ user: null, canWrite: true });

/** The y-websocket endpoint: authorizes upgrades and keeps the registry of loaded documents. */
export class SyncServer {
  private readonly wss: WebSocketServer;
  private readonly docs = new Map<string, SharedDoc>();
  /** Documents nobody is connected to, and when they are let go. */
  private readonly leaving = new Map<SharedDoc, NodeJS.Timeout>();
  private readonly options: Required<SyncServerOptions>;
  private readonly pinger: NodeJS.Timeout;
  private readonly limits: ConnectionLimits;
  private closing = false;
  /** Whether the database takes changes (see StorageHealth). */
  readonly storage: StorageHealth;
  /** SQLite only: PostgreSQL's processes hear of each other's rows through Redis (DocFeed). */
  private readonly foreignRows: ForeignRows | null;
  /** Documents being read from a store that reads asynchronously. */
  private readonly loading = new Map<string, Promise<SharedDoc>>();

  constructor(options: SyncServerOptions) {
    this.options = { authorize: anonymousWriter, ...DEFAULTS, ...options };
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: this.options.maxPayload,
      perMessageDeflate: false,
      clientTracking: false,
      // Every valid message is binary; text frames are refused as malformed anyway.
      skipUTF8Validation: true,
    });
    this.storage = new StorageHealth(this.options.logger);
    this.limits = { maxBacklogBytes: this.options.maxBacklogBytes, rateLimit: this.options.rateLimit };
    this.pinger = setInterval(() => this.pingAll(), this.options.pingIntervalMs).unref();
    const docs = this.options.docs;
    this.foreignRows = 'dataVersion' in docs ? new ForeignRows(docs, (name) => this.docs.get(name), this.options.logger, this.options.storedRowsMs) : null;
  }

  /** Serves websocket upgrades of an HTTP server. */
  attach(server: Server): void {
    server.on('upgrade', (req, socket, head) => void this.handleUpgrade(req, socket, head));
  }

  /**
   * The loaded document of that name, loading it from storage on first use. A store
   * that reads asynchronously (PostgreSQL) must have loaded it first (loadDoc).
   */
  getDoc(name: string): SharedDoc {
    const doc = this.docs.get(name);
    if (doc) return doc;
    const stored = this.options.docs.load(name);
    if (stored instanceof Promise) {
      stored.catch(() => {});
      throw new Error(`${name} is not loaded yet`);
    }
    return this.create(name, stored);
  }

  /** The loaded document of that name, read from storage first when it is not loaded. */
  async loadDoc(name: string): Promise<SharedDoc> {
    const doc = this.docs.get(name);
    if (doc) return doc;
    let loading = this.loading.get(name);
    if (!loading) {
      const stored = this.options.docs.load(name);
      if (!(stored instanceof Promise)) return this.create(name, stored);
      loading = stored
        .then((rows) => this.docs.get(name) ?? this.create(name, rows))
        .finally(() => this.loading.delete(name));
      this.loading.set(name, loading);
    }
    return loading;
  }

  /** The document, at once when it is loaded or storage reads at once (SQLite), else once read. */
  readyDoc(name: string): SharedDoc | Promise<SharedDoc> {
    return this.docs.get(name) ?? (this.foreignRows ? this.getDoc(name) : this.loadDoc(name));
  }

  private create(name: string, stored: StoredDoc): SharedDoc {
    let doc = this.docs.get(name);
    if (!doc) {
      const hooks = this.options.docHooks(name);
      doc = new SharedDoc(name, {
        onPresence: hooks.onPresence,
        stored,
        docs: this.options.docs,
        logger: this.options.logger,
        compactThreshold: this.options.compactThreshold,
        onUnload: (d) => this.unload(d),
        reload: (stale) => {
          if (this.docs.get(stale.name) === stale) this.docs.delete(stale.name);
          return this.readyDoc(stale.name);
        },
        health: this.storage,
        onStored: (lastId, count, updates) => {
          this.foreignRows?.stored(lastId, count);
          hooks.onStored?.(lastId, count, updates);
        },
      });
      this.options.onDocLoaded(doc, stored);
      this.docs.set(name, doc);
    }
    return doc;
  }

  *connections(): Iterable<Connection> {
    for (const doc of this.docs.values()) {
      for (const conn of doc.connections) yield conn as unknown as Connection;
    }
  }

  stats(): { documents: number; connections: number } {
    let connections = 0;
    for (const doc of this.docs.values()) connections += doc.connections.size;
    return { documents: this.docs.size, connections };
  }

  /**
   * Closes every connection with 1001 (clients reconnect to the next server), waits
   * briefly for them to go, and unloads every document, compacting where due.
   */
  async close(graceMs = 2000): Promise<void> {
    this.closing = true;
    clearInterval(this.pinger);
    this.foreignRows?.stop();
    const all = [...this.connections()];
    const gone = Promise.all(all.map((c) => new Promise<void>((done) => c.onClosed(done))));
    all.forEach((c) => c.close('GOING_AWAY'));
    const timer = new Promise<void>((done) => setTimeout(done, graceMs).unref());
    await Promise.race([gone, timer]);
    // Those that did not answer the closing handshake in time are cut off.
    all.forEach((c) => c.terminate());
    for (const doc of [...this.docs.values()]) this.unload(doc, true);
    this.wss.close();
  }

  private async handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    socket.on('error', destroySocket);
    const docName = docNameFromUrl(req.url);
    if (this.closing) return refuseUpgrade(socket, 503, 'SHUTTING_DOWN');
    if (!docName) return refuseUpgrade(socket, 404, 'DOCUMENT_NOT_FOUND');
    let grant: ConnectionGrant;
    try {
      grant = await this.options.authorize(req, docName);
    } catch (err) {
      const { status, code } = err as { status?: unknown; code?: unknown };
      if (typeof status === 'number' && status >= 400 && status < 600) {
        return refuseUpgrade(socket, status, typeof code === 'string' ? code : 'REFUSED');
      }
      this.options.logger.error('authorizing a websocket upgrade failed', { doc: docName.name, err });
      return refuseUpgrade(socket, 500, 'INTERNAL_ERROR');
    }
    if (socket.destroyed) return;
    if (!(await this.options.docExists(docName))) return refuseUpgrade(socket, 404, 'DOCUMENT_NOT_FOUND');
    if (socket.destroyed) return;
    let doc: SharedDoc;
    try {
      doc = await this.loadDoc(docName.name);
    } catch (err) {
      this.options.logger.error('could not load a document', { doc: docName.name, err });
      return refuseUpgrade(socket, 500, 'DOCUMENT_UNAVAILABLE');
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      // The document may have been unloaded while the handshake completed.
      const live = doc.isDiscarded || this.docs.get(doc.name) !== doc ? this.getDoc(doc.name) : doc;
      new Connection(ws, live, grant, this.limits, this.options.logger, this.options.onEdit);
    });
  }

  private unload(doc: SharedDoc, force = false): void {
    // A page reload, or people arriving at a meeting one by one, find the document
    // still in memory instead of waiting for it to be read again.
    clearTimeout(this.leaving.get(doc));
    this.leaving.delete(doc);
    if (!force && !doc.isDiscarded && doc.connections.size === 0 && this.options.keepLoadedMs === Infinity) return;
    if (!force && !doc.isDiscarded && doc.connections.size === 0 && this.options.keepLoadedMs > 0) {
      const timer = setTimeout(() => {
        this.leaving.delete(doc);
        if (doc.connections.size === 0) this.unload(doc, true);
      }, this.options.keepLoadedMs);
      this.leaving.set(doc, timer.unref());
      return;
    }
    if (this.docs.get(doc.name) === doc) {
      this.docs.delete(doc.name);
      this.options.onDocUnloaded(doc);
    }
    if (doc.connections.size > 0 && !force) return; // a discarded document goes when its last connection does
    doc.compactIfDue();
    doc.destroy();
  }

  private pingAll(): void {
    for (const conn of this.connections()) {
      if (conn.alive) conn.ping();
      else conn.terminate();
    }
  }
}
