import { useEffect, useId, useState, type FormEvent } from 'react';
import { DIGEST_FREQUENCIES, MAIL_LANGUAGES, type MailLanguage } from '../../shared/mail/MailKind';
import { en } from '../../shared/i18n/en';
import { sv } from '../../shared/i18n/sv';
import { useI18n } from '../i18n/I18nProvider';
import { AppHeader } from '../layout/AppHeader';
import { useMailPageTexts } from './mailPageTexts';
import { settingsApi, type MySettings } from './settingsApi';
import './mail.css';

const LANGUAGE_NAMES: Record<MailLanguage, string> = { sv: sv.langName, en: en.langName };

/** "Mina inställningar": the person's language and which mails they get. */
export function SettingsPage() {
  const t = useMailPageTexts();
  const { setLang } = useI18n();
  const id = useId();
  const [settings, setSettings] = useState<MySettings | null>(null);
  // Kept as what happened, not as words: saving may change the page's language.
  const [status, setStatus] = useState<'saved' | 'failed' | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    settingsApi.get().then(setSettings, () => setStatus('failed'));
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!settings) return;
    setBusy(true);
    setStatus(null);
    try {
      const saved = await settingsApi.save(settings);
      setSettings(saved);
      if (saved.language) setLang(saved.language);
      setStatus('saved');
    } catch {
      setStatus('failed');
    } finally {
      setBusy(false);
    }
  };

  const change = (patch: Partial<MySettings>) => {
    setStatus(null);
    setSettings((s) => (s ? { ...s, ...patch } : s));
  };

  return (
    <>
      <AppHeader title={t.settings} />
      <main className="mail-page" id="board">
        <p>
          <a href="#">{t.backToBoard}</a>
        </p>
        <p>{t.settingsIntro}</p>
        {settings === null ? (
          !status && <p role="status">{t.loading}</p>
        ) : (
          <form className="settings-form" onSubmit={submit}>
            <div className="field">
              <label htmlFor={`${id}-lang`}>{t.language}</label>
              <select
                id={`${id}-lang`}
                value={settings.language ?? 'sv'}
                onChange={(e) => change({ language: e.target.value as MailLanguage })}
              >
                {MAIL_LANGUAGES.map((l) => (
                  <option key={l} value={l} lang={l}>
                    {LANGUAGE_NAMES[l]}
                  </option>
                ))}
              </select>
            </div>
            <fieldset>
              <legend>{t.digest}</legend>
              <p className="field-hint" id={`${id}-digest-hint`}>
                {t.digestHint}
              </p>
              {DIGEST_FREQUENCIES.map((f) => (
                <label key={f} className="choice">
                  <input
                    type="radio"
                    name={`${id}-digest`}
                    value={f}
                    checked={settings.digest === f}
                    aria-describedby={`${id}-digest-hint`}
                    onChange={() => change({ digest: f })}
                  />
                  {t.frequency[f]}
                </label>
              ))}
            </fieldset>
            <fieldset>
              <legend>{t.kindsLegend}</legend>
              {(Object.keys(settings.kinds) as Array<keyof MySettings['kinds']>).map((kind) => (
                <label key={kind} className="choice">
                  <input
                    type="checkbox"
                    checked={settings.kinds[kind]}
                    onChange={(e) => change({ kinds: { ...settings.kinds, [kind]: e.target.checked } })}
                  />
                  {t.kind[kind]}
                </label>
              ))}
            </fieldset>
            <div>
              <button type="submit" className="button button-primary" disabled={busy}>
                {t.save}
              </button>
            </div>
          </form>
        )}
        <div role={status === 'failed' ? 'alert' : 'status'}>
          {status && <p className={status === 'failed' ? 'form-error' : 'auth-notice'}>{status === 'failed' ? t.failed : t.saved}</p>}
        </div>
      </main>
    </>
  );
}
