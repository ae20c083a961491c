import { lazy, Suspense, useCallback, useState, type ReactNode } from 'react';
import type * as Y from 'yjs';
import type { DirectionView, ItemView } from '../../shared/plan/schema';

// Loaded with its first use, like the edit dialog.
const ItemDetails = lazy(() => import('./ItemDetails'));

/** Opening a card's details read-only, for those who may not change the plan. */
export function useItemDetails(doc: Y.Doc, planId: string, directions: DirectionView[], items: ItemView[]) {
  const [opened, setOpened] = useState<ItemView | null>(null);
  const onShowDetails = useCallback((item: ItemView) => setOpened(item), []);
  const overlay: ReactNode = opened && (
    <Suspense fallback={null}>
      <ItemDetails
        key={opened.id}
        doc={doc}
        planId={planId}
        directions={directions}
        item={items.find((i) => i.id === opened.id) ?? null}
        opened={opened}
        onClose={() => setOpened(null)}
      />
    </Suspense>
  );
  return { onShowDetails, overlay };
}
