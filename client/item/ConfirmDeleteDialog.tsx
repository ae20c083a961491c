import { Trash2 } from 'lucide-react';
import type { ItemView } from '../../shared/plan/schema';
import { Modal } from '../dialog/Modal';
import { useI18n } from '../i18n/I18nProvider';

interface Props {
  item: ItemView;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmDeleteDialog({ item, onConfirm, onCancel }: Props) {
  const { t } = useI18n();
  return (
    <Modal title={t.confirmDelete.title} onClose={onCancel} role="alertdialog" className="confirm-dialog">
      <p>{t.confirmDelete.body(item.activity)}</p>
      <footer className="modal-actions">
        <span className="spacer" />
        <button type="button" className="button" onClick={onCancel} data-autofocus>
          {t.confirmDelete.cancel}
        </button>
        <button type="button" className="button button-danger" onClick={onConfirm}>
          <Trash2 aria-hidden="true" size={16} />
          {t.confirmDelete.confirm}
        </button>
      </footer>
    </Modal>
  );
}
