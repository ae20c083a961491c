import { useId, useState, type FormEvent } from 'react';
import { Modal } from '../dialog/Modal';
import { useI18n } from '../i18n/I18nProvider';

interface Props {
  name: string;
  onSave: (name: string) => void;
  onClose: () => void;
}

export function NameDialog({ name, onSave, onClose }: Props) {
  const { t } = useI18n();
  const id = useId();
  const [value, setValue] = useState(name);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSave(value);
    onClose();
  };
  return (
    <Modal title={t.presence.nameTitle} onClose={onClose} className="name-dialog">
      <form onSubmit={submit} className="item-form">
        <div className="field">
          <label htmlFor={id}>{t.presence.yourName}</label>
          <input id={id} value={value} maxLength={60} data-autofocus aria-describedby={`${id}-help`} onChange={(e) => setValue(e.target.value)} />
          <p className="field-hint" id={`${id}-help`}>
            {t.presence.nameHelp}
          </p>
        </div>
        <footer className="modal-actions">
          <span className="spacer" />
          <button type="button" className="button" onClick={onClose}>
            {t.dialog.cancel}
          </button>
          <button type="submit" className="button button-primary">
            {t.dialog.save}
          </button>
        </footer>
      </form>
    </Modal>
  );
}
