import { useCallback, useState, type ReactNode } from 'react';
import type * as Y from 'yjs';
import type { DirectionView, ItemView } from '../../shared/plan/schema';
import { Modal } from '../dialog/Modal';
import { useI18n } from '../i18n/I18nProvider';
import { LazyBoundary } from '../lazy/LazyBoundary';
import { lazyView } from '../lazy/lazyView';

// Loaded with its first use or ahead of it, like the edit dialog (see offlineViews).
export const ItemDetails = lazyView(() => import('./ItemDetails'));

/** Opening a card's details read-only, for those who may not change the plan. */
export function useItemDetails(doc: Y.Doc, planId: string, directions: DirectionView[], items: ItemView[]) {
  const { t } = useI18n();
  const [opened, setOpened] = useState<ItemView | null>(null);
  const onShowDetails = useCallback((item: ItemView) => setOpened(item), []);
  const onClose = () => setOpened(null);
  const overlay: ReactNode = opened && (
    <LazyBoundary
      fallback={null}
      frame={(failure) => (
        <Modal title={opened.activity || t.details.untitled} onClose={onClose}>
          {failure}
        </Modal>
      )}
    >
      <ItemDetails
        key={opened.id}
        doc={doc}
        planId={planId}
        directions={directions}
        item={items.find((i) => i.id === opened.id) ?? null}
        opened={opened}
        onClose={onClose}
      />
    </LazyBoundary>
  );
  return { onShowDetails, overlay };
}
