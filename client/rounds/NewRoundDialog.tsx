import { useEffect, useId, useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import { stockholmParts } from '../../shared/rounds/stockholmTime';
import { ApiError } from '../auth/apiFetch';
import { Modal } from '../dialog/Modal';
import { useDirections } from '../hooks/useDirections';
import { useItems } from '../hooks/useItems';
import { hashHref } from '../routing/hashRoute';
import { DeadlineFields, type Deadline } from './DeadlineFields';
import { fetchCandidates, openRound, type Candidate } from './roundApi';
import { useRounds } from './RoundsContext';
import { useRoundTexts } from './roundTexts';

/** A fortnight ahead at five in the afternoon, Swedish time: a deadline most rounds keep. */
function defaultDeadline(): Deadline {
  return { date: stockholmParts(Date.now() + 14 * 24 * 3600_000).date, time: '17:00', remind: true, days: 2 };
}

const toggle = (set: ReadonlySet<string>, id: string, on: boolean) => {
  const next = new Set(set);
  if (on) next.add(id);
  else next.delete(id);
  return next;
};

/**
 * Opening a consultation round: the question, the items (chosen ones or a whole
 * direction), who is asked (the whole forum or chosen people), the deadline in Swedish
 * time and an optional reminder. The server checks everything again and says what is
 * wrong; nothing is opened until it accepts.
 */
export function NewRoundDialog({ planId, planDoc, onClose }: { planId: string; planDoc: Y.Doc; onClose(): void }) {
  const t = useRoundTexts();
  const id = useId();
  const context = useRounds();
  const directions = useDirections(planDoc);
  const items = useItems(planDoc);
  const [question, setQuestion] = useState('');
  const [scope, setScope] = useState<'items' | 'direction'>('items');
  const [chosenItems, setChosenItems] = useState<ReadonlySet<string>>(new Set());
  const [directionId, setDirectionId] = useState('');
  const [audience, setAudience] = useState<'forum' | 'people'>('forum');
  const [candidates, setCandidates] = useState<Candidate[] | 'loading' | 'failed'>('loading');
  const [chosenPeople, setChosenPeople] = useState<ReadonlySet<string>>(new Set());
  const [deadline, setDeadline] = useState<Deadline>(defaultDeadline);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    fetchCandidates().then(setCandidates, () => setCandidates('failed'));
  }, []);

  const direction = directionId || directions[0]?.id || '';

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const missing = !question.trim() ? t.noQuestion : scope === 'items' && chosenItems.size === 0 ? t.noItems : audience === 'people' && chosenPeople.size === 0 ? t.noPeople : null;
    if (missing) return setError(missing);
    setBusy(true);
    setError(null);
    try {
      const round = await openRound(planId, {
        question,
        deadline: `${deadline.date}T${deadline.time}`,
        reminderDays: deadline.remind ? deadline.days : null,
        ...(scope === 'items' ? { itemIds: items.filter((i) => chosenItems.has(i.id)).map((i) => i.id) } : { directionId: direction }),
        recipients: audience === 'forum' ? 'forum' : [...chosenPeople],
      });
      context?.refresh();
      onClose();
      location.hash = hashHref({ round: round.id });
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t.failed(String(err)));
      setBusy(false);
    }
  }

  return (
    <Modal title={t.formTitle} onClose={onClose} className="round-dialog">
      <form className="item-form" onSubmit={submit} aria-busy={busy} noValidate>
        <div className="field">
          <label htmlFor={`${id}-question`}>{t.question}</label>
          <textarea id={`${id}-question`} rows={3} maxLength={2000} value={question} aria-describedby={`${id}-question-hint`} onChange={(e) => setQuestion(e.target.value)} />
          <span className="field-hint" id={`${id}-question-hint`}>
            {t.questionHint}
          </span>
        </div>

        <fieldset className="field">
          <legend>{t.whichItems}</legend>
          <label className="round-choice">
            <input type="radio" name={`${id}-scope`} checked={scope === 'items'} onChange={() => setScope('items')} /> {t.chosenItems}
          </label>
          <label className="round-choice">
            <input type="radio" name={`${id}-scope`} checked={scope === 'direction'} onChange={() => setScope('direction')} /> {t.wholeDirection}
          </label>
          {scope === 'direction' ? (
            <div className="field">
              <label htmlFor={`${id}-direction`}>{t.direction}</label>
              <select id={`${id}-direction`} value={direction} onChange={(e) => setDirectionId(e.target.value)}>
                {directions.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.title}
                  </option>
                ))}
              </select>
            </div>
          ) : (
            <div className="round-pick-list">
              {directions.map((d) => (
                <fieldset key={d.id} className="round-pick-group">
                  <legend>{d.title}</legend>
                  {items
                    .filter((i) => i.directionId === d.id)
                    .map((item, n, list) => {
                      const name = item.activity || item.how.slice(0, 60);
                      // Rows of one activity share their Vad; their Hur tells them apart.
                      const repeated = list.some((o) => o !== item && o.activity === item.activity);
                      return (
                        <label key={item.id} className="round-choice">
                          <input type="checkbox" checked={chosenItems.has(item.id)} onChange={(e) => setChosenItems((s) => toggle(s, item.id, e.target.checked))} />
                          {repeated && item.how ? `${name} – ${item.how.slice(0, 60)}` : name}
                        </label>
                      );
                    })}
                </fieldset>
              ))}
            </div>
          )}
        </fieldset>

        <fieldset className="field">
          <legend>{t.whoIsAsked}</legend>
          <label className="round-choice">
            <input type="radio" name={`${id}-audience`} checked={audience === 'forum'} onChange={() => setAudience('forum')} /> {t.wholeForum}
          </label>
          <label className="round-choice">
            <input type="radio" name={`${id}-audience`} checked={audience === 'people'} onChange={() => setAudience('people')} /> {t.chosenPeople}
          </label>
          {audience === 'people' &&
            (candidates === 'loading' ? (
              <p role="status">{t.loadingPeople}</p>
            ) : candidates === 'failed' ? (
              <p role="alert">{t.peopleFailed}</p>
            ) : (
              <div className="round-pick-list">
                {candidates.map((p) => (
                  <label key={p.id} className="round-choice">
                    <input type="checkbox" checked={chosenPeople.has(p.id)} onChange={(e) => setChosenPeople((s) => toggle(s, p.id, e.target.checked))} />
                    {p.name}
                    <span className="field-hint">
                      {[t.roles[p.role], p.organisation].filter(Boolean).join(', ')}
                    </span>
                  </label>
                ))}
              </div>
            ))}
        </fieldset>

        <DeadlineFields value={deadline} onChange={setDeadline} disabled={busy} />

        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="modal-actions">
          <span className="spacer" />
          <button type="button" className="button button-quiet" onClick={onClose}>
            {t.cancel}
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {t.submit}
          </button>
        </div>
      </form>
    </Modal>
  );
}
