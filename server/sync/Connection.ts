import type { Duplex } from 'node:stream';
import WebSocket from 'ws';
import { rewriteAwarenessUser } from '../auth/awarenessIdentity';
import type { Logger } from '../logger';
import { StoreError } from '../store/StoreError';
import type { BinaryFrame } from './binaryFrame';
import { CLOSE_CODES, CLOSE_REASONS, type CloseCodeName } from './closeCodes';
import { RateLimit, type RateLimitOptions } from './rateLimit';
import { MalformedMessageError, MAX_PRESENCE_STATES, readMessage, type IncomingMessage } from './readMessage';
import type { DocConnection, SharedDoc } from './SharedDoc';

export interface ConnectionUser {
  id: string;
  name: string;
}

/** What the server decided about a connection before it was accepted. */
export interface ConnectionGrant {
  user: ConnectionUser | null;
  /** Read-only connections have their Update and SyncStep2 messages dropped. */
  canWrite: boolean;
}

export interface ConnectionLimits {
  /** Bytes queued for a client that stopped reading before it is closed. */
  maxBacklogBytes: number;
  /** Incoming messages and bytes; a connection that sends more is closed with 4429. */
  rateLimit: RateLimitOptions;
}

const CONNECTION = Symbol('connection');
type OwnedSocket = WebSocket & { [CONNECTION]: Connection; _socket?: Duplex };
const owner = (ws: WebSocket) => (ws as OwnedSocket)[CONNECTION];

/**
 * One websocket on one document. It decodes each message, enforces the connection's
 * right to write, and turns every failure into a close code for this connection only:
 * the document and the other connections carry on.
 */
export class Connection implements DocConnection {
  readonly user: ConnectionUser | null;
  /** May change while connected (e.g. a role change); takes effect on the next message. */
  canWrite: boolean;
  awarenessIds: Set<number> | null = null;
  /** Cleared by each ping, set by each pong; a connection still cleared at the next ping is dead. */
  alive = true;
  private closing = false;
  /** Messages that arrived while the person's access was being checked again, in order. */
  private held: Array<[Buffer, boolean]> | null = null;
  private holds = 0;
  private readonly ws: OwnedSocket;
  private readonly rate: RateLimit;

  constructor(
    ws: WebSocket,
    /** Changes only when the document is loaded anew from storage (see SharedDoc). */
    public doc: SharedDoc,
    grant: ConnectionGrant,
    private readonly limits: ConnectionLimits,
    private readonly logger: Logger,
    /** Told of each change from this connection once it is stored and applied (see changeStored). */
    private readonly onEdit: (conn: Connection) => void = () => {},
  ) {
    this.user = grant.user;
    this.canWrite = grant.canWrite;
    this.rate = new RateLimit(limits.rateLimit);
    this.ws = Object.assign(ws, { [CONNECTION]: this });
    // Shared listeners that find the connection through the socket: no closures per
    // connection, which matters with hundreds of idle ones.
    ws.on('message', Connection.onMessage);
    ws.on('pong', Connection.onPong);
    ws.on('error', Connection.onError);
    ws.on('close', Connection.onClose);
    doc.addConnection(this);
  }

  private static onMessage(this: WebSocket, data: WebSocket.RawData, isBinary: boolean): void {
    owner(this).receive(data as Buffer, isBinary);
  }

  private static onPong(this: WebSocket): void {
    owner(this).alive = true;
  }

  private static onError(this: WebSocket, err: Error): void {
    const conn = owner(this);
    conn.logger.warn('websocket error', { doc: conn.doc.name, user: conn.userId, err });
  }

  private static onClose(this: WebSocket): void {
    const conn = owner(this);
    conn.doc.removeConnection(conn);
  }

  get userId(): string | null {
    return this.user?.id ?? null;
  }

  get isOpen(): boolean {
    return !this.closing && this.ws.readyState === WebSocket.OPEN;
  }

  send(message: Uint8Array): void {
    if (this.canSend()) this.ws.send(message);
  }

  /**
   * Sends a frame built once for all receivers of a broadcast, written straight to the
   * TCP socket. Safe because every frame this server sends is written synchronously
   * (no compression, no Blob data), so `ws` never holds frames back that this one could
   * overtake.
   */
  sendFrame(frame: BinaryFrame): void {
    if (!this.canSend()) return;
    const socket = this.ws._socket;
    if (socket) socket.write(frame.bytes);
    else for (const payload of frame.payloads) this.ws.send(payload);
  }

  /** Open, and still reading: a client whose backlog passed the limit is closed instead. */
  private canSend(): boolean {
    if (!this.isOpen) return false;
    if (this.ws.bufferedAmount <= this.limits.maxBacklogBytes) return true;
    this.logger.warn('closing a connection that stopped reading', { doc: this.doc.name, user: this.userId });
    this.close('BACKLOG_FULL');
    return false;
  }

  /**
   * Starts the closing handshake and leaves the document at once: a peer that stopped
   * reading may never answer it (ws gives up after 30 s), and until then it must not
   * count as present or receive anything more.
   */
  close(reason: CloseCodeName): void {
    if (this.closing) return;
    this.closing = true;
    this.ws.close(CLOSE_CODES[reason], CLOSE_REASONS[reason]);
    this.doc.removeConnection(this);
  }

  /** Ends the connection at once, without a closing handshake (dead peers, shutdown). */
  terminate(): void {
    this.closing = true;
    this.ws.terminate();
    this.doc.removeConnection(this);
  }

  /** Calls done once the socket has closed (at once if it already has). */
  onClosed(done: () => void): void {
    if (this.ws.readyState === WebSocket.CLOSED) done();
    else this.ws.once('close', done);
  }

  ping(): void {
    this.alive = false;
    this.ws.ping();
  }

  /**
   * Keeps the messages that arrive until `check` settles, then handles them: a change
   * sent after a role was taken away must meet the new role, however long the
   * database takes to answer.
   */
  holdWhile(check: Promise<unknown>): void {
    const held = (this.held ??= []);
    this.holds++;
    void check.finally(() => {
      if (--this.holds > 0) return;
      this.held = null;
      for (const [data, isBinary] of held) this.receive(data, isBinary);
    });
  }

  private receive(data: Buffer, isBinary: boolean): void {
    if (this.closing) return;
    if (this.held) return void this.held.push([data, isBinary]);
    if (!this.rate.take(data.byteLength)) {
      this.logger.warn('too many messages; connection closed', { doc: this.doc.name, user: this.userId });
      this.close('RATE_LIMITED');
      return;
    }
    try {
      if (!isBinary) throw new MalformedMessageError('text frame');
      this.handle(readMessage(data), data);
    } catch (err) {
      this.fail(err);
    }
  }

  private handle(message: IncomingMessage, raw: Buffer): void {
    switch (message.type) {
      case 'syncStep1':
        this.doc.answerSyncStep1(this, message.stateVector);
        return;
      case 'syncStep2':
      case 'update':
        // Both carry document changes: dropping only Update would leave SyncStep2 as a way in.
        if (!this.canWrite || message.empty) return;
        this.doc.receiveUpdate(message.update, this, message.type === 'update' && message.exact ? raw : null);
        return;
      case 'awareness':
        // Presence shows the session's name, whatever the client claims about itself.
        this.doc.applyAwareness(message.update, this, this.user ? (own) => rewriteAwarenessUser(own, this.user!) : undefined);
        // Each state stays in memory until its connection leaves: one connection may not
        // pile them up. Closing removes the ones it brought.
        if ((this.awarenessIds?.size ?? 0) > MAX_PRESENCE_STATES) {
          throw new MalformedMessageError(`more than ${MAX_PRESENCE_STATES} presence states on one connection`);
        }
        return;
      case 'queryAwareness':
        this.send(this.doc.awarenessStateMessage());
        return;
    }
  }

  changeStored(): void {
    this.onEdit(this);
  }

  changeRefused(err: StoreError): void {
    this.fail(err);
  }

  movedTo(doc: SharedDoc): void {
    this.doc = doc;
  }

  /** The one place where a failed message becomes a close code. */
  private fail(err: unknown): void {
    const fields = { doc: this.doc.name, user: this.userId, err };
    if (err instanceof MalformedMessageError) {
      this.logger.warn('malformed message; connection closed', fields);
      this.close('MALFORMED_MESSAGE');
    } else if (err instanceof StoreError) {
      this.logger.error('could not store a change; connection closed, change not applied', fields);
      this.close('STORAGE_FAILURE');
    } else {
      this.logger.error('unexpected error handling a message; connection closed', fields);
      this.close('INTERNAL_ERROR');
    }
  }
}
