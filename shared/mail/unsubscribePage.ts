import { escapeHtml } from '../html/escapeHtml';
import type { MailKind, MailLanguage } from './MailKind';
import { MAIL_TEXTS } from './mailTexts';

// The page a one-click unsubscribe link opens in a browser. Opening it (GET) changes
// nothing, since mail scanners open links; the button posts to the same address, which
// is also what a mail program's own unsubscribe button does (RFC 8058).

export type UnsubscribePage = { state: 'confirm' | 'done'; lang: MailLanguage; kind: MailKind; email: string; settingsUrl: string } | { state: 'invalid' };

const WORDS = {
  sv: {
    title: 'Avsluta e-post från Planbord',
    confirm: (email: string, kind: string) => `Vill du att ${email} inte längre får e-post om ${kind}?`,
    button: 'Ja, avsluta',
    done: (email: string, kind: string) => `Klart. ${email} får inte längre e-post om ${kind} från Planbord.`,
    settings: 'Du kan slå på det igen, och välja bland de andra mejlen, under',
  },
  en: {
    title: 'Unsubscribe from Planbord mail',
    confirm: (email: string, kind: string) => `Do you want ${email} to stop getting mail about ${kind}?`,
    button: 'Yes, unsubscribe',
    done: (email: string, kind: string) => `Done. ${email} no longer gets mail about ${kind} from Planbord.`,
    settings: 'You can switch it on again, and choose among the other mails, under',
  },
};

const INVALID = {
  title: 'Länken fungerar inte – The link does not work',
  sv: 'Länken för att avsluta e-post är ogiltig. Logga in i Planbord och välj vilka mejl du vill ha under Mina inställningar.',
  en: 'The unsubscribe link is not valid. Sign in to Planbord and choose which mails you want under My settings.',
};

function page(lang: string, title: string, body: string): string {
  return (
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
    `<title>${escapeHtml(title)}</title><style>body{font-family:system-ui,Arial,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#1d2026;line-height:1.5}` +
    `button{font:inherit;padding:.6rem 1rem;background:#0b5cad;color:#fff;border:0;border-radius:4px;cursor:pointer}` +
    `button:focus-visible{outline:3px solid #1d2026;outline-offset:2px}a{color:#0b5cad}</style></head>` +
    `<body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`
  );
}

export function unsubscribePage(view: UnsubscribePage): string {
  if (view.state === 'invalid') return page('sv', INVALID.title, `<p>${escapeHtml(INVALID.sv)}</p><p lang="en">${escapeHtml(INVALID.en)}</p>`);
  const w = WORDS[view.lang];
  const kind = MAIL_TEXTS[view.lang].kindName[view.kind];
  const settings = `<p>${escapeHtml(w.settings)} <a href="${escapeHtml(view.settingsUrl)}">${escapeHtml(MAIL_TEXTS[view.lang].settingsLabel)}</a>.</p>`;
  if (view.state === 'done') return page(view.lang, w.title, `<p role="status">${escapeHtml(w.done(view.email, kind))}</p>${settings}`);
  return page(
    view.lang,
    w.title,
    `<p>${escapeHtml(w.confirm(view.email, kind))}</p>` +
      // The same field a mail program's one-click button sends.
      `<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">${escapeHtml(w.button)}</button></form>${settings}`,
  );
}
