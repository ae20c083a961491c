import { useI18n } from '../i18n/I18nProvider';

// The rich-text editor's texts in Swedish and English, beside the components that use them.

const sv = {
  toolbar: (field: string) => `Textformat: ${field}`,
  bold: 'Fetstil',
  italic: 'Kursiv',
  bulletList: 'Punktlista',
  orderedList: 'Numrerad lista',
  link: 'Länk',
  loading: 'Laddar textredigeraren…',
  liveHint: 'Sparas medan du skriver och syns direkt för andra.',
  newHint: 'Sparas med aktiviteten.',
  readOnly: 'Skrivskyddad',
};

const en: typeof sv = {
  toolbar: (field: string) => `Text format: ${field}`,
  bold: 'Bold',
  italic: 'Italic',
  bulletList: 'Bullet list',
  orderedList: 'Numbered list',
  link: 'Link',
  loading: 'Loading the text editor…',
  liveHint: 'Saved as you type and shown to others at once.',
  newHint: 'Saved with the activity.',
  readOnly: 'Read-only',
};

export const useEditorTexts = () => (useI18n().lang === 'en' ? en : sv);
