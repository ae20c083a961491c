import type { ReactNode } from 'react';
import { UserMenu } from '../auth/UserMenu';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { useI18n } from '../i18n/I18nProvider';

interface Props {
  title: string;
  subtitle?: string;
  children?: ReactNode;
}

/** The top bar: the plan's name on the left; connection, presence, language and the signed-in person on the right. */
export function AppHeader({ title, subtitle, children }: Props) {
  const { t } = useI18n();
  return (
    <header className="app-header">
      <a className="skip-link" href="#board">
        {t.skipToBoard}
      </a>
      <div className="app-title">
        <span className="app-name">{t.appName}</span>
        <h1>{title}</h1>
        {subtitle && <span className="app-subtitle">{subtitle}</span>}
      </div>
      <div className="app-header-tools">
        {children}
        <LanguageSwitch />
        <UserMenu />
      </div>
    </header>
  );
}
