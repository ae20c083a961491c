import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { AuditLine } from './AuditLine';
import { itemHistory, type AuditEntry } from './historyApi';
import './history.css';

/**
 * A card's recent history (status Pågår → Klart, by whom, at 14:02), read when the
 * person opens it rather than kept live: it is looked at now and then, not watched.
 */
export function ItemHistory({ planId, itemId }: { planId: string; itemId: string }) {
  const { lang } = useI18n();
  const [open, setOpen] = useState(false);
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [failed, setFailed] = useState(false);
  const sv = lang === 'sv';

  useEffect(() => {
    if (!open) return;
    let live = true;
    itemHistory(planId, itemId).then(
      (list) => live && setEntries(list),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [open, planId, itemId]);

  return (
    <details className="item-history" onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>{sv ? 'Senaste ändringar' : 'Recent changes'}</summary>
      {failed ? (
        <p role="alert">{sv ? 'Historiken kunde inte hämtas.' : 'The history could not be loaded.'}</p>
      ) : entries === null ? (
        <p>{sv ? 'Hämtar…' : 'Loading…'}</p>
      ) : entries.length === 0 ? (
        <p>{sv ? 'Inga ändringar sparade ännu.' : 'No changes recorded yet.'}</p>
      ) : (
        <ul aria-label={sv ? 'Ändringar av aktiviteten, senaste först' : 'Changes to this item, newest first'}>
          {entries.map((e) => (
            <AuditLine key={e.id} entry={e} />
          ))}
        </ul>
      )}
    </details>
  );
}
