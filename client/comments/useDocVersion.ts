import { useCallback, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';

/** A number that changes after every change of the document, for memoising readers. */
export function useDocVersion(doc: Y.Doc): number {
  const version = useRef(0);
  const subscribe = useCallback(
    (onChange: () => void) => {
      const handler = () => {
        version.current++;
        onChange();
      };
      doc.on('afterTransaction', handler);
      return () => doc.off('afterTransaction', handler);
    },
    [doc],
  );
  return useSyncExternalStore(subscribe, () => version.current);
}
