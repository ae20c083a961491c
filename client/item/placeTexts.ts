import { useI18n } from '../i18n/I18nProvider';

// The item dialog's place in the column, in Swedish and English.

const sv = {
  label: 'Plats i kolumnen',
  hint: 'Var kortet står bland de andra korten med samma status i samma inriktning.',
  only: 'Först (inga andra kort)',
  first: (name: string) => `Först, före ${name}`,
  after: (name: string) => `Efter ${name}`,
  last: (name: string) => `Sist, efter ${name}`,
};

const en: typeof sv = {
  label: 'Place in the column',
  hint: 'Where the card stands among the other cards of the same status in the same direction.',
  only: 'First (no other cards)',
  first: (name) => `First, before ${name}`,
  after: (name) => `After ${name}`,
  last: (name) => `Last, after ${name}`,
};

export const usePlaceTexts = () => (useI18n().lang === 'en' ? en : sv);
