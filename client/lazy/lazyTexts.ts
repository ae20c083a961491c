import { useI18n } from '../i18n/I18nProvider';

// Texts shown while a part of the page that loads on demand arrives, or when it cannot be fetched.

const sv = {
  failed: 'Den här delen kunde inte laddas. Kontrollera anslutningen och försök igen.',
  retry: 'Försök igen',
  loading: 'Laddar …',
};

const en: typeof sv = {
  failed: 'This part could not be loaded. Check the connection and try again.',
  retry: 'Try again',
  loading: 'Loading …',
};

export const useLazyTexts = () => (useI18n().lang === 'en' ? en : sv);
