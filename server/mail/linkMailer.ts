import type { MailLink } from '../auth/signInLinks';
import type { Outbox } from './Outbox';

/** Queues a sign-in link's mail to its person in the link's transaction; true when it will go out (createAuth's mailLink). */
export const linkMailer =
  (outbox: Outbox): MailLink =>
  async (tx, user, link) =>
    (await outbox.on(tx).queue(user.id, { kind: 'sign_in_link', purpose: link.purpose, url: link.url, expiresAt: link.expiresAt })).queued;
