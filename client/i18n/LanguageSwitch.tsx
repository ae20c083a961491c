import { Languages } from 'lucide-react';
import { en } from '../../shared/i18n/en';
import { sv } from '../../shared/i18n/sv';
import { useI18n, type Lang } from './I18nProvider';
import { useCurrentUser } from '../auth/CurrentUser';
import { settingsApi } from '../mail/settingsApi';

export function LanguageSwitch() {
  const { lang, t, setLang } = useI18n();
  const signedIn = useCurrentUser() !== null;
  const choose = (next: Lang) => {
    setLang(next);
    // Signed in, the choice is the person's: their mails follow it.
    if (signedIn) void settingsApi.save({ language: next }).catch(() => {});
  };
  return (
    <label className="language-switch">
      <Languages aria-hidden="true" size={16} />
      <select aria-label={t.language} value={lang} onChange={(e) => choose(e.target.value as Lang)}>
        <option value="sv" lang="sv">
          {sv.langName}
        </option>
        <option value="en" lang="en">
          {en.langName}
        </option>
      </select>
    </label>
  );
}
