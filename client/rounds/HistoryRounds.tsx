import { RoundGroup } from './RoundGroup';
import { useRounds } from './RoundsContext';
import { useRoundTexts } from './roundTexts';

/** On the history page: every consultation round of the plan, newest first, each leading to its summary. */
export function HistoryRounds() {
  const t = useRoundTexts();
  const context = useRounds();
  return context ? <RoundGroup className="meeting-entry" title={t.rounds} rounds={context.rounds} /> : null;
}
