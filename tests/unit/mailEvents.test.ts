import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RoundNotice } from '../../shared/rounds/RoundNotice';
import { queueRoundNotice } from '../../server/mail/queueRoundNotice';
import { mailServer, mentioning, planItemsOf, SLOW, textPart, type MailServer } from './mailFixture';


let f: MailServer;
beforeEach(async () => {
  f = await mailServer();
});
afterEach(async () => {
  await f.close();
});

const quiet = async () => {
  await f.server.mail.sender.tick();
  return f.sink.received.length;
};

describe('the mails events cause', SLOW, () => {
  it('mails a mention to the person mentioned, in their language, linking straight to the thread; and a reply to the others who wrote in it', async () => {
    const { planId, items } = await planItemsOf(f);
    const anna = await f.person('styrelse', { name: 'Anna Berg', email: 'anna@example.se' });
    const eva = await f.person('tjanstepersonforum', { name: 'Eva Lind', email: 'eva@example.se' });
    const bo = await f.person('tjanstepersonforum', { name: 'Bo Ek', email: 'bo@example.se' });
    expect((await f.send('PUT', '/api/me/settings', eva, { language: 'en' })).status).toBe(200);
    const started = await f.send('POST', `/api/discussion/${planId}/items/${items.A}/threads`, anna, { body: mentioning('Vad tycker du, ', eva) });
    expect(started.status).toBe(201);
    const { threadId } = (await started.json()) as { threadId: string };
    const [mention] = await f.arrived((m) => m.to.includes('eva@example.se'));
    expect(mention.subject).toBe('Anna Berg mentioned you: A');
    expect(textPart(mention)).toContain(`${f.server.url}/?plan=${planId}#item=${items.A}&thread=${threadId}`);
    expect(textPart(mention)).toContain('Vad tycker du, @Eva Lind');
    // Bo replies: Anna (who started the thread) and Eva (who was mentioned in it but never wrote) …
    expect((await f.send('POST', `/api/discussion/${planId}/threads/${threadId}/comments`, bo, { body: 'Jag håller med.' })).status).toBe(201);
    const [reply] = await f.arrived((m) => m.to.includes('anna@example.se'));
    expect(reply.subject).toBe('Bo Ek svarade i en tråd: A');
    // … Eva replies: Anna and Bo hear of it, Eva does not hear of her own reply.
    expect((await f.send('POST', `/api/discussion/${planId}/threads/${threadId}/comments`, eva, { body: 'Tack!' })).status).toBe(201);
    await f.arrived((m) => m.to.includes('bo@example.se'));
    await f.arrived((m) => m.to.includes('anna@example.se'), 2);
    await quiet();
    expect(f.sink.received.filter((m) => m.to.includes('eva@example.se'))).toHaveLength(1);
    expect(f.sink.received.filter((m) => m.to.includes('bo@example.se'))).toHaveLength(1);
  });

  it('mails a mention added by editing a comment, once, and nothing for mentioning oneself', async () => {
    const { planId, items } = await planItemsOf(f);
    const anna = await f.person('styrelse', { name: 'Anna Berg', email: 'anna@example.se' });
    const eva = await f.person('tjanstepersonforum', { name: 'Eva Lind', email: 'eva@example.se' });
    const res = await f.send('POST', `/api/discussion/${planId}/items/${items.B}/threads`, anna, { body: mentioning('Jag själv ', anna) });
    const { commentId } = (await res.json()) as { commentId: string };
    expect((await f.send('PATCH', `/api/discussion/${planId}/comments/${commentId}`, anna, { body: mentioning('Och nu ', anna, eva) })).status).toBe(200);
    await f.arrived((m) => m.to.includes('eva@example.se'));
    expect((await f.send('PATCH', `/api/discussion/${planId}/comments/${commentId}`, anna, { body: mentioning('Igen ', eva) })).status).toBe(200);
    await quiet();
    expect(f.sink.received.map((m) => m.to[0])).toEqual(['eva@example.se']);
  });

  it('tells everyone but the person who did it that a meeting was scheduled, and that it opened', async () => {
    const { planId } = await planItemsOf(f);
    const admin = await f.person('kansli', { email: 'kansli@example.se' });
    await f.person('styrelse', { email: 'board@example.se' });
    const created = await f.send('POST', `/api/plans/${planId}/meetings`, admin, { title: 'Strategimöte våren', date: '2025-03-12', kind: 'strategimote' });
    expect(created.status).toBe(201);
    const [scheduled] = await f.arrived((m) => m.to.includes('board@example.se'));
    expect(scheduled.subject).toBe('Möte planerat: Strategimöte våren, 12 mars 2025');
    const { id } = (await created.json()) as { id: number };
    expect((await f.send('POST', `/api/meetings/${id}/open`, admin)).status).toBe(200);
    const opened = await f.arrived((m) => m.to.includes('board@example.se'), 2);
    expect(opened[1].subject).toBe('Mötet har börjat: Strategimöte våren');
    expect(textPart(opened[1])).toContain(`${f.server.url}/?plan=${planId}`);
    await quiet();
    expect(f.sink.received.filter((m) => m.to.includes('kansli@example.se'))).toHaveLength(0);
  });

  it('queues a round notice inside the caller\'s transaction: its mails are stored with the round or not at all', async () => {
    const { planId, items } = await planItemsOf(f);
    const eva = await f.person('tjanstepersonforum', { email: 'eva@example.se' });
    const bo = await f.person('tjanstepersonforum', { email: 'bo@example.se' });
    const notice: RoundNotice = {
      kind: 'round_opened',
      roundId: 'r1',
      planId,
      question: 'Vad ska prioriteras?',
      deadline: Date.now() + 7 * 86_400_000,
      items: [
        { id: items.A, activity: 'A' },
        { id: items.D, activity: 'D' },
      ],
      recipientIds: [eva.id, bo.id, 'nobody'],
    };
    const { sql } = f.server.store;
    const context = f.server.mail.outbox.context;
    // A round whose transaction fails leaves no mail behind.
    await expect(
      sql.transaction(async (tx) => {
        await queueRoundNotice(tx, notice, context);
        throw new Error('the round could not be stored');
      }),
    ).rejects.toThrow(/could not be stored/);
    expect(await f.outbox()).toHaveLength(0);
    const results = await sql.transaction((tx) => queueRoundNotice(tx, notice, context));
    expect(results.map((r) => r.queued)).toEqual([true, true, false]);
    const mails = await f.arrived((m) => ['eva@example.se', 'bo@example.se'].includes(m.to[0]), 2);
    const text = textPart(mails[0]);
    expect(mails[0].subject).toBe('Remissrunda: Vad ska prioriteras?');
    expect(text).toContain(`${f.server.url}/?plan=${planId}#round=r1`);
    expect(text).toContain(`${f.server.url}/?plan=${planId}#item=${items.A}`);
    expect(text).toContain(`${f.server.url}/?plan=${planId}#item=${items.D}`);
    await sql.transaction((tx) => queueRoundNotice(tx, { ...notice, kind: 'round_reminder', recipientIds: [bo.id] }, context));
    const reminder = await f.arrived((m) => m.subject.startsWith('Påminnelse'));
    expect(reminder.map((m) => m.to[0])).toEqual(['bo@example.se']);
    await sql.transaction((tx) => queueRoundNotice(tx, { ...notice, kind: 'round_closed' }, context));
    await f.arrived((m) => m.subject.startsWith('Remissrundan är stängd'), 2);
  });

  it('keeps each person\'s choices: language, digest and the kinds switched off; refuses bad input and changes nothing', async () => {
    const eva = await f.person('tjanstepersonforum');
    const initial = await (await f.send('GET', '/api/me/settings', eva)).json();
    expect(initial).toEqual({ language: null, digest: 'weekly', kinds: { sign_in_link: true, mention: true, reply: true, round: true, meeting: true } });
    const changed = await f.send('PUT', '/api/me/settings', eva, { language: 'en', digest: 'daily', kinds: { meeting: false } });
    expect(await changed.json()).toEqual({ language: 'en', digest: 'daily', kinds: { sign_in_link: true, mention: true, reply: true, round: true, meeting: false } });
    for (const bad of [{ language: 'de' }, { digest: 'hourly' }, { kinds: { digest: false } }, { kinds: { mention: 'no' } }, { kinds: [] }, [1]]) {
      const res = await f.send('PUT', '/api/me/settings', eva, bad);
      expect(res.status).toBe(400);
    }
    expect(await (await f.send('GET', '/api/me/settings', eva)).json()).toMatchObject({ language: 'en', digest: 'daily', kinds: { meeting: false } });
    expect((await f.send('GET', '/api/me/settings', null)).status).toBe(401);
  });

  it('answers bad outbox requests with clear errors and changes nothing', async () => {
    const admin = await f.person('kansli');
    const before = (await f.outbox());
    for (const path of ['/api/mail/outbox/abc', '/api/mail/outbox/0', '/api/mail/outbox/-1', '/api/mail/outbox/99999']) {
      const res = await f.send('GET', path, admin);
      expect([path, res.status, (await res.json()).error.code]).toEqual([path, 404, 'MAIL_NOT_FOUND']);
    }
    expect((await f.send('POST', '/api/mail/outbox/99999/resend', admin)).status).toBe(404);
    expect((await f.send('POST', '/api/mail/outbox/1.5/resend', admin)).status).toBe(404);
    expect((await f.send('PUT', '/api/me/settings', admin, undefined, { 'content-type': 'application/json' })).status).toBe(200);
    const huge = await f.send('PUT', '/api/me/settings', admin, { language: 'en', padding: 'x'.repeat(100_000) });
    expect(huge.status).toBe(413);
    expect((await f.server.mail.outbox.preferences.chosenLanguage(admin.id))).toBeNull();
    expect((await f.outbox())).toEqual(before);
    expect((await f.send('GET', '/api/health', null)).status).toBe(200);
  });
});
