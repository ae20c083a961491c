// Where a mail's links go: always the installation's public address, straight to the
// card, the thread or the round. The client opens these (client/deepLink).

const query = (planId: string) => `/?plan=${encodeURIComponent(planId)}`;

export function itemLink(origin: string, planId: string, itemId: string, threadId?: string): string {
  const thread = threadId ? `&thread=${encodeURIComponent(threadId)}` : '';
  return `${origin}${query(planId)}#item=${encodeURIComponent(itemId)}${thread}`;
}

export const roundLink = (origin: string, planId: string, roundId: string) => `${origin}${query(planId)}#round=${encodeURIComponent(roundId)}`;

export const planLink = (origin: string, planId: string) => `${origin}${query(planId)}`;

/** The person's own settings page ("Mina inställningar"). */
export const SETTINGS_HASH = '#installningar';
export const settingsLink = (origin: string) => `${origin}/${SETTINGS_HASH}`;

/** The one-click unsubscribe address of a token (RFC 8058: the same URL takes GET and POST). */
export const UNSUBSCRIBE_PATH = '/api/mail/unsubscribe/';
export const unsubscribeLink = (origin: string, token: string) => `${origin}${UNSUBSCRIBE_PATH}${token}`;
