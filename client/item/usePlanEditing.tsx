import { useCallback, useState, type ReactNode } from 'react';
import type * as Y from 'yjs';
import { deleteItem, restoreItem } from '../../shared/plan/itemOps';
import { PlanError } from '../../shared/plan/PlanError';
import type { DirectionView, ItemView } from '../../shared/plan/schema';
import { Modal } from '../dialog/Modal';
import { useI18n } from '../i18n/I18nProvider';
import { LazyBoundary } from '../lazy/LazyBoundary';
import { lazyView } from '../lazy/lazyView';
import { UndoToast } from '../toast/UndoToast';
import { planUndo } from '../undo/PlanUndo';
import { ConfirmDeleteDialog } from './ConfirmDeleteDialog';

// The dialog is not needed for the board's first paint; it is fetched once the board is
// up (see offlineViews), so that it opens also after the network is gone.
export const ItemDialog = lazyView(() => import('./ItemDialog'));

type Editing = { kind: 'edit'; id: string; at?: 'place' } | { kind: 'new'; directionId: string } | null;

/** Adding, editing and deleting items: the dialogs, the confirmation and the undo toast. */
export function usePlanEditing(doc: Y.Doc, planId: string, directions: DirectionView[], items: ItemView[]) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<Editing>(null);
  const [confirming, setConfirming] = useState<ItemView | null>(null);
  const [deleted, setDeleted] = useState<ItemView | null>(null);
  const dismissToast = useCallback(() => setDeleted(null), []);

  const onAdd = useCallback((directionId: string) => setEditing({ kind: 'new', directionId }), []);
  const onEdit = useCallback((item: ItemView, at?: 'place') => setEditing({ kind: 'edit', id: item.id, at }), []);
  const onRemove = useCallback((item: ItemView) => setConfirming(item), []);

  const confirmDelete = (item: ItemView) => {
    setConfirming(null);
    setEditing(null);
    try {
      planUndo(doc).change(() => deleteItem(doc, item.id));
      setDeleted(item);
    } catch (err) {
      if (!(err instanceof PlanError)) throw err; // already deleted by someone else
    }
  };

  const undo = (item: ItemView) => {
    setDeleted(null);
    planUndo(doc).change(() => restoreItem(doc, item.id));
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-move-button="${CSS.escape(item.id)}"]`)?.focus());
  };

  const directionTitle = (id: string) => directions.find((d) => d.id === id)?.title ?? '';

  const overlays: ReactNode = (
    <>
      {editing && (
        <LazyBoundary
          fallback={null}
          frame={(failure) => (
            <Modal title={editing.kind === 'new' ? t.dialog.newTitle(directionTitle(editing.directionId)) : t.dialog.editTitle} onClose={() => setEditing(null)}>
              {failure}
            </Modal>
          )}
        >
          <ItemDialog
            key={editing.kind === 'edit' ? editing.id : `new-${editing.directionId}`}
            doc={doc}
            planId={planId}
            directions={directions}
            item={editing.kind === 'edit' ? (items.find((i) => i.id === editing.id) ?? null) : null}
            items={items}
            at={editing.kind === 'edit' ? editing.at : undefined}
            newIn={editing.kind === 'new' ? editing.directionId : null}
            onClose={() => setEditing(null)}
            onDelete={(item) => setConfirming(item)}
          />
        </LazyBoundary>
      )}
      {confirming && <ConfirmDeleteDialog item={confirming} onConfirm={() => confirmDelete(confirming)} onCancel={() => setConfirming(null)} />}
      {deleted && <UndoToast key={deleted.id} message={t.toast.deleted(deleted.activity)} onUndo={() => undo(deleted)} onDismiss={dismissToast} />}
    </>
  );

  return { onAdd, onEdit, onRemove, overlays };
}
