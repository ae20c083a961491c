import { type ReactNode } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { LazyBoundary } from '../lazy/LazyBoundary';
import { lazyView } from '../lazy/lazyView';
import { MeetingBanner } from './MeetingBanner';
import { useMeetingTexts } from './meetingTexts';
import { useHash } from './useHash';
import './meetings.css';

// The history page and its code load only when someone opens it.
const HistoryPage = lazyView(() => import('./HistoryPage'));

export const HISTORY_HASH = '#historik';

interface Props {
  planId: string;
  planTitle: string;
  planYear: number;
  doc: Y.Doc;
  awareness: Awareness;
  /** The board, shown unless the address asks for the history page. */
  children: ReactNode;
}

/** The meeting banner above the board, and the history page (#historik) in its place. */
export function MeetingsLayer({ planId, planTitle, planYear, doc, awareness, children }: Props) {
  const t = useMeetingTexts();
  const hash = useHash();
  return (
    <>
      <MeetingBanner planId={planId} doc={doc} awareness={awareness} />
      {hash === HISTORY_HASH ? (
        <LazyBoundary fallback={<p className="page-message" role="status">{t.loading}</p>}>
          <HistoryPage planId={planId} planTitle={planTitle} planYear={planYear} doc={doc} />
        </LazyBoundary>
      ) : (
        children
      )}
    </>
  );
}
