import type * as Y from 'yjs';
import { LazyBoundary } from '../lazy/LazyBoundary';
import { lazyView } from '../lazy/lazyView';
import { useHashParams } from '../routing/hashRoute';
import { useRoundTexts } from './roundTexts';

// The round pages and their code load only when someone opens one.
const RoundsPage = lazyView(() => import('./RoundsPage'));
const RoundPage = lazyView(() => import('./RoundPage'));

/** Whether the address asks for a round page (#remissrundor or #round=<id>), shown in the board's place. */
export function useRoundsPageOpen(): boolean {
  const params = useHashParams();
  return params.round !== undefined || 'remissrundor' in params;
}

/** The round page the address asks for: every round of the plan (#remissrundor) or one round (#round=<id>). */
export function RoundsPages({ planDoc }: { planDoc: Y.Doc }) {
  const t = useRoundTexts();
  const params = useHashParams();
  return (
    <LazyBoundary fallback={<p className="page-message" role="status">{t.loading}</p>}>
      {params.round !== undefined ? <RoundPage key={params.round} roundId={params.round} /> : <RoundsPage planDoc={planDoc} />}
    </LazyBoundary>
  );
}
