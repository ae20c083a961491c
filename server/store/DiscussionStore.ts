import type Database from 'better-sqlite3';

// The only SQL for the discussion's read state (migration 004_discussion.sql): when
// each person last read each item's discussion, and their visits to each plan. Times
// are milliseconds from the server's clock, handed in by the caller.

export interface Visit {
  /** Where "new since your last visit" starts. */
  sinceAt: number;
  /** The latest activity of the person on the plan. */
  seenAt: number;
}

export class DiscussionStore {
  private readonly selectReads;
  private readonly upsertRead;
  private readonly selectVisit;
  private readonly upsertVisit;

  constructor(private readonly db: Database.Database) {
    this.selectReads = db.prepare('SELECT item_id, read_at FROM discussion_reads WHERE user_id = ? AND plan_id = ?').raw();
    // A read never moves back in time, whatever order requests arrive in.
    this.upsertRead = db.prepare(
      `INSERT INTO discussion_reads (user_id, plan_id, item_id, read_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (user_id, plan_id, item_id) DO UPDATE SET read_at = max(read_at, excluded.read_at)`,
    );
    this.selectVisit = db.prepare('SELECT since_at AS sinceAt, seen_at AS seenAt FROM plan_visits WHERE user_id = ? AND plan_id = ?');
    this.upsertVisit = db.prepare(
      `INSERT INTO plan_visits (user_id, plan_id, since_at, seen_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (user_id, plan_id) DO UPDATE SET since_at = excluded.since_at, seen_at = excluded.seen_at`,
    );
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

  /** Reads and updates a person's visit in one transaction, so two tabs cannot race. */
  updateVisit(userId: string, planId: string, next: (current: Visit | undefined) => Visit): Visit {
    return this.db
      .transaction(() => {
        const visit = next(this.selectVisit.get(userId, planId) as Visit | undefined);
        this.upsertVisit.run(userId, planId, visit.sinceAt, visit.seenAt);
        return visit;
      })
      .immediate();
  }
}
