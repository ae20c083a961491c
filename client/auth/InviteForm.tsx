import { useId, useState, type FormEvent } from 'react';
import { ROLE_LABELS, ROLES, type Role } from '../../shared/auth/roles';
import { useI18n } from '../i18n/I18nProvider';
import { useAuthText } from './authText';
import { errorText } from './errorText';
import type { usePeople } from './usePeople';

interface Props {
  invite: ReturnType<typeof usePeople>['invite'];
  onInvited(name: string, url: string, mailed: boolean): void;
}

const EMPTY = { name: '', email: '', organisation: '', role: 'styrelse' as Role };

export function InviteForm({ invite, onInvited }: Props) {
  const text = useAuthText();
  const { lang } = useI18n();
  const id = useId();
  const [fields, setFields] = useState(EMPTY);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof EMPTY) => (e: { target: { value: string } }) => setFields((f) => ({ ...f, [key]: e.target.value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { user, link, mailed } = await invite(fields);
      setFields(EMPTY);
      onInvited(user.name, link.url, mailed);
    } catch (err) {
      setError(errorText(err, text));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="invite-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{text.inviteTitle}</h2>
      <div className="invite-fields">
        <div className="field">
          <label htmlFor={`${id}-name`}>{text.name}</label>
          <input id={`${id}-name`} required maxLength={120} autoComplete="off" value={fields.name} onChange={set('name')} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-email`}>{text.email}</label>
          <input id={`${id}-email`} type="email" required maxLength={254} autoComplete="off" value={fields.email} onChange={set('email')} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-org`}>{text.organisation}</label>
          <input id={`${id}-org`} maxLength={160} aria-describedby={`${id}-org-hint`} value={fields.organisation} onChange={set('organisation')} />
          <p className="field-hint" id={`${id}-org-hint`}>
            {text.organisationHint}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-role`}>{text.role}</label>
          <select id={`${id}-role`} value={fields.role} onChange={set('role')}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r][lang]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div role="alert">{error && <p className="form-error">{error}</p>}</div>
      <button type="submit" className="button button-primary" disabled={busy}>
        {text.invite}
      </button>
    </form>
  );
}
