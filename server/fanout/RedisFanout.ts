import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { AccessRelay } from '../auth/AccessEvents';
import type { Logger } from '../logger';
import { decodeFanoutMessage, encodeFanoutMessage, type FanoutMessage } from './fanoutMessage';

// Processes serving the same database pass each other what they must send to their
// own clients, through Redis pub/sub: a document's committed updates and its presence
// on one channel per document, and changes of a person's access on one channel for all.
// Redis only carries; PostgreSQL is the truth. A message lost while Redis or the
// connection to it was away is read back from PostgreSQL: `onReconnected` tells when.

const PREFIX = 'planbord:';
const ACCESS = `${PREFIX}access`;
const docChannel = (docName: string) => `${PREFIX}doc:${docName}`;

export type FanoutListener = (message: FanoutMessage) => void;

export class RedisFanout {
  /** This process, as senders are named in messages. */
  readonly processId = randomUUID();
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly docs = new Map<string, Set<FanoutListener>>();
  private readonly accessListeners = new Set<(userId: string) => void>();
  private readonly reconnectListeners = new Set<() => void>();
  private wasReady = false;
  private down = false;

  constructor(
    url: string,
    private readonly logger: Logger,
  ) {
    // Reconnect every 0.1–2 s for as long as it takes; commands wait for the connection.
    const options = { maxRetriesPerRequest: null, retryStrategy: (times: number) => Math.min(100 * times, 2000), lazyConnect: true };
    // What cannot be published while Redis is away is dropped, not kept in memory to be
    // sent late: the others read it from PostgreSQL when Redis is back (onReconnected).
    this.pub = new Redis(url, { ...options, enableOfflineQueue: false });
    this.sub = new Redis(url, options);
    for (const client of [this.pub, this.sub]) client.on('error', (err) => this.wentDown(err));
    this.sub.on('ready', () => this.ready());
    this.sub.on('messageBuffer', (channel: Buffer, payload: Buffer) => this.received(channel.toString(), payload));
  }

  /** Whether Redis answers now: while it does not, changes reach only this process's clients. */
  get reachable(): boolean {
    return this.wasReady && !this.down;
  }

  /** Connects; rejects when Redis cannot be reached at start. */
  async start(): Promise<void> {
    await Promise.all([this.pub.connect(), this.sub.connect()]);
    await this.sub.subscribe(ACCESS);
  }

  /** Hears a document's messages from other processes until the returned function is called. */
  subscribe(docName: string, listener: FanoutListener): () => void {
    let listeners = this.docs.get(docName);
    if (!listeners) {
      this.docs.set(docName, (listeners = new Set()));
      this.sub.subscribe(docChannel(docName)).catch((err) => this.logger.warn('could not subscribe to a document', { doc: docName, err }));
    }
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size > 0 || this.docs.get(docName) !== listeners) return;
      this.docs.delete(docName);
      this.sub.unsubscribe(docChannel(docName)).catch(() => {});
    };
  }

  /** Tells the other processes of updates just committed, numbered firstSeq…lastSeq. */
  publishUpdates(docName: string, firstSeq: number, lastSeq: number, updates: Uint8Array[]): void {
    this.publish(docChannel(docName), { kind: 'updates', sender: this.processId, firstSeq, lastSeq, updates });
  }

  publishPresence(docName: string, update: Uint8Array): void {
    this.publish(docChannel(docName), { kind: 'presence', sender: this.processId, update });
  }

  /** Tells the other processes that a person's access changed. */
  publishAccessChanged(userId: string): void {
    this.pub.publish(ACCESS, `${this.processId} ${userId}`).catch((err) => this.logger.warn('could not announce a change of access', { err }));
  }

  onAccessChanged(listener: (userId: string) => void): () => void {
    this.accessListeners.add(listener);
    return () => this.accessListeners.delete(listener);
  }

  /** The relay AccessEvents uses to reach the other processes. */
  get accessRelay(): AccessRelay {
    return { publish: (userId) => this.publishAccessChanged(userId), subscribe: (listener) => this.onAccessChanged(listener) };
  }

  /** Called after Redis came back: messages may have been lost meanwhile. */
  onReconnected(listener: () => void): () => void {
    this.reconnectListeners.add(listener);
    return () => this.reconnectListeners.delete(listener);
  }

  async close(): Promise<void> {
    this.docs.clear();
    await Promise.all([this.pub.quit().catch(() => this.pub.disconnect()), this.sub.quit().catch(() => this.sub.disconnect())]);
  }

  private publish(channel: string, message: FanoutMessage): void {
    this.pub.publish(channel, Buffer.from(encodeFanoutMessage(message))).catch((err) => {
      // The others read it from PostgreSQL when they see the gap or Redis comes back.
      this.logger.warn('could not pass a change to the other processes', { channel, err });
    });
  }

  private received(channel: string, payload: Buffer): void {
    if (channel === ACCESS) {
      const [sender, userId] = payload.toString().split(' ');
      if (sender !== this.processId && userId) for (const listener of [...this.accessListeners]) listener(userId);
      return;
    }
    const listeners = this.docs.get(channel.slice(`${PREFIX}doc:`.length));
    const message = listeners && decodeFanoutMessage(payload);
    if (!message || message.sender === this.processId) return;
    for (const listener of [...listeners]) listener(message);
  }

  private ready(): void {
    if (this.down) this.logger.info('Redis is reachable again; reading what was missed from the database');
    this.down = false;
    if (!this.wasReady) {
      this.wasReady = true;
      return;
    }
    for (const listener of [...this.reconnectListeners]) listener();
  }

  private wentDown(err: unknown): void {
    if (this.down) return;
    this.down = true;
    this.logger.warn('Redis is unreachable: changes reach only this process’s clients until it is back', { err });
  }
}
