import type { Sql } from './sql/Sql';

// The only SQL for the discussion's read state: when each person last read each item's
// discussion (discussion_reads, migration 004) and up to when they have marked the
// plan's news as seen (news_seen, migration 006). Times are milliseconds from the
// server's clock, handed in by the caller.

export class DiscussionStore {
  constructor(private readonly sql: Sql) {}

  /** When the person last read each item's discussion, by item id. */
  async readsOf(userId: string, planId: string): Promise<Record<string, number>> {
    const rows = await this.sql.all<{ item_id: string; read_at: number }>(
      'SELECT item_id, read_at FROM discussion_reads WHERE user_id = ? AND plan_id = ?',
      [userId, planId],
    );
    return Object.fromEntries(rows.map((r) => [r.item_id, r.read_at]));
  }

  async markRead(userId: string, planId: string, itemId: string, at: number): Promise<void> {
    // A read never moves back in time, whatever order requests arrive in.
    await this.sql.run(
      `INSERT INTO discussion_reads (user_id, plan_id, item_id, read_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (user_id, plan_id, item_id) DO UPDATE SET read_at =
         CASE WHEN excluded.read_at > discussion_reads.read_at THEN excluded.read_at ELSE discussion_reads.read_at END`,
      [userId, planId, itemId, at],
    );
  }

  /** Up to when the person has marked the plan's news as seen; undefined if never. */
  async seenUntil(userId: string, planId: string): Promise<number | undefined> {
    const row = await this.sql.get<{ seen_until: number }>('SELECT seen_until FROM news_seen WHERE user_id = ? AND plan_id = ?', [userId, planId]);
    return row?.seen_until;
  }

  /** Marks the plan's news seen up to the moment (never earlier than before); returns where news now starts. */
  async markSeen(userId: string, planId: string, until: number): Promise<number> {
    // Nor does "seen": a view marked seen in an older tab cannot bring back what a newer one acknowledged.
    const row = await this.sql.get<{ seen_until: number }>(
      `INSERT INTO news_seen (user_id, plan_id, seen_until) VALUES (?, ?, ?)
       ON CONFLICT (user_id, plan_id) DO UPDATE SET seen_until =
         CASE WHEN excluded.seen_until > news_seen.seen_until THEN excluded.seen_until ELSE news_seen.seen_until END
       RETURNING seen_until`,
      [userId, planId, until],
    );
    return row!.seen_until;
  }
}
