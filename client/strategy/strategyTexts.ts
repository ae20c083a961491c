import { useI18n } from '../i18n/I18nProvider';

// Texts of the strategy page and its way in from the header, in Swedish and English.

const sv = {
  link: 'Strategi',
  linkHint: 'Verksamhetsstrategin och handlingsplanens fokus',
  title: 'Verksamhetsstrategi',
  intro: 'Vision, verksamhet, organisation och inriktning: den del av verksamhetsplanen som ligger fast över åren.',
  focusTitle: (year: number) => (year ? `Fokus för handlingsplanen ${year}` : 'Fokus för handlingsplanen'),
  readOnly: 'Du kan läsa strategin. Den ändras av styrelsen och kansliet.',
  backToBoard: 'Tillbaka till tavlan',
  loading: 'Laddar strategin…',
};

const en: typeof sv = {
  link: 'Strategy',
  linkHint: 'The strategy and the focus of the action plan',
  title: 'Strategy',
  intro: 'Vision, activities, organisation and directions: the part of the plan that holds over the years.',
  focusTitle: (year: number) => (year ? `Focus of the action plan ${year}` : 'Focus of the action plan'),
  readOnly: 'You can read the strategy. The board and the secretariat change it.',
  backToBoard: 'Back to the board',
  loading: 'Loading the strategy…',
};

export const useStrategyTexts = () => (useI18n().lang === 'en' ? en : sv);
