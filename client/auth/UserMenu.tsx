import { LogOut, Mail, Settings, Users } from 'lucide-react';
import { SETTINGS_HASH } from '../../shared/mail/mailLinks';
import { can, ROLE_LABELS } from '../../shared/auth/roles';
import { useI18n } from '../i18n/I18nProvider';
import { useAuthText } from './authText';
import { useCurrentUser } from './CurrentUser';

/** The signed-in person's name and role, their settings, the Personer and Utkorg pages for the secretariat, and sign-out. */
export function UserMenu() {
  const user = useCurrentUser();
  const text = useAuthText();
  const { lang } = useI18n();
  if (!user) return null;
  const { me } = user;
  const role = ROLE_LABELS[me.role][lang];
  return (
    <div className="user-menu">
      <span className="user-who">
        <span className="sr-only">{text.signedInAs(me.name, role)}</span>
        <span className="user-name" aria-hidden="true">
          {me.name}
        </span>
        <span className="user-role" aria-hidden="true">
          {role}
        </span>
      </span>
      <a className="button button-quiet" href={SETTINGS_HASH}>
        <Settings aria-hidden="true" size={16} />
        {text.mySettings}
      </a>
      {can(me.role, 'people.manage') && (
        <a className="button button-quiet" href="#personer">
          <Users aria-hidden="true" size={16} />
          {text.people}
        </a>
      )}
      {can(me.role, 'people.manage') && (
        <a className="button button-quiet" href="#utkorg">
          <Mail aria-hidden="true" size={16} />
          {text.outbox}
        </a>
      )}
      <button type="button" className="button button-quiet" onClick={() => void user.signOut()}>
        <LogOut aria-hidden="true" size={16} />
        {text.signOut}
      </button>
    </div>
  );
}
