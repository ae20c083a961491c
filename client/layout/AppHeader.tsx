import type { ReactNode } from 'react';
import { UserMenu } from '../auth/UserMenu';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { useI18n } from '../i18n/I18nProvider';
import { HeaderMenu } from './HeaderMenu';

interface Props {
  title: string;
  subtitle?: string;
  /** Shown beside the title at every width, also when the tools are folded into the menu (the connection). */
  status?: ReactNode;
  children?: ReactNode;
}

/** The top bar: the plan's name on the left; presence, the page's tools, language and the signed-in person on the right, behind "Meny" on narrow screens. */
export function AppHeader({ title, subtitle, status, children }: Props) {
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
      {status}
      <HeaderMenu>
        {children}
        <LanguageSwitch />
        <UserMenu />
      </HeaderMenu>
    </header>
  );
}
