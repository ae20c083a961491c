import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { RoundView } from '../../shared/rounds/RoundView';
import { useCurrentUser } from '../auth/CurrentUser';
import { hashHref } from '../routing/hashRoute';
import { fetchRounds } from './roundApi';
import { RoundsContext, type RoundsContextValue } from './RoundsContext';
import './rounds.css';

/** How often to look for rounds opened, moved or closed elsewhere (or by the server at a deadline). */
const POLL_MS = 5_000;

/**
 * The plan's consultation rounds for everything inside it: markers on the cards, the
 * list of what is asked of the person, the question in a card's thread, the round
 * pages. The rounds themselves come from the server (asked every few seconds, and at
 * once after this browser changed one); their answers are read live from the
 * discussion (useRoundAnswers). Place it around the discussion and the board.
 */
export function RoundsProvider({ planId, children }: { planId: string; children: ReactNode }) {
  const current = useCurrentUser();
  const [rounds, setRounds] = useState<RoundView[]>([]);
  const [loaded, setLoaded] = useState(false);
  const refresh = useCallback(() => {
    // Marked as the page's own request: polling alone never keeps a session alive.
    fetchRounds(planId, { background: true }).then(
      (list) => {
        setRounds(list);
        setLoaded(true);
      },
      () => {}, // offline or signed out: keep what is shown; the next poll tries again
    );
  }, [planId]);

  useEffect(() => {
    setLoaded(false);
    setRounds([]);
    refresh();
    const poll = setInterval(refresh, POLL_MS);
    return () => clearInterval(poll);
  }, [refresh]);

  const meId = current?.me.id;
  const meRole = current?.me.role;
  const value = useMemo<RoundsContextValue>(
    () => ({
      planId,
      rounds,
      loaded,
      readOnly: false,
      me: meId && meRole ? { id: meId, role: meRole } : null,
      refresh,
      openRound: (roundId) => {
        location.hash = hashHref({ round: roundId });
      },
    }),
    [planId, rounds, loaded, meId, meRole, refresh],
  );
  return <RoundsContext.Provider value={value}>{children}</RoundsContext.Provider>;
}
