import type { NewOnItem } from '../discussion/WhatsNewReport';
import { headerText } from './headerText';
import type { DigestEvent, MailEvent } from './MailEvent';
import type { MailLanguage } from './MailKind';
import { layoutMail, type MailBlock } from './mailLayout';
import { itemLink, planLink, roundLink, settingsLink } from './mailLinks';
import { formatDay, formatMoment, MAIL_TEXTS, type MailTexts } from './mailTexts';

// A mail is a pure function of what happened and the reader's language: no database,
// no clock, no server. The outbox stores what this returns.

export interface RenderContext {
  /** PUBLIC_ORIGIN: every link starts with it. */
  origin: string;
  recipientName: string;
  /** The reader's one-click unsubscribe address for this kind of mail. */
  unsubscribeUrl: string;
  /** The time zone for times in the text; the server's when not given. */
  timeZone?: string;
}

export interface RenderedMail {
  /** One line: no line break a name or title carried survives into it. */
  subject: string;
  text: string;
  html: string;
}

interface Content {
  subject: string;
  blocks: MailBlock[];
}

function content(event: MailEvent, t: MailTexts, ctx: RenderContext): Content {
  const when = (at: number) => formatMoment(t, at, ctx.timeZone);
  switch (event.kind) {
    case 'sign_in_link': {
      const words = event.purpose === 'invite' ? t.invite : t.reset;
      return {
        subject: words.subject,
        blocks: [
          { type: 'p', text: words.intro },
          { type: 'button', label: words.action, url: event.url },
          { type: 'p', text: t.linkValid(when(event.expiresAt)) },
        ],
      };
    }
    case 'mention':
    case 'reply': {
      const words = t[event.kind];
      return {
        subject: words.subject(event.authorName, event.activity),
        blocks: [
          { type: 'p', text: words.intro(event.authorName, event.activity, event.planTitle) },
          { type: 'quote', text: event.excerpt },
          { type: 'button', label: t.openThread, url: itemLink(ctx.origin, event.planId, event.itemId, event.threadId) },
        ],
      };
    }
    case 'round': {
      const { notice } = event;
      const words = t.round[notice.kind];
      return {
        subject: words.subject(notice.question),
        blocks: [
          { type: 'p', text: words.intro(event.planTitle, when(notice.deadline)) },
          { type: 'p', text: t.question },
          { type: 'quote', text: notice.question },
          { type: 'p', text: t.itemsAsked },
          { type: 'list', items: notice.items.map((item) => ({ text: item.activity, url: itemLink(ctx.origin, notice.planId, item.id) })) },
          { type: 'button', label: t.openRound, url: roundLink(ctx.origin, notice.planId, notice.roundId) },
        ],
      };
    }
    case 'meeting': {
      const words = t.meeting[event.change];
      const day = formatDay(t, event.date);
      return {
        subject: words.subject(event.title, day),
        blocks: [
          { type: 'p', text: words.intro(event.actorName, t.meetingKind[event.meetingKind], event.title, day, event.planTitle) },
          { type: 'button', label: t.openBoard, url: planLink(ctx.origin, event.planId) },
        ],
      };
    }
    case 'digest':
      return digestContent(event, t, ctx, when);
  }
}

function itemLines(entry: NewOnItem, t: MailTexts): string[] {
  const d = t.digest;
  const lines: string[] = [];
  if (entry.comments.length) lines.push(d.comments(entry.comments.length, entry.comments.filter((c) => c.mentionsYou).length));
  if (entry.resolved.length) lines.push(d.resolved(entry.resolved.length));
  const fields: string[] = [];
  const names = new Set<string>();
  for (const c of entry.changes) {
    const field = c.change.field;
    if (field === 'created' || field === 'deleted' || field === 'restored') lines.push(d[field]);
    else fields.push(d.field[field]);
    c.names.filter(Boolean).forEach((n) => names.add(n));
  }
  if (fields.length) lines.push(d.changed(fields.join(', '), [...names].join(', ')));
  return lines;
}

function digestContent(event: DigestEvent, t: MailTexts, ctx: RenderContext, when: (at: number) => string): Content {
  const since = when(event.since);
  const blocks: MailBlock[] = [{ type: 'p', text: t.digest.intro(event.frequency, since) }];
  for (const plan of event.plans) {
    blocks.push({ type: 'heading', text: plan.planTitle });
    blocks.push({
      type: 'list',
      items: plan.items.map((entry) => ({
        text: entry.deleted ? `${entry.activity} (${t.digest.deleted})` : entry.activity,
        url: itemLink(ctx.origin, plan.planId, entry.itemId, entry.comments[0]?.threadId),
        lines: itemLines(entry, t),
      })),
    });
  }
  if (event.gathered.length) {
    blocks.push({ type: 'heading', text: t.digest.gathered });
    blocks.push({ type: 'list', items: event.gathered.map((g) => ({ text: g.subject, url: g.url, lines: [when(g.at)] })) });
  }
  return { subject: t.digest.subject(since), blocks };
}

export function renderMail(event: MailEvent, lang: MailLanguage, ctx: RenderContext): RenderedMail {
  const t = MAIL_TEXTS[lang];
  const { subject, blocks } = content(event, t, ctx);
  const body = layoutMail({
    lang,
    greeting: t.greeting(headerText(ctx.recipientName)),
    blocks,
    footer: [
      { text: t.why(t.kindName[event.kind]) },
      { text: t.settings, link: { label: t.settingsLabel, url: settingsLink(ctx.origin) } },
      { text: t.unsubscribe, link: { label: t.unsubscribeLabel, url: ctx.unsubscribeUrl } },
    ],
  });
  return { subject: headerText(subject), ...body };
}

/** The link a mail is about, for telling it in a digest when it was over the hourly limit. */
export function mainLink(event: MailEvent, origin: string): string {
  switch (event.kind) {
    case 'mention':
    case 'reply':
      return itemLink(origin, event.planId, event.itemId, event.threadId);
    case 'round':
      return roundLink(origin, event.notice.planId, event.notice.roundId);
    case 'meeting':
      return planLink(origin, event.planId);
    case 'sign_in_link':
      return event.url;
    case 'digest':
      return origin;
  }
}
