import { CloudOff } from 'lucide-react';
import type { ConnectionState } from '../sync/ConnectionMonitor';
import { useOfflineTexts } from './offlineTexts';
import './offline.css';

interface Props {
  state: ConnectionState;
  /** Readers cannot change the plan: they are told what they see instead. */
  readOnly: boolean;
}

/**
 * Says in words, above the plan, that the network is gone: for a board member, that
 * their changes are kept here and not shared yet; for a reader, that the plan shown is
 * the last one they received; when the server's database refuses changes, that nothing
 * is lost. The live region is always there so the change is announced.
 */
export function OfflineNotice({ state, readOnly }: Props) {
  const t = useOfflineTexts();
  const cut = state.status === 'offline' || (state.status === 'reconnecting' && (state.pending || readOnly));
  if (state.storageFault) {
    return (
      <div className="offline-notice" role="status">
        <CloudOff aria-hidden="true" size={18} />
        <p>
          <strong>{t.notSaving}</strong> {t.keptHere}
        </p>
      </div>
    );
  }
  return (
    <div className={cut ? 'offline-notice' : undefined} role="status">
      {cut && (
        <>
          <CloudOff aria-hidden="true" size={18} />
          <p>
            <strong>{state.status === 'offline' ? t.offline : t.reconnecting}</strong>{' '}
            {readOnly ? t.reader : state.pending ? `${t.unshared} ${t.keptHere}` : t.keptHere}
          </p>
        </>
      )}
    </div>
  );
}
