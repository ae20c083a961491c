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

export interface Baseline {
  takenAt: number;
  state: Uint8Array;
}

export class DiscussionStore {
  private readonly selectReads;
  private readonly selectBaseline;
  private readonly selectLastBaselineAt;
  private readonly insertBaseline;
  private readonly deleteBaselines;
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
    this.selectBaseline = db.prepare(
      'SELECT taken_at AS takenAt, state FROM plan_baselines WHERE plan_id = ? AND taken_at <= ? ORDER BY taken_at DESC LIMIT 1',
    );
    this.selectLastBaselineAt = db.prepare('SELECT max(taken_at) FROM plan_baselines WHERE plan_id = ?').pluck();
    this.insertBaseline = db.prepare('INSERT OR IGNORE INTO plan_baselines (plan_id, taken_at, state) VALUES (?, ?, ?)');
    this.deleteBaselines = db.prepare('DELETE FROM plan_baselines WHERE plan_id = ? AND taken_at < ?');
  }

  /** The newest kept state of the plan taken at or before the moment. */
  baselineAt(planId: string, at: number): Baseline | undefined {
    return this.selectBaseline.get(planId, at) as Baseline | undefined;
  }

  lastBaselineAt(planId: string): number | null {
    return (this.selectLastBaselineAt.get(planId) as number | null) ?? null;
  }

  /** Keeps the plan's state of now, and drops those taken before `dropBefore`. */
  saveBaseline(planId: string, at: number, state: Uint8Array, dropBefore: number): void {
    this.db.transaction(() => {
      this.insertBaseline.run(planId, at, state);
      this.deleteBaselines.run(planId, dropBefore);
    })();
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
