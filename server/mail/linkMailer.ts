import type { SignInLink } from '../auth/signInLinks';
import type { UserRecord } from '../store/PeopleStore';
import type { Outbox } from './Outbox';

/** Queues a sign-in link's mail to its person; true when it will go out (createAuth's mailLink). */
export const linkMailer =
  (outbox: Outbox) =>
  (user: UserRecord, link: SignInLink): boolean =>
    outbox.queue(user.id, { kind: 'sign_in_link', purpose: link.purpose, url: link.url, expiresAt: link.expiresAt }).queued;
