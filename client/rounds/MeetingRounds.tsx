import { hashHref } from '../routing/hashRoute';
import { useRounds } from './RoundsContext';
import { ROUNDS_HASH } from './roundsRoute';
import { formatMoment, useRoundTexts } from './roundTexts';

/** How many rounds the banner names; the rest are one link away. */
const SHOWN = 3;

/**
 * In the meeting banner: the plan's newest consultation rounds, each a link straight to
 * its summary (or, while open, its answers so far), so the board can take up what the
 * forum answered.
 */
export function MeetingRounds() {
  const t = useRoundTexts();
  const context = useRounds();
  if (!context || context.rounds.length === 0) return null;
  const newest = [...context.rounds].sort((a, b) => (b.closedAt ?? b.openedAt) - (a.closedAt ?? a.openedAt)).slice(0, SHOWN);
  return (
    <div className="meeting-rounds">
      <h3>{t.inMeeting}</h3>
      <ul>
        {newest.map((round) => (
          <li key={round.id}>
            <a href={hashHref({ round: round.id })} aria-label={round.closedAt === null ? t.openRoundNamed(round.question) : t.openSummary(round.question)}>
              {round.question}
            </a>{' '}
            <span className="meeting-meta">
              {round.closedAt === null
                ? `${t.state.open}, ${t.deadline.toLowerCase()} ${formatMoment(t, round.deadline)}`
                : `${t.state.closed} ${formatMoment(t, round.closedAt)}, ${t.answerCount(round.answers.length)}`}
            </span>
          </li>
        ))}
      </ul>
      {context.rounds.length > SHOWN && <a href={ROUNDS_HASH}>{t.allRounds}</a>}
    </div>
  );
}
