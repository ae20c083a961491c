import { useSyncExternalStore } from 'react';
import type { ConnectionMonitor, ConnectionState } from '../sync/ConnectionMonitor';

export function useConnectionState(monitor: ConnectionMonitor): ConnectionState {
  return useSyncExternalStore(monitor.subscribe, monitor.getSnapshot);
}
