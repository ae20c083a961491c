import { useI18n } from '../i18n/I18nProvider';

// Texts of the "who has this card open" marker, in Swedish and English.

const list = (names: string[], and: string) => (names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} ${and} ${names[names.length - 1]}`);

const sv = {
  openBy: (names: string[]) => `Öppen hos ${list(names, 'och')}`,
};

const en: typeof sv = {
  openBy: (names: string[]) => `Open for ${list(names, 'and')}`,
};

export const useViewersTexts = () => (useI18n().lang === 'en' ? en : sv);
