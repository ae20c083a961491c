import type { RoundNotice } from '../../shared/rounds/RoundNotice';
import { PlanStore } from '../store/PlanStore';
import type { Sql } from '../store/sql/Sql';
import { Outbox, type MailContext, type QueueResult } from './Outbox';

/**
 * Queues the mails of a consultation round's notice: one per recipient, in their own
 * language, linking to the round and to each item asked about. Pass `tx`, the
 * transaction that opens, reminds or closes the round, so the round's change and its
 * mails are stored together. People who are deactivated, unknown or have switched
 * round mails off get none; the hourly limit may hold one for the digest.
 */
export async function queueRoundNotice(tx: Sql, notice: RoundNotice, context: MailContext): Promise<QueueResult[]> {
  const planTitle = (await new PlanStore(tx).get(notice.planId))?.title ?? notice.planId;
  return new Outbox(tx, context).queueAll(notice.recipientIds, { kind: 'round', notice, planTitle });
}
