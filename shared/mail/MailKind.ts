// The kinds of mail Planbord sends. Each can be switched off by the person it goes to,
// on their settings page or with the one-click unsubscribe link in the mail itself.

export const MAIL_KINDS = ['sign_in_link', 'mention', 'reply', 'round', 'meeting', 'digest'] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

export const isMailKind = (value: unknown): value is MailKind => (MAIL_KINDS as readonly unknown[]).includes(value);

export const MAIL_LANGUAGES = ['sv', 'en'] as const;
export type MailLanguage = (typeof MAIL_LANGUAGES)[number];

export const isMailLanguage = (value: unknown): value is MailLanguage => value === 'sv' || value === 'en';

/** How often a person gets "Nytt sedan ditt senaste besök" by mail. */
export const DIGEST_FREQUENCIES = ['off', 'daily', 'weekly'] as const;
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];

export const isDigestFrequency = (value: unknown): value is DigestFrequency => (DIGEST_FREQUENCIES as readonly unknown[]).includes(value);
