import type Database from 'better-sqlite3';

// The only SQL for the discussion's read state: when each person last read each item's
// discussion (discussion_reads, migration 004) and up to when they have marked the
// plan's news as seen (news_seen, migration 006). Times are milliseconds from the
// server's clock, handed in by the caller.

export class DiscussionStore {
  private readonly selectReads;
  private readonly upsertRead;
  private readonly selectSeen;
  private readonly upsertSeen;

  constructor(db: Database.Database) {
    this.selectReads = db.prepare('SELECT item_id, read_at FROM discussion_reads WHERE user_id = ? AND plan_id = ?').raw();
    // A read never moves back in time, whatever order requests arrive in.
    this.upsertRead = db.prepare(
      `INSERT INTO discussion_reads (user_id, plan_id, item_id, read_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (user_id, plan_id, item_id) DO UPDATE SET read_at = max(read_at, excluded.read_at)`,
    );
    this.selectSeen = db.prepare('SELECT seen_until FROM news_seen WHERE user_id = ? AND plan_id = ?').pluck();
    // Nor does "seen": a view marked seen in an older tab cannot bring back what a newer one acknowledged.
    this.upsertSeen = db.prepare(
      `INSERT INTO news_seen (user_id, plan_id, seen_until) VALUES (?, ?, ?)
       ON CONFLICT (user_id, plan_id) DO UPDATE SET seen_until = max(seen_until, excluded.seen_until)
       RETURNING seen_until`,
    ).pluck();
  }

  /** When the person last read each item's discussion, by item id. */
  readsOf(userId: string, planId: string): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [itemId, readAt] of this.selectReads.all(userId, planId) as [string, number][]) out[itemId] = readAt;
    return out;
  }

  markRead(userId: string, planId: string, itemId: string, at: number): void {
    this.upsertRead.run(userId, planId, itemId, at);
  }

  /** Up to when the person has marked the plan's news as seen; undefined if never. */
  seenUntil(userId: string, planId: string): number | undefined {
    return this.selectSeen.get(userId, planId) as number | undefined;
  }

  /** Marks the plan's news seen up to the moment (never earlier than before); returns where news now starts. */
  markSeen(userId: string, planId: string, until: number): number {
    return this.upsertSeen.get(userId, planId, until) as number;
  }
}
