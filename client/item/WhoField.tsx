import { Plus, X } from 'lucide-react';
import { useId, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { PARTIES } from '../../shared/import/parties';

interface Props {
  value: string[];
  onChange: (who: string[]) => void;
}

/** Vem: the known parties as chips to tick, plus free names added by hand. */
export function WhoField({ value, onChange }: Props) {
  const { t } = useI18n();
  const id = useId();
  const [name, setName] = useState('');
  const others = value.filter((n) => !(PARTIES as readonly string[]).includes(n));
  const toggle = (party: string) => onChange(value.includes(party) ? value.filter((n) => n !== party) : [...value, party]);
  const add = () => {
    const trimmed = name.trim();
    if (trimmed && !value.includes(trimmed)) onChange([...value, trimmed]);
    setName('');
  };
  return (
    <fieldset className="field who-field">
      <legend>{t.fields.who}</legend>
      <div className="chip-choices" role="group" aria-label={t.who.known}>
        {PARTIES.map((party) => (
          <label key={party} className={`chip chip-choice${value.includes(party) ? ' chip-on' : ''}`}>
            <input type="checkbox" checked={value.includes(party)} onChange={() => toggle(party)} />
            {party}
          </label>
        ))}
      </div>
      {others.length > 0 && (
        <ul className="chips" aria-label={t.who.other}>
          {others.map((other) => (
            <li key={other} className="chip chip-removable">
              {other}
              <button type="button" className="chip-remove" aria-label={t.who.removeName(other)} onClick={() => onChange(value.filter((n) => n !== other))}>
                <X aria-hidden="true" size={14} />
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="who-add">
        <label htmlFor={`${id}-name`} className="sr-only">
          {t.who.newName}
        </label>
        <input
          id={`${id}-name`}
          value={name}
          placeholder={t.who.newName}
          maxLength={120}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault(); // adds the name instead of submitting the dialog
              add();
            }
          }}
        />
        <button type="button" className="button" onClick={add} disabled={!name.trim()}>
          <Plus aria-hidden="true" size={16} />
          {t.who.addName}
        </button>
      </div>
    </fieldset>
  );
}
