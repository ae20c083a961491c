import { initials } from '../presence/PresenceList';
import { useItemViewers } from './ViewersContext';
import { useViewersTexts } from './viewersTexts';
import './viewers.css';

const SHOWN = 3;

/** On a card: the initials of the others who have it open (viewing or editing it) right now. */
export function CardViewers({ itemId }: { itemId: string }) {
  const t = useViewersTexts();
  const viewers = useItemViewers(itemId);
  if (viewers.length === 0) return null;
  const label = t.openBy(viewers.map((v) => v.name));
  return (
    <ul className="card-viewers" aria-label={label} title={label}>
      {viewers.slice(0, SHOWN).map((viewer) => (
        <li key={viewer.key} className="card-viewer" style={{ background: viewer.color }}>
          <span aria-hidden="true">{initials(viewer.name)}</span>
          <span className="sr-only">{viewer.name}</span>
        </li>
      ))}
      {viewers.length > SHOWN && (
        <li className="card-viewer card-viewer-more" aria-hidden="true">
          +{viewers.length - SHOWN}
        </li>
      )}
    </ul>
  );
}
