import { ROLE_LABELS, ROLES, type Role } from '../../shared/auth/roles';
import { useI18n } from '../i18n/I18nProvider';
import { useAuthText } from './authText';
import type { Person } from './usePeople';

interface Props {
  person: Person;
  isSelf: boolean;
  onRole(role: Role): void;
  onActive(active: boolean): void;
  onLink(): void;
  onEdit(): void;
}

export function PersonRow({ person, isSelf, onRole, onActive, onLink, onEdit }: Props) {
  const text = useAuthText();
  const { lang } = useI18n();
  const date = (ms: number) => new Date(ms).toLocaleDateString(lang === 'en' ? 'en-GB' : 'sv-SE');
  const status = !person.active
    ? text.deactivated
    : person.linkExpiresAt !== null && !person.hasPassword
      ? text.invitedUntil(date(person.linkExpiresAt))
      : person.hasPassword
        ? text.active
        : text.notSignedUp;

  return (
    <tr className={person.active ? undefined : 'person-inactive'}>
      <th scope="row">
        {person.name} {isSelf && <span className="field-hint">{text.you}</span>}
      </th>
      <td>{person.email}</td>
      <td>{person.organisation}</td>
      <td>
        <select aria-label={text.roleOf(person.name)} value={person.role} onChange={(e) => onRole(e.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r][lang]}
            </option>
          ))}
        </select>
      </td>
      <td>{status}</td>
      <td className="person-actions">
        <button type="button" className="button button-quiet" aria-label={text.editOf(person.name)} onClick={onEdit}>
          {text.edit}
        </button>
        {person.active && (
          <button type="button" className="button button-quiet" aria-label={text.newLink(person.name)} onClick={onLink}>
            {text.newLinkShort}
          </button>
        )}
        <button
          type="button"
          className={person.active ? 'button button-danger-quiet' : 'button'}
          aria-label={person.active ? text.deactivate(person.name) : text.reactivate(person.name)}
          onClick={() => onActive(!person.active)}
        >
          {person.active ? text.deactivateShort : text.reactivateShort}
        </button>
      </td>
    </tr>
  );
}
