import type { RoundAnswer, RoundAudience, RoundEvent, RoundEventDetail, RoundItem, RoundPersonRef, RoundView } from '../../shared/rounds/RoundView';
import type { Sql } from './sql/Sql';

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

const UNCLOSED_ROUNDS = 'SELECT id FROM rounds WHERE closed_at IS NULL';

export class RoundStore {
  constructor(private readonly sql: Sql) {}

  async insert(r: NewRound): Promise<void> {
    await this.sql.run(
      `INSERT INTO rounds (id, plan_id, question, direction_id, audience, deadline, remind_days, remind_at, opened_by, opened_by_name, opened_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [r.id, r.planId, r.question, r.directionId, r.audience, r.deadline, r.reminderDays, r.remindAt, r.openedBy.id, r.openedBy.name, r.openedAt],
    );
    for (const [i, item] of r.items.entries()) {
      await this.sql.run('INSERT INTO round_items (round_id, item_id, position, activity, direction) VALUES (?, ?, ?, ?, ?)', [r.id, item.id, i, item.activity, item.direction]);
    }
    for (const id of r.recipientIds) await this.sql.run('INSERT INTO round_people (round_id, user_id) VALUES (?, ?)', [r.id, id]);
  }

  /** The round as stored, or undefined. */
  async get(id: string): Promise<RoundView | undefined> {
    const row = await this.sql.get<RoundRow>('SELECT * FROM rounds WHERE id = ?', [id]);
    return row && this.view(row);
  }

  /** The plan's rounds, newest first. */
  async forPlan(planId: string): Promise<RoundView[]> {
    const rows = await this.sql.all<RoundRow>('SELECT * FROM rounds WHERE plan_id = ? ORDER BY opened_at DESC, id', [planId]);
    return Promise.all(rows.map((row) => this.view(row)));
  }

  async addEvent(roundId: string, by: RoundPersonRef | null, at: number, detail: RoundEventDetail): Promise<void> {
    await this.sql.run('INSERT INTO round_events (round_id, kind, user_id, user_name, at, detail) VALUES (?, ?, ?, ?, ?, ?)', [
      roundId,
      detail.kind,
      by?.id ?? null,
      by?.name ?? '',
      at,
      JSON.stringify(detail),
    ]);
  }

  /** Moves an open round's deadline and reminder; `rearm` lets the reminder go out again. False if it was closed. */
  async setDeadline(id: string, deadline: number, reminderDays: number | null, remindAt: number | null, rearm: boolean): Promise<boolean> {
    const result = await this.sql.run(
      `UPDATE rounds SET deadline = ?, remind_days = ?, remind_at = ?, reminded_at = CASE WHEN ? = 1 THEN NULL ELSE reminded_at END
       WHERE id = ? AND closed_at IS NULL`,
      [deadline, reminderDays, remindAt, rearm ? 1 : 0, id],
    );
    return result.changes === 1;
  }

  /** Marks the reminder sent; false if it was already (or the round closed): it goes out once. */
  async markReminded(id: string, at: number): Promise<boolean> {
    const result = await this.sql.run('UPDATE rounds SET reminded_at = ? WHERE id = ? AND reminded_at IS NULL AND closed_at IS NULL', [at, id]);
    return result.changes === 1;
  }

  /** Closes an open round, fixing its items and answers as they are now; false if it was closed. */
  async close(id: string, at: number, by: RoundPersonRef | null, items: RoundItem[], answers: RoundAnswer[]): Promise<boolean> {
    const closed = await this.sql.run('UPDATE rounds SET closed_at = ?, closed_by = ?, closed_by_name = ? WHERE id = ? AND closed_at IS NULL', [
      at,
      by?.id ?? null,
      by?.name ?? null,
      id,
    ]);
    if (closed.changes !== 1) return false;
    for (const item of items) {
      await this.sql.run('UPDATE round_items SET activity = ?, direction = ?, deleted = ? WHERE round_id = ? AND item_id = ?', [
        item.activity,
        item.direction,
        item.deleted ? 1 : 0,
        id,
        item.id,
      ]);
    }
    for (const a of answers) {
      await this.sql.run('INSERT INTO round_answers (round_id, comment_id, item_id, thread_id, user_id, user_name, at, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
        id,
        a.commentId,
        a.itemId,
        a.threadId,
        a.personId,
        a.personName,
        a.at,
        a.text,
      ]);
    }
    return true;
  }

  /** Open rounds whose deadline has come, and open rounds whose reminder is due before their deadline. */
  async due(now: number): Promise<{ toClose: string[]; toRemind: string[] }> {
    const toClose = await this.sql.all<{ id: string }>(`${UNCLOSED_ROUNDS} AND deadline <= ? ORDER BY deadline, id`, [now]);
    const toRemind = await this.sql.all<{ id: string }>(`${UNCLOSED_ROUNDS} AND reminded_at IS NULL AND remind_at <= ? AND deadline > ? ORDER BY remind_at, id`, [now, now]);
    return { toClose: toClose.map((r) => r.id), toRemind: toRemind.map((r) => r.id) };
  }

  /** The next moment something is due (a reminder or a deadline), or null with no round open. */
  async nextDue(): Promise<number | null> {
    const row = await this.sql.get<{ next: number | null }>(
      'SELECT min(CASE WHEN reminded_at IS NULL AND remind_at < deadline THEN remind_at ELSE deadline END) AS next FROM rounds WHERE closed_at IS NULL',
    );
    return row?.next ?? null;
  }

  private async view(row: RoundRow): Promise<RoundView> {
    const items = await this.sql.all<Omit<RoundItem, 'deleted'> & { deleted: number }>(
      'SELECT item_id AS id, activity, direction, deleted FROM round_items WHERE round_id = ? ORDER BY position',
      [row.id],
    );
    // lower() as PeopleStore orders names: both engines agree on it, NOCASE is SQLite's own.
    const people = await this.sql.all<{ id: string; name: string; active: number | boolean }>(
      'SELECT u.id, u.name, u.active FROM round_people p JOIN users u ON u.id = p.user_id WHERE p.round_id = ? ORDER BY lower(u.name), u.id',
      [row.id],
    );
    const answers = await this.sql.all<RoundAnswer>(
      `SELECT item_id AS "itemId", user_id AS "personId", user_name AS "personName", comment_id AS "commentId", thread_id AS "threadId", at, text
       FROM round_answers WHERE round_id = ? ORDER BY at, comment_id`,
      [row.id],
    );
    const events = await this.sql.all<EventRow>('SELECT user_id, user_name, at, detail FROM round_events WHERE round_id = ? ORDER BY id', [row.id]);
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
      items: items.map((i) => ({ ...i, deleted: Number(i.deleted) === 1 })),
      recipients: people.map((p) => ({ ...p, active: p.active === true || p.active === 1 })),
      answers,
      events: events.map((e): RoundEvent => ({ at: e.at, by: e.user_id === null ? null : { id: e.user_id, name: e.user_name }, detail: JSON.parse(e.detail) })),
    };
  }
}
