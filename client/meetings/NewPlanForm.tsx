import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../auth/apiFetch';
import { PLANS_CHANGED } from '../hooks/usePlans';
import { startNewPlan } from './meetingApi';
import { useMeetingTexts } from './meetingTexts';

interface Props {
  snapshotId: number;
  label: string;
  /** The year of the plan the snapshot is of; the new plan defaults to the next one. */
  year: number;
  onCancel: () => void;
}

/** A new year's plan from a snapshot: title, year, version, the annual meeting's text, and whether statuses start over. */
export function NewPlanForm({ snapshotId, label, year, onCancel }: Props) {
  const t = useMeetingTexts();
  const id = useId();
  const [title, setTitle] = useState(`Handlingsplan ${year + 1}`);
  const [nextYear, setNextYear] = useState(String(year + 1));
  const [reset, setReset] = useState(true);
  // Asked for anew: last year's version and annual meeting are not this year's.
  const [version, setVersion] = useState('Version 1');
  const [meetingText, setMeetingText] = useState('');
  const [state, setState] = useState<{ kind: 'editing' | 'busy' } | { kind: 'failed'; error: string } | { kind: 'done'; id: string; title: string }>({ kind: 'editing' });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setState({ kind: 'busy' });
    try {
      const plan = await startNewPlan(snapshotId, { title, year: Number(nextYear), resetStatuses: reset, version, meetingText });
      window.dispatchEvent(new Event(PLANS_CHANGED));
      setState({ kind: 'done', id: plan.id, title: plan.title });
    } catch (err) {
      setState({ kind: 'failed', error: t.failed(err instanceof ApiError ? err.message : String(err)) });
    }
  };

  if (state.kind === 'done') {
    return (
      <div className="history-form" role="status">
        <p>{t.planCreated(state.title)}</p>
        <a className="button button-primary" href={`?plan=${encodeURIComponent(state.id)}`}>
          {t.openPlan(state.title)}
        </a>
      </div>
    );
  }
  return (
    <form className="history-form" onSubmit={submit} aria-labelledby={`${id}-h`}>
      <h4 id={`${id}-h`}>{t.newPlanHeading(label)}</h4>
      <label htmlFor={`${id}-title`}>{t.newPlanTitle}</label>
      <input id={`${id}-title`} value={title} required maxLength={200} onChange={(e) => setTitle(e.target.value)} />
      <label htmlFor={`${id}-year`}>{t.newPlanYear}</label>
      <input id={`${id}-year`} type="number" min={2000} max={2200} value={nextYear} required onChange={(e) => setNextYear(e.target.value)} />
      <label htmlFor={`${id}-version`}>{t.newPlanVersion}</label>
      <input id={`${id}-version`} value={version} maxLength={200} onChange={(e) => setVersion(e.target.value)} />
      <label htmlFor={`${id}-meeting`}>{t.newPlanMeetingText}</label>
      <textarea id={`${id}-meeting`} rows={2} maxLength={2000} aria-describedby={`${id}-meeting-hint`} value={meetingText} onChange={(e) => setMeetingText(e.target.value)} />
      <span className="field-hint" id={`${id}-meeting-hint`}>
        {t.newPlanMeetingHint}
      </span>
      <fieldset>
        <legend>{t.statusesChoice}</legend>
        <label className="history-check">
          <input type="radio" name={`${id}-statuses`} checked={!reset} onChange={() => setReset(false)} />
          {t.keepStatuses}
        </label>
        <label className="history-check">
          <input type="radio" name={`${id}-statuses`} checked={reset} onChange={() => setReset(true)} />
          {t.resetStatuses}
        </label>
      </fieldset>
      <button type="submit" className="button button-primary" disabled={state.kind === 'busy'}>
        {t.createPlan}
      </button>
      <button type="button" className="button" onClick={onCancel}>
        {t.cancel}
      </button>
      {state.kind === 'failed' && (
        <p className="history-error" role="alert">
          {state.error}
        </p>
      )}
    </form>
  );
}
