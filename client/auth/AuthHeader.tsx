import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { useI18n } from '../i18n/I18nProvider';

/** The slim top bar of the pages shown before signing in. */
export function AuthHeader() {
  const { t } = useI18n();
  return (
    <header className="app-header">
      <div className="app-title">
        <span className="app-name">{t.appName}</span>
      </div>
      <div className="app-header-tools">
        <LanguageSwitch />
      </div>
    </header>
  );
}
