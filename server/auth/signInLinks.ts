import type { LinkPurpose, PeopleStore, UserRecord } from '../store/PeopleStore';
import type { Sql } from '../store/sql/Sql';
import type { AccessEvents } from './AccessEvents';
import type { AuthConfig } from './authConfig';
import { AuthError } from './AuthError';
import { hashPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password';
import { toSessionUser, type SessionUser, type Sessions } from './sessions';
import { hashToken, looksLikeToken, newToken } from './tokens';

// Invitation and reset links: the secretariat makes one, the person opens it, sets a
// password and is signed in. A link is valid for a week, works once, and a newer link
// for the same person retires the older ones. The token travels in the URL fragment,
// which browsers never send to a server or in a Referer.

export interface LinkDeps {
  people: PeopleStore;
  sessions: Sessions;
  events: AccessEvents;
  config: Pick<AuthConfig, 'linkValidMs' | 'publicOrigin'>;
  now: () => number;
  /** Queues the link's mail to its person, in the caller's transaction; true when a mail will go out. */
  mailLink?: MailLink;
}

/** Queues a link's mail through `tx`, the transaction that makes the link; resolves true when a mail will go out. */
export type MailLink = (tx: Sql, user: UserRecord, link: SignInLink) => Promise<boolean>;

export interface SignInLink {
  url: string;
  purpose: LinkPurpose;
  expiresAt: number;
}

export const LINK_FRAGMENT = 'invitation';

const INVALID = 'Länken är ogiltig, redan använd eller för gammal. Be kansliet om en ny.';

/** A new invitation (no password yet) or reset link for an active person. */
export async function makeSignInLink(deps: LinkDeps, userId: string, createdBy: string | null): Promise<SignInLink> {
  const user = await deps.people.getUser(userId);
  if (!user) throw new AuthError('USER_NOT_FOUND', 'Personen finns inte.');
  if (!user.active) throw new AuthError('ACCOUNT_DEACTIVATED', 'Personen är avaktiverad. Aktivera kontot först.');
  const token = newToken();
  const now = deps.now();
  const expiresAt = now + deps.config.linkValidMs;
  const purpose: LinkPurpose = user.hasPassword ? 'reset' : 'invite';
  await deps.people.createLink(hashToken(token), userId, purpose, createdBy, now, expiresAt);
  return { url: `${deps.config.publicOrigin}/#${LINK_FRAGMENT}=${token}`, purpose, expiresAt };
}

/**
 * A new link made by the secretariat, also mailed to the person (in the same
 * transaction) unless they switched such mails off. The link is still handed back, for
 * the secretariat to pass on where mail does not reach.
 */
export function sendSignInLink(deps: LinkDeps, userId: string, createdBy: string | null): Promise<{ link: SignInLink; mailed: boolean }> {
  return deps.people.transaction(async (people) => {
    const link = await makeSignInLink({ ...deps, people }, userId, createdBy);
    return { link, mailed: await mailLink({ ...deps, people }, userId, link) };
  });
}

/** Queues the link's mail through the store `deps.people` is bound to (the caller's transaction). */
export async function mailLink(deps: Pick<LinkDeps, 'people' | 'mailLink'>, userId: string, link: SignInLink): Promise<boolean> {
  const user = await deps.people.getUser(userId);
  return user !== null && deps.mailLink !== undefined && deps.mailLink(deps.people.sql, user, link);
}

async function openLink(deps: Pick<LinkDeps, 'people' | 'now'>, token: unknown) {
  if (!looksLikeToken(token)) throw new AuthError('LINK_INVALID', INVALID);
  const link = await deps.people.findLink(hashToken(token));
  const user = link && (await deps.people.getUser(link.userId));
  if (!link || !user || !user.active || link.usedAt !== null || link.expiresAt <= deps.now()) {
    throw new AuthError('LINK_INVALID', INVALID);
  }
  return { link, user, tokenHash: hashToken(token) };
}

/** Who a link is for, so the page can greet them before they choose a password. */
export async function inspectLink(deps: LinkDeps, token: unknown): Promise<{ name: string; email: string; purpose: LinkPurpose }> {
  const { link, user } = await openLink(deps, token);
  return { name: user.name, email: user.email, purpose: link.purpose };
}

export function checkNewPassword(password: unknown): string {
  if (typeof password !== 'string' || password.length < PASSWORD_MIN_LENGTH) {
    throw new AuthError('INVALID_INPUT', `Lösenordet måste ha minst ${PASSWORD_MIN_LENGTH} tecken.`);
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    throw new AuthError('INVALID_INPUT', `Lösenordet får ha högst ${PASSWORD_MAX_LENGTH} tecken.`);
  }
  return password;
}

/**
 * Sets the person's password from a link, uses the link up and signs them in. Any
 * other session of theirs ends: after a reset, whoever knew the old password is out.
 */
export async function acceptLink(deps: LinkDeps, token: unknown, password: unknown): Promise<{ token: string; user: SessionUser }> {
  await openLink(deps, token);
  const hash = await hashPassword(checkNewPassword(password));
  const result = await deps.people.transaction(async (people) => {
    // Checked again after hashing: the link may have been used meanwhile.
    const { link, user, tokenHash } = await openLink({ people, now: deps.now }, token);
    if (!(await people.useLink(tokenHash, deps.now()))) throw new AuthError('LINK_INVALID', INVALID);
    await people.setPasswordHash(user.id, hash, deps.now());
    const sessions = deps.sessions.on(people);
    await sessions.endAllOf(user.id);
    return { token: await sessions.start(link.userId), user: toSessionUser(user) };
  });
  deps.events.emit('changed', result.user.id);
  return result;
}
