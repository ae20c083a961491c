import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ImportPreview } from '../../shared/import/importPreview';
import { importErrorText } from '../../shared/import/importTexts';
import { ApiError } from '../auth/apiFetch';
import { Modal } from '../dialog/Modal';
import { PLANS_CHANGED } from '../hooks/usePlans';
import { ImportPreviewView } from './ImportPreviewView';
import { NewPlanFields, type PlanFields } from './NewPlanFields';
import { useImportTexts } from './importTexts';
import { ImportRefusal, uploadPlanFile } from './uploadPlanFile';
import './import.css';

/** The largest file the server reads (server/import/readPlanFile.ts). */
const MAX_FILE_BYTES = 10 * 1024 * 1024;

interface Props {
  planId: string;
  planTitle: string;
  onClose: () => void;
}

type Phase =
  | { kind: 'choose' }
  | { kind: 'busy'; step: 'reading' | 'saving'; share: number | null }
  | { kind: 'refused'; message: string }
  | { kind: 'preview'; preview: ImportPreview }
  | { kind: 'created'; id: string; title: string }
  | { kind: 'replaced'; snapshotId: number };

/**
 * "Importera plan": choose a file, see how it was read (nothing is written yet), then
 * make a new plan of it or replace the current plan's content. The file is sent again
 * for the second step; the server keeps nothing between them.
 */
export default function ImportDialog({ planId, planTitle, onClose }: Props) {
  const t = useImportTexts();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'choose' });
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mode, setMode] = useState<'new' | 'replace'>('new');
  const [fields, setFields] = useState<PlanFields>({ year: '', title: '', version: '', meetingText: '' });
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const describe = (err: unknown) =>
    err instanceof ImportRefusal
      ? `${t.refused} ${importErrorText(t.lang, { code: err.importCode, where: err.where, params: err.params })}`
      : t.failed(err instanceof ApiError ? err.message : String(err));

  /** Sends the file; null when it was refused (the reason is shown) or the dialog closed. */
  const send = async <T,>(chosen: File, path: string, step: 'reading' | 'saving', extra: Record<string, string> = {}): Promise<T | null> => {
    abort.current?.abort();
    abort.current = new AbortController();
    setPhase({ kind: 'busy', step, share: 0 });
    try {
      return await uploadPlanFile<T>(path, chosen, extra, (share) => setPhase({ kind: 'busy', step, share }), abort.current.signal);
    } catch (err) {
      if ((err as Error).name !== 'AbortError') setPhase({ kind: 'refused', message: describe(err) });
      return null;
    }
  };

  const read = async (chosen: File) => {
    setFile(chosen);
    setPreview(null);
    // The server refuses it too; said here, the file is not sent for nothing.
    if (chosen.size > MAX_FILE_BYTES) {
      const message = importErrorText(t.lang, { code: 'TOO_LARGE', where: null, params: { size: chosen.size, max: MAX_FILE_BYTES } });
      return setPhase({ kind: 'refused', message: `${t.refused} ${message}` });
    }
    const body = await send<{ preview: ImportPreview }>(chosen, '/api/imports/preview', 'reading');
    if (!body) return;
    const p = body.preview;
    setPreview(p);
    const year = p.year || new Date().getFullYear() + 1;
    setFields({ year: String(year), title: p.title || `Verksamhetsplan ${year}`, version: p.version, meetingText: p.preamble });
    setPhase({ kind: 'preview', preview: p });
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (mode === 'new') {
      const body = await send<{ plan: { id: string; title: string } }>(file!, '/api/imports/plans', 'saving', fields);
      if (!body) return;
      window.dispatchEvent(new Event(PLANS_CHANGED));
      setPhase({ kind: 'created', id: body.plan.id, title: body.plan.title });
    } else {
      const body = await send<{ before: { id: number } }>(file!, `/api/plans/${encodeURIComponent(planId)}/import`, 'saving');
      if (body) setPhase({ kind: 'replaced', snapshotId: body.before.id });
    }
  };

  const busy = phase.kind === 'busy';
  const percent = busy && phase.share !== null ? Math.round(phase.share * 100) : null;
  const done = phase.kind === 'created' || phase.kind === 'replaced';
  return (
    <Modal title={t.title} onClose={onClose} className="import-dialog">
      <form className="item-form" onSubmit={submit} aria-busy={busy}>
        <div className="field">
          <label htmlFor={`${id}-file`}>{t.file}</label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".docx,.txt,.csv,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain,text/csv"
            aria-describedby={`${id}-hint`}
            disabled={busy || done}
            onChange={(e) => e.target.files?.[0] && void read(e.target.files[0])}
          />
          <span className="field-hint" id={`${id}-hint`}>
            {t.fileHint}
          </span>
        </div>
        <div className="export-status" role="status" aria-live="polite">
          {busy && (
            <>
              {/* The upload is counted; once sent, the server reads or saves and has no steps to report. */}
              <progress aria-label={percent === null ? (phase.step === 'reading' ? t.reading : t.saving) : t.uploadingLabel} max={100} value={percent ?? undefined} />
              <span>{percent === null ? (phase.step === 'reading' ? t.reading : t.saving) : t.uploading(percent)}</span>
            </>
          )}
          {phase.kind === 'created' && <span>{t.created(phase.title)}</span>}
          {phase.kind === 'replaced' && <span>{t.replaced(phase.snapshotId)}</span>}
        </div>
        {phase.kind === 'refused' && (
          <p className="form-error" role="alert">
            {phase.message}
          </p>
        )}
        {preview && !done && (
          <>
            <ImportPreviewView preview={preview} />
            <fieldset className="field" disabled={busy}>
              <legend>{t.choice}</legend>
              <label className="export-check">
                <input type="radio" name={`${id}-mode`} checked={mode === 'new'} onChange={() => setMode('new')} />
                {t.asNew}
              </label>
              <label className="export-check">
                <input type="radio" name={`${id}-mode`} checked={mode === 'replace'} onChange={() => setMode('replace')} />
                {t.asReplacement(planTitle)}
              </label>
            </fieldset>
            {mode === 'new' ? <NewPlanFields value={fields} onChange={setFields} disabled={busy} /> : <p className="field-hint">{t.replaceHint}</p>}
          </>
        )}
        <div className="form-actions">
          {phase.kind === 'created' ? (
            <a className="button button-primary" href={`?plan=${encodeURIComponent(phase.id)}`}>
              {t.openPlan(phase.title)}
            </a>
          ) : (
            preview &&
            !done && (
              <button type="submit" className="button button-primary" disabled={busy}>
                {mode === 'new' ? t.create : t.replace}
              </button>
            )
          )}
          <button type="button" className="button" onClick={onClose}>
            {done ? t.close : t.cancel}
          </button>
        </div>
      </form>
    </Modal>
  );
}
