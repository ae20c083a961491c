import type Database from 'better-sqlite3';
import type { RoundAnswer, RoundAudience, RoundEvent, RoundEventDetail, RoundItem, RoundPersonRef, RoundView } from '../../shared/rounds/RoundView';

// The only SQL for consultation rounds (migration 015_consultation_rounds.sql). Times
// come from the caller, so one clock rules every decision. Rounds are read as they are
// stored: while a round is open its answers live in the discussion (liveRoundView).

export type NewRound = Pick<RoundView, 'id' | 'planId' | 'question' | 'directionId' | 'audience' | 'deadline' | 'reminderDays' | 'remindAt' | 'openedBy' | 'openedAt'> & {
  items: Omit<RoundItem, 'deleted'>[];
  recipientIds: string[];
};

interface RoundRow {
  id: string;
  plan_id: string;
  question: string;
  direction_id: string | null;
  audience: RoundAudience;
  deadline: number;
  remind_days: number | null;
  remind_at: number | null;
  reminded_at: number | null;
  opened_by: string;
  opened_by_name: string;
  opened_at: number;
  closed_at: number | null;
  closed_by: string | null;
  closed_by_name: string | null;
}

interface EventRow {
  user_id: string | null;
  user_name: string;
  at: number;
  detail: string;
}

export class RoundStore {
  private readonly q;

  constructor(private readonly db: Database.Database) {
    this.q = {
      insert: db.prepare(
        `INSERT INTO rounds (id, plan_id, question, direction_id, audience, deadline, remind_days, remind_at, opened_by, opened_by_name, opened_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertItem: db.prepare('INSERT INTO round_items (round_id, item_id, position, activity, direction) VALUES (?, ?, ?, ?, ?)'),
      insertPerson: db.prepare('INSERT INTO round_people (round_id, user_id) VALUES (?, ?)'),
      round: db.prepare('SELECT * FROM rounds WHERE id = ?'),
      ofPlan: db.prepare('SELECT id FROM rounds WHERE plan_id = ? ORDER BY opened_at DESC, id').pluck(),
      items: db.prepare('SELECT item_id AS id, activity, direction, deleted FROM round_items WHERE round_id = ? ORDER BY position'),
      people: db.prepare(
        `SELECT u.id, u.name, u.active FROM round_people p JOIN users u ON u.id = p.user_id
         WHERE p.round_id = ? ORDER BY u.name COLLATE NOCASE, u.id`,
      ),
      answers: db.prepare(
        `SELECT item_id AS itemId, user_id AS personId, user_name AS personName, comment_id AS commentId, thread_id AS threadId, at, text
         FROM round_answers WHERE round_id = ? ORDER BY at, comment_id`,
      ),
      events: db.prepare('SELECT user_id, user_name, at, detail FROM round_events WHERE round_id = ? ORDER BY id'),
      insertEvent: db.prepare('INSERT INTO round_events (round_id, kind, user_id, user_name, at, detail) VALUES (?, ?, ?, ?, ?, ?)'),
      setDeadline: db.prepare(
        `UPDATE rounds SET deadline = ?, remind_days = ?, remind_at = ?, reminded_at = CASE WHEN ? THEN NULL ELSE reminded_at END
         WHERE id = ? AND closed_at IS NULL`,
      ),
      markReminded: db.prepare('UPDATE rounds SET reminded_at = ? WHERE id = ? AND reminded_at IS NULL AND closed_at IS NULL'),
      close: db.prepare('UPDATE rounds SET closed_at = ?, closed_by = ?, closed_by_name = ? WHERE id = ? AND closed_at IS NULL'),
      fixItem: db.prepare('UPDATE round_items SET activity = ?, direction = ?, deleted = ? WHERE round_id = ? AND item_id = ?'),
      insertAnswer: db.prepare(
        'INSERT INTO round_answers (round_id, comment_id, item_id, thread_id, user_id, user_name, at, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      dueToClose: db.prepare('SELECT id FROM rounds WHERE closed_at IS NULL AND deadline <= ? ORDER BY deadline, id').pluck(),
      dueToRemind: db
        .prepare('SELECT id FROM rounds WHERE closed_at IS NULL AND reminded_at IS NULL AND remind_at <= ? AND deadline > ? ORDER BY remind_at, id')
        .pluck(),
      nextDue: db
        .prepare(`SELECT min(CASE WHEN reminded_at IS NULL AND remind_at < deadline THEN remind_at ELSE deadline END) FROM rounds WHERE closed_at IS NULL`)
        .pluck(),
    };
  }

  /** Runs fn in one transaction (nested calls become savepoints). */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  insert(r: NewRound): void {
    this.q.insert.run(r.id, r.planId, r.question, r.directionId, r.audience, r.deadline, r.reminderDays, r.remindAt, r.openedBy.id, r.openedBy.name, r.openedAt);
    r.items.forEach((item, i) => this.q.insertItem.run(r.id, item.id, i, item.activity, item.direction));
    for (const id of r.recipientIds) this.q.insertPerson.run(r.id, id);
  }

  /** The round as stored, or undefined. */
  get(id: string): RoundView | undefined {
    const row = this.q.round.get(id) as RoundRow | undefined;
    return row && this.view(row);
  }

  /** The plan's rounds, newest first. */
  forPlan(planId: string): RoundView[] {
    return (this.q.ofPlan.all(planId) as string[]).map((id) => this.get(id)!);
  }

  addEvent(roundId: string, by: RoundPersonRef | null, at: number, detail: RoundEventDetail): void {
    this.q.insertEvent.run(roundId, detail.kind, by?.id ?? null, by?.name ?? '', at, JSON.stringify(detail));
  }

  /** Moves an open round's deadline and reminder; `rearm` lets the reminder go out again. False if it was closed. */
  setDeadline(id: string, deadline: number, reminderDays: number | null, remindAt: number | null, rearm: boolean): boolean {
    return this.q.setDeadline.run(deadline, reminderDays, remindAt, rearm ? 1 : 0, id).changes === 1;
  }

  /** Marks the reminder sent; false if it was already (or the round closed): it goes out once. */
  markReminded(id: string, at: number): boolean {
    return this.q.markReminded.run(at, id).changes === 1;
  }

  /** Closes an open round, fixing its items and answers as they are now; false if it was closed. */
  close(id: string, at: number, by: RoundPersonRef | null, items: RoundItem[], answers: RoundAnswer[]): boolean {
    if (this.q.close.run(at, by?.id ?? null, by?.name ?? null, id).changes !== 1) return false;
    for (const item of items) this.q.fixItem.run(item.activity, item.direction, item.deleted ? 1 : 0, id, item.id);
    for (const a of answers) this.q.insertAnswer.run(id, a.commentId, a.itemId, a.threadId, a.personId, a.personName, a.at, a.text);
    return true;
  }

  /** Open rounds whose deadline has come, and open rounds whose reminder is due before their deadline. */
  due(now: number): { toClose: string[]; toRemind: string[] } {
    return { toClose: this.q.dueToClose.all(now) as string[], toRemind: this.q.dueToRemind.all(now, now) as string[] };
  }

  /** The next moment something is due (a reminder or a deadline), or null with no round open. */
  nextDue(): number | null {
    return (this.q.nextDue.get() as number | null) ?? null;
  }

  private view(row: RoundRow): RoundView {
    return {
      id: row.id,
      planId: row.plan_id,
      question: row.question,
      directionId: row.direction_id,
      audience: row.audience,
      deadline: row.deadline,
      reminderDays: row.remind_days,
      remindAt: row.remind_at,
      remindedAt: row.reminded_at,
      openedAt: row.opened_at,
      openedBy: { id: row.opened_by, name: row.opened_by_name },
      closedAt: row.closed_at,
      closedBy: row.closed_by === null ? null : { id: row.closed_by, name: row.closed_by_name ?? '' },
      items: (this.q.items.all(row.id) as Array<Omit<RoundItem, 'deleted'> & { deleted: number }>).map((i) => ({ ...i, deleted: i.deleted === 1 })),
      recipients: (this.q.people.all(row.id) as Array<{ id: string; name: string; active: number }>).map((p) => ({ ...p, active: p.active === 1 })),
      answers: this.q.answers.all(row.id) as RoundAnswer[],
      events: (this.q.events.all(row.id) as EventRow[]).map(
        (e): RoundEvent => ({ at: e.at, by: e.user_id === null ? null : { id: e.user_id, name: e.user_name }, detail: JSON.parse(e.detail) }),
      ),
    };
  }
}
