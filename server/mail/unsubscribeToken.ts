import { createHmac, timingSafeEqual } from 'node:crypto';
import { isMailKind, type MailKind } from '../../shared/mail/MailKind';

// One-click unsubscribe links work without signing in, so the link itself is the
// proof: `<userId>.<kind>.<signature>`, signed with the installation's own key
// (mail_keys). It can switch off one kind of mail for one person and nothing else, and
// it cannot be made for another person or kind without the key.

const TOKEN = /^([A-Za-z0-9_-]{1,64})\.([a-z_]{1,32})\.([A-Za-z0-9_-]{43})$/;

const sign = (secret: Buffer, userId: string, kind: MailKind) =>
  createHmac('sha256', secret).update(`unsubscribe\n${userId}\n${kind}`).digest('base64url');

export const unsubscribeToken = (secret: Buffer, userId: string, kind: MailKind) => `${userId}.${kind}.${sign(secret, userId, kind)}`;

/** The person and kind a token was made for, or null for anything we did not sign. */
export function readUnsubscribeToken(secret: Buffer, token: string): { userId: string; kind: MailKind } | null {
  const match = TOKEN.exec(token);
  if (!match) return null;
  const [, userId, kind, signature] = match;
  if (!isMailKind(kind)) return null;
  const expected = Buffer.from(sign(secret, userId, kind));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? { userId, kind } : null;
}
