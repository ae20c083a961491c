import { useSyncExternalStore } from 'react';

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

/** The address's #fragment, which chooses between the board and the history page. */
export const useHash = () => useSyncExternalStore(subscribe, () => location.hash);
