import { useEffect, useRef, useState } from 'react';
import type { RoundView } from '../../shared/rounds/RoundView';
import { hashHref } from '../routing/hashRoute';
import { fetchRound } from './roundApi';
import { RoundDetails } from './RoundDetails';
import { ROUNDS_HASH } from './roundsRoute';
import { useRounds } from './RoundsContext';
import { useRoundTexts } from './roundTexts';

/** A round's own page (#round=<id>), in the board's place; a link to a round of another plan leads there. */
export default function RoundPage({ roundId }: { roundId: string }) {
  const t = useRoundTexts();
  const context = useRounds();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const listed = context?.rounds.find((r) => r.id === roundId);
  const [fetched, setFetched] = useState<RoundView | null | 'unknown'>(null);
  const missing = !listed;
  // Not (yet) in the plan's list: just opened here, a link to a round of another plan, or
  // a list that has not arrived (its answer may be slow); the round's own answer is enough.
  useEffect(() => {
    if (!missing) return;
    const abort = new AbortController();
    fetchRound(roundId, abort.signal).then(setFetched, () => !abort.signal.aborted && setFetched('unknown'));
    return () => abort.abort();
  }, [missing, roundId]);
  const elsewhere = fetched && fetched !== 'unknown' && fetched.planId !== context?.planId ? fetched : null;
  const round = listed ?? (fetched && fetched !== 'unknown' && !elsewhere ? fetched : undefined);
  // Opening a round takes the reader to it, as the history page does.
  useEffect(() => {
    if (round) headingRef.current?.focus();
  }, [round?.id]);

  return (
    <div className="rounds-page round-page" id="board" tabIndex={-1}>
      <div className="rounds-head">
        <h2 ref={headingRef} tabIndex={-1}>
          {t.round}
          {round && <span className={`round-state round-state-${round.closedAt === null ? 'open' : 'closed'}`}>{round.closedAt === null ? t.state.open : t.state.closed}</span>}
        </h2>
        <a className="button" href={ROUNDS_HASH}>
          {t.allRounds}
        </a>
        <a className="button" href="#">
          {t.backToBoard}
        </a>
      </div>
      {round ? (
        <RoundDetails round={round} />
      ) : elsewhere ? (
        <p>
          {t.inOtherPlan} <a href={`/?plan=${encodeURIComponent(elsewhere.planId)}${hashHref({ round: elsewhere.id })}`}>{t.openInPlan}</a>
        </p>
      ) : fetched === 'unknown' ? (
        <p role="alert">{t.notFound}</p>
      ) : (
        <p role="status">{t.loading}</p>
      )}
    </div>
  );
}
