import { useI18n } from '../i18n/I18nProvider';

// The undo buttons' texts in Swedish and English, beside the components that use them.

const sv = {
  group: 'Ångra och gör om',
  undo: 'Ångra',
  redo: 'Gör om',
  undoHint: (keys: string) => `Ångra din senaste ändring (${keys})`,
  redoHint: (keys: string) => `Gör om det du ångrade (${keys})`,
};

const en: typeof sv = {
  group: 'Undo and redo',
  undo: 'Undo',
  redo: 'Redo',
  undoHint: (keys: string) => `Undo your last change (${keys})`,
  redoHint: (keys: string) => `Redo what you undid (${keys})`,
};

export const useUndoTexts = () => (useI18n().lang === 'en' ? en : sv);
