import { describe, expect, it } from 'vitest';
import type { CommentEvent, MailEvent, MeetingEvent } from '../../shared/mail/MailEvent';
import { renderMail } from '../../shared/mail/renderMail';
import type { RoundNotice } from '../../shared/rounds/RoundNotice';

// Rendering is a pure function of the event and the reader's language: no server here.

const origin = 'https://planbord.sekom.se';
const ctx = { origin, recipientName: 'Eva Lind', unsubscribeUrl: `${origin}/api/mail/unsubscribe/u1.mention.sig`, timeZone: 'Europe/Stockholm' };
const hostile = '<script>alert(1)</script> & "quotes"';

const round: RoundNotice = {
  kind: 'round_opened',
  roundId: 'r1',
  planId: '2025',
  question: 'Vilka punkter ska prioriteras 2026?',
  deadline: Date.parse('2025-04-01T15:00:00Z'),
  items: [
    { id: 'i1', activity: 'Klimatanpassning' },
    { id: 'i2', activity: 'Cirkulär upphandling' },
  ],
  recipientIds: ['u1'],
};

const mention: CommentEvent = { kind: 'mention', planId: '2025', planTitle: 'Verksamhetsplan 2025', itemId: 'i1', activity: 'Klimatanpassning', threadId: 't1', authorName: 'Anna Berg', excerpt: 'Vad tycker @Eva Lind?' };
const meeting: MeetingEvent = { kind: 'meeting', change: 'scheduled', planId: '2025', planTitle: 'Verksamhetsplan 2025', title: 'Strategimöte våren', date: '2025-03-12', meetingKind: 'strategimote', actorName: 'Kansliet' };

const events: MailEvent[] = [
  { kind: 'sign_in_link', purpose: 'invite', url: `${origin}/#invitation=abc`, expiresAt: Date.parse('2025-03-10T08:00:00Z') },
  { kind: 'sign_in_link', purpose: 'reset', url: `${origin}/#invitation=def`, expiresAt: Date.parse('2025-03-10T08:00:00Z') },
  mention,
  { kind: 'reply', planId: '2025', planTitle: 'Verksamhetsplan 2025', itemId: 'i1', activity: 'Klimatanpassning', threadId: 't1', authorName: 'Anna Berg', excerpt: 'Jag håller med.' },
  { kind: 'round', notice: round, planTitle: 'Verksamhetsplan 2025' },
  { kind: 'round', notice: { ...round, kind: 'round_reminder' }, planTitle: 'Verksamhetsplan 2025' },
  { kind: 'round', notice: { ...round, kind: 'round_closed' }, planTitle: 'Verksamhetsplan 2025' },
  meeting,
  { kind: 'meeting', change: 'opened', planId: '2025', planTitle: 'Verksamhetsplan 2025', title: 'Strategimöte våren', date: '2025-03-12', meetingKind: 'strategimote', actorName: 'Kansliet' },
  {
    kind: 'digest',
    frequency: 'weekly',
    since: Date.parse('2025-03-03T06:00:00Z'),
    until: Date.parse('2025-03-10T06:00:00Z'),
    plans: [
      {
        planId: '2025',
        planTitle: 'Verksamhetsplan 2025',
        items: [
          {
            itemId: 'i1',
            activity: 'Klimatanpassning',
            direction: 'Klimat',
            deleted: false,
            comments: [{ threadId: 't1', commentId: 'c1', authorName: 'Anna', createdAt: 1, excerpt: 'x', reply: false, mentionsYou: true }],
            resolved: [],
            changes: [{ change: { field: 'status', from: 'planned', to: 'done' }, names: ['Bo'], at: 2 }],
          },
        ],
      },
    ],
    gathered: [{ subject: 'Anna Berg nämnde dig: Klimatanpassning', url: `${origin}/?plan=2025#item=i1&thread=t1`, at: 3 }],
  },
];

const links = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));

describe('renderMail', () => {
  it('renders every kind in Swedish and English, as text and HTML, with every link to the public address', () => {
    for (const event of events) {
      const sv = renderMail(event, 'sv', ctx);
      const en = renderMail(event, 'en', ctx);
      expect(sv.subject).not.toBe(en.subject);
      expect(sv.html).toContain('<html lang="sv">');
      expect(en.html).toContain('<html lang="en">');
      for (const mail of [sv, en]) {
        expect(mail.subject).not.toMatch(/[\r\n]/);
        expect(mail.text).toContain(ctx.unsubscribeUrl);
        for (const href of links(mail.html)) expect(href.startsWith(`${origin}/`)).toBe(true);
        for (const href of links(mail.html)) expect(mail.text).toContain(href);
      }
    }
  });

  it('links a comment mail straight to its thread and a round mail to the round and each item', () => {
    const mention = renderMail(events[2], 'sv', ctx);
    expect(mention.subject).toBe('Anna Berg nämnde dig: Klimatanpassning');
    expect(mention.text).toContain(`${origin}/?plan=2025#item=i1&thread=t1`);
    const opened = renderMail(events[4], 'en', ctx);
    expect(opened.subject).toBe('Consultation round: Vilka punkter ska prioriteras 2026?');
    expect(links(opened.html)).toEqual(
      expect.arrayContaining([`${origin}/?plan=2025#round=r1`, `${origin}/?plan=2025#item=i1`, `${origin}/?plan=2025#item=i2`]),
    );
    expect(opened.text).toMatch(/1 April 2025/);
  });

  it('escapes everything a person wrote in the HTML', () => {
    const event: MailEvent = { ...mention, authorName: hostile, activity: hostile, excerpt: hostile, planTitle: hostile };
    const mail = renderMail(event, 'sv', { ...ctx, recipientName: hostile });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;');
    expect(mail.text).toContain('<script>alert(1)</script>');
    const scheduled = renderMail({ ...meeting, title: hostile }, 'en', ctx);
    expect(scheduled.html).not.toContain('<script>');
  });

  it('keeps a subject on one line whatever line breaks a name or title carries', () => {
    for (const name of ['Eva\r\nBcc: evil@example.org', 'Eva\nTo: x@y', 'Eva\u2028Bcc: x', 'Eva\u0085Cc: x', 'Eva\tX']) {
      const mail = renderMail({ ...mention, authorName: name }, 'sv', ctx);
      expect(mail.subject).not.toMatch(/[\r\n\u0085\u2028\u2029\t]/);
      expect(mail.subject.startsWith('Eva ')).toBe(true);
    }
  });
});
