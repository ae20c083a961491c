import { useCallback, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { transactionsOf } from '../hooks/docTransactions';

/** A number that changes after every change of the document, for memoising readers. */
export function useDocVersion(doc: Y.Doc): number {
  const transactions = transactionsOf(doc);
  const subscribe = useCallback(
    (onChange: () => void) => {
      doc.on('afterTransaction', onChange);
      return () => doc.off('afterTransaction', onChange);
    },
    [doc],
  );
  return useSyncExternalStore(subscribe, () => transactions.n);
}
