import { Languages } from 'lucide-react';
import { en } from './en';
import { sv } from './sv';
import { useI18n, type Lang } from './I18nProvider';

export function LanguageSwitch() {
  const { lang, t, setLang } = useI18n();
  return (
    <label className="language-switch">
      <Languages aria-hidden="true" size={16} />
      <select aria-label={t.language} value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
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
