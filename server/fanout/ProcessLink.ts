import type { Logger } from '../logger';
import type { StoredDoc } from '../store/DocStore';
import type { PostgresDocStore } from '../store/PostgresDocStore';
import type { SharedDoc, SharedDocOptions } from '../sync/SharedDoc';
import { DocFeed } from './DocFeed';
import type { RedisFanout } from './RedisFanout';

/**
 * Links this process's loaded documents to the other processes on the same PostgreSQL
 * database, through Redis: one DocFeed per loaded document passes on what this process
 * committed and its presence, and applies what the others committed. A document just
 * loaded, and every document after Redis was away, first reads from the database what
 * was committed since its rows were read.
 */
export class ProcessLink {
  private readonly feeds = new Map<string, { doc: SharedDoc; feed: DocFeed }>();
  private readonly stopReconnects: () => void;

  constructor(
    private readonly fanout: RedisFanout,
    private readonly docs: Pick<PostgresDocStore, 'rowsAfter'>,
    private readonly logger: Logger,
  ) {
    this.stopReconnects = fanout.onReconnected(() => {
      for (const { feed } of this.feeds.values()) void feed.catchUp();
    });
  }

  /** What a document tells its feed: its commits (numbered up to lastId) and its presence. */
  hooks(name: string): Pick<SharedDocOptions, 'onStored' | 'onPresence'> {
    return {
      onStored: (lastId, count, updates) => this.feeds.get(name)?.feed.committed(lastId - count + 1, lastId, updates),
      onPresence: (update) => this.feeds.get(name)?.feed.presence(update),
    };
  }

  loaded(doc: SharedDoc, stored: StoredDoc): void {
    const feed = new DocFeed(doc.name, stored.lastId, {
      store: this.docs,
      fanout: this.fanout,
      target: {
        applyStored: (updates, lastSeq) => doc.applyFromOthers(updates, lastSeq),
        applyPresence: (update) => doc.applyPresenceFromOthers(update),
      },
      logger: this.logger,
    });
    this.feeds.set(doc.name, { doc, feed });
    // What was committed between reading the rows and hearing the document's channel.
    void feed.catchUp();
  }

  unloaded(doc: SharedDoc): void {
    const linked = this.feeds.get(doc.name);
    if (linked?.doc !== doc) return;
    linked.feed.close();
    this.feeds.delete(doc.name);
  }

  close(): void {
    this.stopReconnects();
    for (const { feed } of this.feeds.values()) feed.close();
    this.feeds.clear();
  }
}
