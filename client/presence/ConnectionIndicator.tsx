import { CloudOff, RefreshCw, Wifi, WifiOff } from 'lucide-react';
import type { ConnectionState } from '../sync/ConnectionMonitor';
import { useI18n } from '../i18n/I18nProvider';

const ICONS = { connecting: RefreshCw, connected: Wifi, reconnecting: RefreshCw, offline: WifiOff, refused: CloudOff } as const;

/** The connection state in words, and whether local edits still wait to be shared. */
export function ConnectionIndicator({ state }: { state: ConnectionState }) {
  const { t } = useI18n();
  const Icon = ICONS[state.status];
  const unshared = state.status !== 'connected' && state.pending;
  return (
    <div className={`connection connection-${state.status}`} role="status" aria-label={t.connection.label}>
      <span className="connection-state">
        <Icon aria-hidden="true" size={16} />
        {t.connection[state.status]}
      </span>
      {unshared && <span className="connection-pending">{t.connection.pending}</span>}
    </div>
  );
}
