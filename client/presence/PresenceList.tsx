import type { Peer } from '../hooks/useAwareness';
import { useI18n } from '../i18n/I18nProvider';

export function initials(name: string) {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '?') + (parts.length > 1 ? parts[parts.length - 1][0] : '')).toUpperCase();
}

interface Props {
  peers: Peer[];
  /** Offered when the name is chosen here rather than given by sign-in. */
  onRename?: () => void;
}

/** Who has the plan open; the local person first, with a button to change their name. */
export function PresenceList({ peers, onRename }: Props) {
  const { t } = useI18n();
  return (
    <div className="presence">
      <span className="presence-count">{t.presence.count(peers.length)}</span>
      <ul className="presence-list" aria-label={t.presence.online}>
        {peers.map((peer) => (
          <li key={peer.clientId} className="presence-peer" data-peer-name={peer.name}>
            {peer.isLocal && onRename ? (
              <button type="button" className="avatar avatar-self" style={{ background: peer.color }} title={t.presence.changeName(peer.name)} aria-label={t.presence.changeName(peer.name)} onClick={onRename}>
                {initials(peer.name)}
              </button>
            ) : (
              <span className={`avatar${peer.isLocal ? ' avatar-self' : ''}`} style={{ background: peer.color }} title={peer.name}>
                <span aria-hidden="true">{initials(peer.name)}</span>
                <span className="sr-only">{peer.isLocal ? `${peer.name} (${t.presence.you})` : peer.name}</span>
              </span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
