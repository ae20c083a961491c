import { useId, useState, type FormEvent } from 'react';
import { Modal } from '../dialog/Modal';
import { useAuthText } from './authText';
import { errorText } from './errorText';
import type { Person } from './usePeople';

type Details = Pick<Person, 'name' | 'email' | 'organisation'>;

interface Props {
  person: Person;
  onSave(details: Details): Promise<unknown>;
  onClose(): void;
}

/** Changes a person's name, email and organisation (e.g. the first account's address). */
export function PersonDialog({ person, onSave, onClose }: Props) {
  const text = useAuthText();
  const id = useId();
  const [fields, setFields] = useState<Details>({ name: person.name, email: person.email, organisation: person.organisation });
  const [error, setError] = useState<string | null>(null);
  const set = (key: keyof Details) => (e: { target: { value: string } }) => setFields((f) => ({ ...f, [key]: e.target.value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await onSave(fields);
      onClose();
    } catch (err) {
      setError(errorText(err, text));
    }
  };

  return (
    <Modal title={text.editTitle(person.name)} onClose={onClose}>
      <form className="item-form" onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-name`}>{text.name}</label>
          <input id={`${id}-name`} required maxLength={120} data-autofocus value={fields.name} onChange={set('name')} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-email`}>{text.email}</label>
          <input id={`${id}-email`} type="email" required maxLength={254} value={fields.email} onChange={set('email')} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-org`}>{text.organisation}</label>
          <input id={`${id}-org`} maxLength={160} value={fields.organisation} onChange={set('organisation')} />
        </div>
        <div role="alert">{error && <p className="form-error">{error}</p>}</div>
        <footer className="modal-actions">
          <span className="spacer" />
          <button type="button" className="button" onClick={onClose}>
            {text.cancel}
          </button>
          <button type="submit" className="button button-primary">
            {text.save}
          </button>
        </footer>
      </form>
    </Modal>
  );
}
