import { useCallback, useEffect, useState } from 'react';
import { canResend, type MailSummary } from '../../shared/mail/OutboxView';
import { apiFetch } from '../auth/apiFetch';
import { Modal } from '../dialog/Modal';
import { AppHeader } from '../layout/AppHeader';
import { formatWhen, useMailPageTexts } from './mailPageTexts';
import './mail.css';

// The secretariat's Utkorg: every mail and its state, read again every few seconds so a
// mail on its way shows when it is sent. A failed mail can be sent again; a mail kept
// while no mail server is set can be read here, its link copied by hand.

interface Outbox {
  smtp: boolean;
  mails: MailSummary[];
}

const REFRESH_MS = 4000;

export function OutboxPage() {
  const t = useMailPageTexts();
  const [outbox, setOutbox] = useState<Outbox | null>(null);
  const [failed, setFailed] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [shown, setShown] = useState<{ subject: string; text: string } | null>(null);

  const load = useCallback((background: boolean) => {
    apiFetch<Outbox>('/api/mail/outbox', { background }).then(
      (body) => {
        setOutbox(body);
        setFailed(false);
      },
      () => setFailed(true),
    );
  }, []);
  useEffect(() => {
    load(false);
    const timer = setInterval(() => load(true), REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);

  const resend = async (mail: MailSummary) => {
    setMessage(null);
    try {
      await apiFetch(`/api/mail/outbox/${mail.id}/resend`, { method: 'POST' });
      setMessage({ error: false, text: t.resent });
    } catch {
      setMessage({ error: true, text: t.failed });
    }
    load(false);
  };

  const show = async (mail: MailSummary) => {
    try {
      const body = await apiFetch<{ mail: { text: string } }>(`/api/mail/outbox/${mail.id}`);
      setShown({ subject: mail.subject, text: body.mail.text });
    } catch {
      setMessage({ error: true, text: t.failed });
    }
  };

  return (
    <>
      <AppHeader title={t.outbox} />
      <main className="mail-page" id="board">
        <p>
          <a href="#">{t.backToBoard}</a>
        </p>
        <p>{t.outboxIntro}</p>
        {outbox && !outbox.smtp && <p className="auth-notice">{t.noSmtp}</p>}
        <div role={message?.error ? 'alert' : 'status'}>{message && <p className={message.error ? 'form-error' : 'auth-notice'}>{message.text}</p>}</div>
        {outbox === null ? (
          <p role={failed ? 'alert' : 'status'}>{failed ? t.failed : t.loading}</p>
        ) : outbox.mails.length === 0 ? (
          <p>{t.empty}</p>
        ) : (
          <table className="outbox-table">
            <caption className="sr-only">{t.outbox}</caption>
            <thead>
              <tr>
                <th scope="col">{t.time}</th>
                <th scope="col">{t.to}</th>
                <th scope="col">{t.subject}</th>
                <th scope="col">{t.kindColumn}</th>
                <th scope="col">{t.state}</th>
                <th scope="col">{t.actions}</th>
              </tr>
            </thead>
            <tbody>
              {outbox.mails.map((mail) => (
                <tr key={mail.id} data-mail-id={mail.id}>
                  <td>{formatWhen(t, mail.sentAt ?? mail.createdAt)}</td>
                  <td>
                    {mail.toName}
                    <span className="outbox-answer">{mail.toAddress}</span>
                  </td>
                  <td>{mail.subject}</td>
                  <td>{t.kindShort[mail.kind]}</td>
                  <td>
                    <span className={`outbox-state-${mail.state}`}>{t.states[mail.state]}</span>
                    {mail.state === 'waiting' && mail.attempts > 0 && (
                      <span className="outbox-answer">{t.attempt(mail.attempts, formatWhen(t, mail.nextAttemptAt))}</span>
                    )}
                    {mail.lastError && (
                      <span className="outbox-answer">
                        {t.answer} {mail.lastError}
                      </span>
                    )}
                  </td>
                  <td>
                    <button type="button" className="button button-quiet" aria-label={t.showOf(mail.subject)} onClick={() => void show(mail)}>
                      {t.show}
                    </button>
                    {canResend(mail.state) && (mail.state === 'failed' || outbox.smtp) && (
                      <button type="button" className="button" aria-label={t.resendOf(mail.subject, mail.toAddress)} onClick={() => void resend(mail)}>
                        {t.resend}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {shown && (
          <Modal title={shown.subject} onClose={() => setShown(null)}>
            <pre className="outbox-text">{shown.text}</pre>
          </Modal>
        )}
      </main>
    </>
  );
}
