import { can } from '../../shared/auth/roles';
import { roundProgress } from '../../shared/rounds/roundProgress';
import type { RoundView } from '../../shared/rounds/RoundView';
import { hashHref } from '../routing/hashRoute';
import { askedOf, useRounds } from './RoundsContext';
import { formatMoment, useRoundTexts } from './roundTexts';
import { useRoundAnswers } from './useRoundAnswers';

/** One round in a list: its question, state, deadline and how far the answers have come, with a link to it. */
export function RoundListEntry({ round }: { round: RoundView }) {
  const t = useRoundTexts();
  const context = useRounds();
  const answers = useRoundAnswers(round);
  const me = context?.me ?? null;
  const progress = roundProgress(round, answers);
  const mine = me && askedOf(round, me.id) ? progress.people.find((p) => p.personId === me.id) : undefined;
  const line =
    me && can(me.role, 'rounds.run')
      ? t.progress(progress.doneCount, progress.expectedCount)
      : mine
        ? t.myProgress(mine.answered.length, mine.answered.length + mine.pending.length)
        : round.closedAt !== null
          ? t.answerCount(answers.length)
          : '';
  return (
    <li className="round-entry" data-round-id={round.id}>
      <a className="round-entry-question" href={hashHref({ round: round.id })}>
        {round.question}
      </a>
      <span className="round-entry-meta">
        {round.closedAt === null ? `${t.state.open} · ${t.deadline}: ${formatMoment(t, round.deadline)}` : `${t.state.closed} ${formatMoment(t, round.closedAt)}`}
        {line && ` · ${line}`}
      </span>
    </li>
  );
}
