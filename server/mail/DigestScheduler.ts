import { digestSlot } from '../../shared/mail/digestSlot';
import type { DigestPlan } from '../../shared/mail/MailEvent';
import type { WhatsNew } from '../discussion/WhatsNew';
import type { Logger } from '../logger';
import type { PlanStore } from '../store/PlanStore';
import type { Sql } from '../store/sql/Sql';
import type { Outbox } from './Outbox';

// Makes the digests of "Nytt sedan ditt senaste besök" on the clock it is given. A
// person's digest covers from where their last one ended (or where they last marked
// the plan's news seen, if later) up to now, over every plan, and gathers the mails
// the hourly limit held back. A digest with nothing in it is not sent. Who has mails
// held gets a digest at the next daily slot whatever their own choice (also "off"):
// held mails are never dropped.

export interface DigestSchedulerDeps {
  outbox: Outbox;
  news: Pick<WhatsNew, 'between' | 'seenUntil'>;
  plans: Pick<PlanStore, 'list'>;
  /** DIGEST_HOUR. */
  hour: number;
  now: () => number;
  logger: Logger;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export class DigestScheduler {
  constructor(private readonly deps: DigestSchedulerDeps) {}

  /** Makes every digest due now; returns how many mails were queued. */
  async tick(): Promise<number> {
    const { outbox, hour } = this.deps;
    const now = this.deps.now();
    const daily = digestSlot(now, 'daily', hour);
    const weekly = digestSlot(now, 'weekly', hour);
    const held = new Set(await outbox.store.usersWithHeld());
    let queued = 0;
    for (const person of await outbox.preferences.digestPeople()) {
      const due = held.has(person.id) ? daily : person.frequency === 'daily' ? daily : person.frequency === 'weekly' ? weekly : null;
      if (due === null || (person.slot !== null && person.slot >= due)) continue;
      try {
        if (await this.digestFor(person.id, person.frequency, person.slot === null ? null : person.until, due, now)) queued++;
      } catch (err) {
        this.deps.logger.error('could not make a digest; it is tried again at the next look', { user: person.id, err });
      }
    }
    return queued;
  }

  /**
   * One person's digest, in one transaction with the record that it was made. The news
   * is read before; the record is read again in the transaction under a lock on the
   * person's digest, so processes looking at the digests at the same moment make each
   * one once.
   */
  private async digestFor(userId: string, frequency: 'off' | 'daily' | 'weekly', lastUntil: number | null, slot: number, now: number): Promise<boolean> {
    // A person's first slot only starts their digests: nobody gets last week's news
    // the moment they are added or the installation is upgraded.
    const starting = lastUntil === null && (await this.deps.outbox.store.held(userId)).length === 0;
    const period = frequency === 'weekly' ? 7 * DAY_MS : DAY_MS;
    const since = lastUntil ?? now - period;
    const plans = starting || frequency === 'off' ? [] : await this.news(userId, since, now);
    return this.deps.outbox.sql.transaction(async (tx) => {
      const outbox = this.deps.outbox.on(tx);
      await tx.lock(`digest:${userId}`);
      const last = await outbox.preferences.digest(userId);
      if ((last.slot === null ? null : last.until) !== lastUntil || (last.slot !== null && last.slot >= slot)) return false;
      const held = await outbox.store.held(userId);
      await outbox.preferences.recordDigest(userId, slot, now);
      if (starting || (plans.length === 0 && held.length === 0)) return false;
      const result = await outbox.queue(userId, {
        kind: 'digest',
        frequency,
        since,
        until: now,
        plans,
        gathered: held.map((m) => ({ subject: m.subject, url: m.link, at: m.createdAt })),
      });
      if (!result.queued) return false;
      await outbox.store.markGathered(
        held.map((m) => m.id),
        result.id,
      );
      return true;
    });
  }

  /** What is new for the person on each plan from `since` up to `until`. */
  private async news(userId: string, since: number, until: number): Promise<DigestPlan[]> {
    const plans: DigestPlan[] = [];
    for (const plan of await this.deps.plans.list()) {
      const from = Math.max(since, (await this.deps.news.seenUntil({ id: userId }, plan.id)) ?? since);
      const report = await this.deps.news.between({ id: userId }, plan.id, from, until);
      if (report.items.length) plans.push({ planId: plan.id, planTitle: plan.title, items: report.items });
    }
    return plans;
  }
}
