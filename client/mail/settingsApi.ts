import type { DigestFrequency, MailKind, MailLanguage } from '../../shared/mail/MailKind';
import { apiFetch } from '../auth/apiFetch';

/** What GET/PUT /api/me/settings speak: the person's language and their mail. */
export interface MySettings {
  /** Null until the person chooses one (mails are then Swedish). */
  language: MailLanguage | null;
  digest: DigestFrequency;
  kinds: Record<Exclude<MailKind, 'digest'>, boolean>;
}

export const settingsApi = {
  get: (background = false) => apiFetch<MySettings>('/api/me/settings', { background }),
  save: (change: Partial<MySettings>) => apiFetch<MySettings>('/api/me/settings', { method: 'PUT', body: change }),
};
