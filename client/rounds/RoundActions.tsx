import { useState, type FormEvent } from 'react';
import { stockholmParts } from '../../shared/rounds/stockholmTime';
import type { RoundView } from '../../shared/rounds/RoundView';
import { ApiError } from '../auth/apiFetch';
import { DeadlineFields, type Deadline } from './DeadlineFields';
import { changeRound, closeRound } from './roundApi';
import { useRounds } from './RoundsContext';
import { useRoundTexts } from './roundTexts';

type Mode = 'idle' | 'changing' | 'closing' | 'busy';

/** For the board and the secretariat on an open round: move its deadline, change its reminder, or close it now. */
export function RoundActions({ round }: { round: RoundView }) {
  const t = useRoundTexts();
  const context = useRounds();
  const [mode, setMode] = useState<Mode>('idle');
  const [message, setMessage] = useState('');
  const [deadline, setDeadline] = useState<Deadline>(() => ({ ...stockholmParts(round.deadline), remind: round.reminderDays !== null, days: round.reminderDays ?? 2 }));

  const run = async (work: () => Promise<string>) => {
    setMode('busy');
    try {
      setMessage(await work());
      context?.refresh();
      setMode('idle');
    } catch (err) {
      setMessage(t.failed(err instanceof ApiError ? err.message : String(err)));
      setMode('idle');
    }
  };
  const save = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await changeRound(round.id, { deadline: `${deadline.date}T${deadline.time}`, reminderDays: deadline.remind ? deadline.days : null });
      return t.changed;
    });
  };

  return (
    <div className="round-actions">
      {mode === 'idle' && (
        <div className="round-action-buttons">
          <button type="button" className="button" onClick={() => setMode('changing')}>
            {t.change}
          </button>
          <button type="button" className="button" onClick={() => setMode('closing')}>
            {t.closeNow}
          </button>
        </div>
      )}
      {mode === 'changing' && (
        <form className="round-change-form" onSubmit={save} aria-label={t.change}>
          <DeadlineFields value={deadline} onChange={setDeadline} />
          <div className="modal-actions">
            <button type="button" className="button button-quiet" onClick={() => setMode('idle')}>
              {t.cancel}
            </button>
            <button type="submit" className="button button-primary">
              {t.saveChange}
            </button>
          </div>
        </form>
      )}
      {mode === 'closing' && (
        <div className="meeting-inline-form" role="group" aria-label={t.closeNow}>
          <p>{t.confirmClose}</p>
          <button type="button" className="button button-primary" autoFocus onClick={() => void run(async () => (await closeRound(round.id), t.closedNow))}>
            {t.closeNow}
          </button>
          <button type="button" className="button" onClick={() => setMode('idle')}>
            {t.cancel}
          </button>
        </div>
      )}
      {message && (
        <p className="round-message" role="status">
          {message}
        </p>
      )}
    </div>
  );
}
