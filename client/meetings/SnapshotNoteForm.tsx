import { useId, useState } from 'react';
import { useMeetingTexts } from './meetingTexts';

/** "Spara ögonblicksbild" with an optional note. */
export function SnapshotNoteForm({ onSave, onCancel }: { onSave: (note: string) => void; onCancel?: () => void }) {
  const t = useMeetingTexts();
  const id = useId();
  const [note, setNote] = useState('');
  return (
    <form
      className="meeting-inline-form"
      aria-label={t.saveSnapshot}
      onSubmit={(e) => {
        e.preventDefault();
        onSave(note.trim());
        setNote('');
      }}
    >
      <label htmlFor={id}>{t.note}</label>
      <input id={id} value={note} maxLength={2000} autoFocus={onCancel !== undefined} onChange={(e) => setNote(e.target.value)} />
      <button type="submit" className="button button-primary">
        {t.saveSnapshot}
      </button>
      {onCancel && (
        <button type="button" className="button" onClick={onCancel}>
          {t.cancel}
        </button>
      )}
    </form>
  );
}
