import { Plus } from 'lucide-react';
import { useState } from 'react';
import type * as Y from 'yjs';
import { useCan } from '../auth/CurrentUser';
import { RoundGroup } from './RoundGroup';
import { NewRoundDialog } from './NewRoundDialog';
import { useRounds } from './RoundsContext';
import { useRoundTexts } from './roundTexts';

/** Every consultation round of the plan, open ones first; the board and the secretariat open new ones here. */
export default function RoundsPage({ planDoc }: { planDoc: Y.Doc }) {
  const t = useRoundTexts();
  const context = useRounds();
  const mayRun = useCan('rounds.run');
  const [creating, setCreating] = useState(false);
  if (!context) return null;
  const open = context.rounds.filter((r) => r.closedAt === null).sort((a, b) => a.deadline - b.deadline);
  const closed = context.rounds.filter((r) => r.closedAt !== null).sort((a, b) => b.closedAt! - a.closedAt!);
  return (
    <div className="rounds-page" id="board" tabIndex={-1}>
      <div className="rounds-head">
        <h2>{t.rounds}</h2>
        {mayRun && (
          <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
            <Plus aria-hidden="true" size={16} /> {t.newRound}
          </button>
        )}
        <a className="button" href="#">
          {t.backToBoard}
        </a>
      </div>
      {!context.loaded ? (
        <p role="status">{t.loading}</p>
      ) : context.rounds.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <>
          <RoundGroup title={t.open} rounds={open} />
          <RoundGroup title={t.closed} rounds={closed} />
        </>
      )}
      {creating && <NewRoundDialog planId={context.planId} planDoc={planDoc} onClose={() => setCreating(false)} />}
    </div>
  );
}
