import { Trash2 } from 'lucide-react';
import { useId, useState, type FormEvent } from 'react';
import * as Y from 'yjs';
import { addItem, moveItem, updateItem } from '../../shared/plan/itemOps';
import { PlanError } from '../../shared/plan/PlanError';
import { itemHow, planItems, type DirectionView, type ItemView } from '../../shared/plan/schema';
import { PrioritySelect } from '../board/PrioritySelect';
import { StatusSelect } from '../board/StatusSelect';
import { Modal } from '../dialog/Modal';
import { copyFragment } from '../editor/copyFragment';
import { useI18n } from '../i18n/I18nProvider';
import { planUndo } from '../undo/PlanUndo';
import { usePlanAwareness } from '../viewers/ViewersContext';
import { useViewingItem } from '../viewers/useViewingItem';
import { ItemHistory } from '../history/ItemHistory';
import { HowField } from './HowField';
import { changedFields, draftOf, emptyDraft, type ItemDraft } from './itemDraft';
import { useStatusNote } from './useStatusNote';
import { WhoField } from './WhoField';

interface Props {
  doc: Y.Doc;
  planId: string;
  directions: DirectionView[];
  /** The item being edited as it is now, or null when it was deleted meanwhile. */
  item: ItemView | null;
  /** Set when adding a new item to this direction. */
  newIn: string | null;
  onClose: () => void;
  onDelete: (item: ItemView) => void;
}

/** Adds an item or edits every field of one; saved in one transaction. */
export default function ItemDialog({ doc, planId, directions, item, newIn, onClose, onDelete }: Props) {
  const { t } = useI18n();
  const id = useId();
  const [original] = useState<ItemDraft>(() => (item ? draftOf(item) : emptyDraft(newIn ?? directions[0]?.id ?? '')));
  const [draft, setDraft] = useState<ItemDraft>(original);
  const [error, setError] = useState<string | null>(null);
  const isNew = newIn !== null;
  const gone = !isNew && item === null;
  // Hur is edited live in the item's own text, together with anyone else who has it
  // open; a new item's Hur is written aside and copied in when the item is saved.
  const [how] = useState(() => (item ? itemHow(planItems(doc).get(item.id)!) : new Y.Doc().getXmlFragment('how')));
  const [itemId] = useState(item?.id ?? null);
  const awareness = usePlanAwareness();
  useViewingItem(itemId);
  const statusNote = useStatusNote(original, item ? draftOf(item) : original);
  const set = <K extends keyof ItemDraft>(key: K, value: ItemDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const directionTitle = directions.find((d) => d.id === draft.directionId)?.title ?? '';

  const save = (e: FormEvent) => {
    e.preventDefault();
    if (!draft.activity.trim()) return setError(t.dialog.activityRequired);
    try {
      // One step of this person's undo history, whatever the save changed.
      if (isNew) {
        planUndo(doc).change(() => {
          const added = addItem(doc, { ...draft, activity: draft.activity.trim(), how: '', status: statusNote.status, statusNote: statusNote.note });
          copyFragment(how, itemHow(planItems(doc).get(added)!));
        });
      } else if (item) {
        planUndo(doc).change(() => {
          updateItem(doc, item.id, { ...changedFields(original, draft), ...statusNote.patch });
          if (draft.directionId !== original.directionId) moveItem(doc, item.id, { directionId: draft.directionId });
        });
      }
      onClose();
    } catch (err) {
      if (err instanceof PlanError) setError(t.dialog.saveFailed(err.message));
      else throw err;
    }
  };

  return (
    <Modal title={isNew ? t.dialog.newTitle(directionTitle) : t.dialog.editTitle} onClose={onClose} className="item-dialog">
      <form className="item-form" onSubmit={save} noValidate>
        {gone && (
          <p className="form-error" role="alert">
            {t.dialog.goneWhileEditing}
          </p>
        )}
        <div className="field">
          <label htmlFor={`${id}-activity`}>{t.fields.activity}</label>
          <input
            id={`${id}-activity`}
            value={draft.activity}
            required
            maxLength={500}
            autoFocus
            aria-invalid={error === t.dialog.activityRequired}
            onChange={(e) => set('activity', e.target.value)}
          />
        </div>
        <HowField
          id={`${id}-how`}
          fragment={how}
          live={!isNew}
          editable={!gone}
          history={isNew ? null : planUndo(doc)}
          awareness={isNew ? null : awareness}
        />
        <WhoField value={draft.who} onChange={(v) => set('who', v)} />
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${id}-when`}>{t.fields.when}</label>
            <input id={`${id}-when`} value={draft.when} maxLength={500} onChange={(e) => set('when', e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-direction`}>{t.fields.direction}</label>
            <select id={`${id}-direction`} value={draft.directionId} onChange={(e) => set('directionId', e.target.value)}>
              {directions.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.title}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${id}-status`}>{t.fields.status}</label>
            <StatusSelect id={`${id}-status`} label={t.fields.status} value={statusNote.status} onChange={statusNote.setStatus} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-priority`}>{t.fields.priority}</label>
            <PrioritySelect id={`${id}-priority`} variant="field" label={t.fields.priority} value={draft.priority} onChange={(v) => set('priority', v)} />
          </div>
        </div>
        <div className="field">
          <label htmlFor={`${id}-note`}>{t.fields.statusNote}</label>
          <input
            id={`${id}-note`}
            value={statusNote.note}
            maxLength={500}
            aria-describedby={statusNote.hint ? `${id}-note-hint` : undefined}
            onChange={(e) => statusNote.setNote(e.target.value)}
          />
          <p id={`${id}-note-hint`} className="field-hint" role="status">
            {statusNote.hint}
          </p>
        </div>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <footer className="modal-actions">
          {item && (
            <button type="button" className="button button-danger-quiet" onClick={() => onDelete(item)}>
              <Trash2 aria-hidden="true" size={16} />
              {t.dialog.delete}
            </button>
          )}
          <span className="spacer" />
          <button type="button" className="button" onClick={onClose}>
            {t.dialog.cancel}
          </button>
          <button type="submit" className="button button-primary" disabled={gone}>
            {t.dialog.save}
          </button>
        </footer>
      </form>
      {item && <ItemHistory planId={planId} itemId={item.id} />}
    </Modal>
  );
}
