import { useCallback, useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { planItems, readItem } from '../../shared/plan/schema';
import { useI18n } from '../i18n/I18nProvider';
import { AuditLine } from './AuditLine';
import { planChanges, type AuditEntry } from './historyApi';
import './history.css';

/**
 * The secretariat's list of the latest changes across the plan, newest first, fifty
 * at a time. Items are named from the live document, deleted ones included.
 */
export function RecentChanges({ planId, doc }: { planId: string; doc: Y.Doc }) {
  const { lang } = useI18n();
  const sv = lang === 'sv';
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [state, setState] = useState<'loading' | 'ready' | 'done' | 'failed'>('loading');

  const load = useCallback(
    (before?: number) => {
      setState('loading');
      planChanges(planId, before).then(
        (list) => {
          setEntries((old) => (before ? [...old, ...list] : list));
          setState(list.length < 50 ? 'done' : 'ready');
        },
        () => setState('failed'),
      );
    },
    [planId],
  );
  useEffect(() => load(), [load]);

  const activityOf = (itemId: string) => {
    const map = planItems(doc).get(itemId);
    return map ? readItem(itemId, map).activity : '';
  };

  return (
    <section className="recent-changes" aria-labelledby="recent-changes-title">
      <h2 id="recent-changes-title">{sv ? 'Senaste ändringar i planen' : 'Latest changes to the plan'}</h2>
      {entries.length === 0 && state === 'done' && <p>{sv ? 'Inga ändringar sparade ännu.' : 'No changes recorded yet.'}</p>}
      <ul>
        {entries.map((e) => (
          <AuditLine key={e.id} entry={e} activity={activityOf(e.itemId)} />
        ))}
      </ul>
      {state === 'failed' && <p role="alert">{sv ? 'Ändringarna kunde inte hämtas.' : 'The changes could not be loaded.'}</p>}
      {state === 'loading' && <p role="status">{sv ? 'Hämtar…' : 'Loading…'}</p>}
      {state === 'ready' && (
        <button type="button" className="button" onClick={() => load(entries[entries.length - 1]?.id)}>
          {sv ? 'Visa äldre ändringar' : 'Show older changes'}
        </button>
      )}
    </section>
  );
}
