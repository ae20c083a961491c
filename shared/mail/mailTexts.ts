import type { MeetingKind } from '../snapshot/meetingRecords';
import type { DigestFrequency, MailKind, MailLanguage } from './MailKind';

// Every word of the mails, in Swedish (the default) and English.

const sv = {
  locale: 'sv-SE',
  greeting: (name: string) => (name ? `Hej ${name},` : 'Hej,'),
  kindName: {
    sign_in_link: 'inloggningslänkar från kansliet',
    mention: 'när någon nämner dig',
    reply: 'svar i trådar du skrivit i',
    round: 'remissrundor',
    meeting: 'möten',
    digest: 'sammanfattningen av nyheter',
  } satisfies Record<MailKind, string>,
  why: (kind: string) => `Du får det här mejlet från Planbord för att du får e-post om ${kind}.`,
  settings: 'Ändra vilka mejl du får:',
  settingsLabel: 'Mina inställningar',
  unsubscribe: 'Vill du inte ha fler sådana?',
  unsubscribeLabel: 'Avsluta prenumerationen',
  invite: {
    subject: 'Välkommen till Planbord – välj ditt lösenord',
    intro: 'Du har bjudits in till Planbord, där styrelsen, kansliet och tjänstepersonforumet arbetar med verksamhetsplanen.',
    action: 'Välj lösenord och logga in',
  },
  reset: {
    subject: 'Ny inloggningslänk till Planbord',
    intro: 'Kansliet har gjort en ny inloggningslänk åt dig. Med den väljer du ett nytt lösenord.',
    action: 'Välj nytt lösenord',
  },
  linkValid: (until: string) => `Länken gäller till ${until} och fungerar en gång. Har du inte bett om den kan du strunta i det här mejlet.`,
  mention: {
    subject: (author: string, activity: string) => `${author} nämnde dig: ${activity}`,
    intro: (author: string, activity: string, plan: string) => `${author} nämnde dig i en kommentar om ”${activity}” i ${plan}:`,
  },
  reply: {
    subject: (author: string, activity: string) => `${author} svarade i en tråd: ${activity}`,
    intro: (author: string, activity: string, plan: string) => `${author} svarade i en tråd du skrivit i, om ”${activity}” i ${plan}:`,
  },
  openThread: 'Öppna tråden',
  round: {
    round_opened: {
      subject: (q: string) => `Remissrunda: ${q}`,
      intro: (plan: string, deadline: string) => `Styrelsen vill veta vad du tycker om några punkter i ${plan}. Svara i punkternas trådar senast ${deadline}.`,
    },
    round_reminder: {
      subject: (q: string) => `Påminnelse om remissrunda: ${q}`,
      intro: (plan: string, deadline: string) => `Du har inte svarat på remissrundan om ${plan} ännu. Den stänger ${deadline}.`,
    },
    round_closed: {
      subject: (q: string) => `Remissrundan är stängd: ${q}`,
      intro: (plan: string) => `Remissrundan om ${plan} är stängd. Tack för svaren! Sammanställningen finns på tavlan.`,
    },
  },
  question: 'Frågan:',
  itemsAsked: 'Punkterna:',
  openRound: 'Öppna remissrundan',
  meeting: {
    scheduled: {
      subject: (title: string, date: string) => `Möte planerat: ${title}, ${date}`,
      intro: (actor: string, kind: string, title: string, date: string, plan: string) =>
        `${actor} har planerat ett ${kind}, ”${title}”, den ${date}, om ${plan}.`,
    },
    opened: {
      subject: (title: string) => `Mötet har börjat: ${title}`,
      intro: (actor: string, kind: string, title: string, date: string, plan: string) =>
        `${actor} har öppnat ${kind}t ”${title}” (${date}). Tavlan för ${plan} visar nu vad som ändras under mötet.`,
    },
  },
  meetingKind: { strategimote: 'strategimöte', styrelsemote: 'styrelsemöte', arsmote: 'årsmöte' } satisfies Record<MeetingKind, string>,
  openBoard: 'Öppna tavlan',
  digest: {
    subject: (since: string) => `Nytt i Planbord sedan ${since}`,
    intro: (frequency: DigestFrequency, since: string) =>
      frequency === 'off'
        ? `Det här kom till dig sedan ${since} men blev fler mejl än du får på en timme, så det samlas här.`
        : `Det här har hänt sedan ${since}.`,
    gathered: 'Fler aviseringar till dig',
    comments: (n: number, mentions: number) =>
      `${n === 1 ? '1 ny kommentar' : `${n} nya kommentarer`}${mentions ? ` (${mentions === 1 ? 'en nämner dig' : `${mentions} nämner dig`})` : ''}`,
    resolved: (n: number) => (n === 1 ? '1 tråd markerades som löst' : `${n} trådar markerades som lösta`),
    changed: (fields: string, names: string) => `Ändrat: ${fields}${names ? ` (${names})` : ''}`,
    created: 'Ny punkt',
    deleted: 'Punkten togs bort',
    restored: 'Punkten återställdes',
    field: { activity: 'Vad', how: 'Hur', when: 'När/Resurs', statusNote: 'Statusnotering', direction: 'Inriktning', who: 'Vem', status: 'Status', priority: 'Prioritet' },
  },
};

export type MailTexts = typeof sv;

const en: MailTexts = {
  locale: 'en-GB',
  greeting: (name) => (name ? `Hello ${name},` : 'Hello,'),
  kindName: {
    sign_in_link: 'sign-in links from the secretariat',
    mention: 'being mentioned',
    reply: 'replies in threads you wrote in',
    round: 'consultation rounds',
    meeting: 'meetings',
    digest: 'the summary of news',
  },
  why: (kind) => `You get this mail from Planbord because you get mail about ${kind}.`,
  settings: 'Change which mails you get:',
  settingsLabel: 'My settings',
  unsubscribe: 'Do not want more of these?',
  unsubscribeLabel: 'Unsubscribe',
  invite: {
    subject: 'Welcome to Planbord – choose your password',
    intro: 'You have been invited to Planbord, where the board, the secretariat and the officers’ forum work on the action plan.',
    action: 'Choose a password and sign in',
  },
  reset: {
    subject: 'A new sign-in link for Planbord',
    intro: 'The secretariat has made a new sign-in link for you. With it you choose a new password.',
    action: 'Choose a new password',
  },
  linkValid: (until) => `The link is valid until ${until} and works once. If you did not ask for it, you can ignore this mail.`,
  mention: {
    subject: (author, activity) => `${author} mentioned you: ${activity}`,
    intro: (author, activity, plan) => `${author} mentioned you in a comment on “${activity}” in ${plan}:`,
  },
  reply: {
    subject: (author, activity) => `${author} replied in a thread: ${activity}`,
    intro: (author, activity, plan) => `${author} replied in a thread you wrote in, on “${activity}” in ${plan}:`,
  },
  openThread: 'Open the thread',
  round: {
    round_opened: {
      subject: (q) => `Consultation round: ${q}`,
      intro: (plan, deadline) => `The board wants to know what you think of some items in ${plan}. Answer in the items’ threads by ${deadline}.`,
    },
    round_reminder: {
      subject: (q) => `Reminder of a consultation round: ${q}`,
      intro: (plan, deadline) => `You have not answered the consultation round on ${plan} yet. It closes ${deadline}.`,
    },
    round_closed: {
      subject: (q) => `The consultation round is closed: ${q}`,
      intro: (plan) => `The consultation round on ${plan} is closed. Thank you for your answers! The summary is on the board.`,
    },
  },
  question: 'The question:',
  itemsAsked: 'The items:',
  openRound: 'Open the consultation round',
  meeting: {
    scheduled: {
      subject: (title, date) => `Meeting scheduled: ${title}, ${date}`,
      intro: (actor, kind, title, date, plan) => `${actor} has scheduled a ${kind}, “${title}”, on ${date}, on ${plan}.`,
    },
    opened: {
      subject: (title) => `The meeting has started: ${title}`,
      intro: (actor, kind, title, date, plan) => `${actor} has opened the ${kind} “${title}” (${date}). The board of ${plan} now shows what changes during the meeting.`,
    },
  },
  meetingKind: { strategimote: 'strategy meeting', styrelsemote: 'board meeting', arsmote: 'annual meeting' },
  openBoard: 'Open the board',
  digest: {
    subject: (since) => `New in Planbord since ${since}`,
    intro: (frequency, since) =>
      frequency === 'off' ? `These came to you since ${since}, more mails than you get in an hour, so they are gathered here.` : `This has happened since ${since}.`,
    gathered: 'More notifications for you',
    comments: (n, mentions) => `${n === 1 ? '1 new comment' : `${n} new comments`}${mentions ? ` (${mentions === 1 ? 'one mentions you' : `${mentions} mention you`})` : ''}`,
    resolved: (n) => (n === 1 ? '1 thread was resolved' : `${n} threads were resolved`),
    changed: (fields, names) => `Changed: ${fields}${names ? ` (${names})` : ''}`,
    created: 'New item',
    deleted: 'The item was deleted',
    restored: 'The item was restored',
    field: { activity: 'What', how: 'How', when: 'When/Resources', statusNote: 'Status note', direction: 'Direction', who: 'Who', status: 'Status', priority: 'Priority' },
  },
};

export const MAIL_TEXTS: Record<MailLanguage, MailTexts> = { sv, en };

/** A moment as the reader reads it, e.g. "3 mars 2025 09:30". */
export const formatMoment = (t: MailTexts, at: number, timeZone?: string) =>
  new Intl.DateTimeFormat(t.locale, { dateStyle: 'long', timeStyle: 'short', timeZone }).format(new Date(at));

/** A calendar day (YYYY-MM-DD) as the reader reads it, e.g. "12 mars 2025". */
export const formatDay = (t: MailTexts, day: string) =>
  new Intl.DateTimeFormat(t.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
