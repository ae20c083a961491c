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
  const round = context?.rounds.find((r) => r.id === roundId);
  const [elsewhere, setElsewhere] = useState<RoundView | null | 'unknown'>(null);
  const missing = context?.loaded === true && !round;
  // A link may name a round of another plan: find out which, to offer the way there.
  useEffect(() => {
    if (!missing) return;
    const abort = new AbortController();
    fetchRound(roundId, abort.signal).then(setElsewhere, () => !abort.signal.aborted && setElsewhere('unknown'));
    return () => abort.abort();
  }, [missing, roundId]);
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
      ) : !missing ? (
        <p role="status">{t.loading}</p>
      ) : elsewhere && elsewhere !== 'unknown' && elsewhere.planId !== context?.planId ? (
        <p>
          {t.inOtherPlan} <a href={`/?plan=${encodeURIComponent(elsewhere.planId)}${hashHref({ round: elsewhere.id })}`}>{t.openInPlan}</a>
        </p>
      ) : (
        <p role="alert">{elsewhere === null ? t.loading : t.notFound}</p>
      )}
    </div>
  );
}
