import { useI18n } from '../i18n/I18nProvider';

// Texts of the offline notice, in Swedish and English.

const sv = {
  offline: 'Du är offline.',
  unshared: 'Dina ändringar är inte delade med andra ännu.',
  keptHere: 'Det du ändrar sparas i den här webbläsaren och delas när anslutningen är tillbaka.',
  reader: 'Du ser planen som den var när anslutningen bröts. Den uppdateras när anslutningen är tillbaka.',
  reconnecting: 'Anslutningen till servern är bruten.',
  notSaving: 'Servern kan inte spara ändringar just nu.',
};

const en: typeof sv = {
  offline: 'You are offline.',
  unshared: 'Your changes are not shared with others yet.',
  keptHere: 'What you change is kept in this browser and shared when the connection is back.',
  reader: 'You see the plan as it was when the connection was lost. It updates when the connection is back.',
  reconnecting: 'The connection to the server is lost.',
  notSaving: 'The server cannot save changes right now.',
};

export const useOfflineTexts = () => (useI18n().lang === 'en' ? en : sv);
