import { useEffect } from 'react';

/**
 * While changes made here have not reached the server, closing or leaving the page asks
 * first, as editors do: those changes exist only in this browser until it is back online.
 */
export function useConfirmLeavingUnshared(unshared: boolean) {
  useEffect(() => {
    if (!unshared) return;
    const ask = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers ask only when a return value is set; the text itself is never shown.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [unshared]);
}
