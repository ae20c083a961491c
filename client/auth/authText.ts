import { useI18n } from '../i18n/I18nProvider';
import type { Messages } from '../../shared/i18n/sv';

export type AuthText = Messages['auth'];

/** The texts of sign-in, choosing a password and the Personer page, in the chosen language. */
export const useAuthText = (): AuthText => useI18n().t.auth;
