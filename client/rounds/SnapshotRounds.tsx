import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { RoundView } from '../../shared/rounds/RoundView';
import { useCurrentUser } from '../auth/CurrentUser';
import { Modal } from '../dialog/Modal';
import { fetchSnapshotRounds } from './roundApi';
import { RoundDetails } from './RoundDetails';
import { RoundsContext, type RoundsContextValue } from './RoundsContext';
import { formatMoment, useRoundTexts } from './roundTexts';
import './rounds.css';

const nothing = () => {};

/**
 * The rounds a snapshot kept, around its read-only board: markers on its cards, the
 * question in its threads, and a list above the board whose rounds open in place with
 * their answers as they stood. A snapshot from before rounds were kept shows none.
 */
export function SnapshotRounds({ planId, snapshotId, children }: { planId: string; snapshotId: number; children: ReactNode }) {
  const t = useRoundTexts();
  const current = useCurrentUser();
  const [rounds, setRounds] = useState<RoundView[]>([]);
  const [shown, setShown] = useState<string | null>(null);
  useEffect(() => {
    const abort = new AbortController();
    fetchSnapshotRounds(snapshotId, abort.signal).then(
      (kept) => setRounds(kept ?? []),
      () => {}, // the board is shown without them
    );
    return () => abort.abort();
  }, [snapshotId]);
  const meId = current?.me.id;
  const meRole = current?.me.role;
  const value = useMemo<RoundsContextValue>(
    () => ({ planId, rounds, loaded: true, readOnly: true, me: meId && meRole ? { id: meId, role: meRole } : null, refresh: nothing, openRound: setShown }),
    [planId, rounds, meId, meRole],
  );
  const round = rounds.find((r) => r.id === shown);
  return (
    <RoundsContext.Provider value={value}>
      {rounds.length > 0 && (
        <section className="snapshot-rounds" aria-label={t.snapshotRounds}>
          <h4>
            {t.snapshotRounds} <span className="meeting-meta">({t.asOfSnapshot})</span>
          </h4>
          <ul className="round-list">
            {rounds.map((r) => (
              <li key={r.id} className="round-entry">
                <button type="button" className="button button-small" onClick={() => setShown(r.id)}>
                  {r.question}
                </button>
                <span className="round-entry-meta">{r.closedAt === null ? `${t.state.open} · ${t.deadline}: ${formatMoment(t, r.deadline)}` : `${t.state.closed} ${formatMoment(t, r.closedAt)}`}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {children}
      {round && (
        <Modal title={`${t.round}: ${round.closedAt === null ? t.state.open : t.state.closed}`} onClose={() => setShown(null)} className="round-dialog">
          <RoundDetails round={round} />
        </Modal>
      )}
    </RoundsContext.Provider>
  );
}
