import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReceivedMail } from '../helpers/smtpSink';
import { mailServer, mentioning, planItemsOf, SLOW, textPart, waitFor, type MailServer } from './mailFixture';


let f: MailServer;
afterEach(async () => {
  await f.close();
});

const unsubscribeUrlOf = (mail: ReceivedMail) => /^<([^>]+)>$/.exec(mail.headers.get('list-unsubscribe')![0])![1];

describe('one-click unsubscribe', SLOW, () => {
  beforeEach(async () => {
    f = await mailServer();
  });

  it('shows a confirmation on GET, unsubscribes on the one-click POST without signing in, for that person and kind only', async () => {
    const { planId, items } = await planItemsOf(f);
    const anna = await f.person('styrelse', { name: 'Anna Berg', email: 'anna@example.se' });
    const eva = await f.person('tjanstepersonforum', { name: 'Eva Lind', email: 'eva@example.se' });
    const bo = await f.person('tjanstepersonforum', { name: 'Bo Ek', email: 'bo@example.se' });
    await f.send('POST', `/api/discussion/${planId}/items/${items.A}/threads`, anna, { body: mentioning('Hej ', eva, bo) });
    const [mail] = await f.arrived((m) => m.to.includes('eva@example.se'));
    const url = unsubscribeUrlOf(mail);

    const page = await fetch(url);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('eva@example.se');
    expect(html).toContain('<form method="post">');
    expect((await f.server.mail.outbox.preferences.optouts(eva.id)).size).toBe(0);

    // As a mail provider sends it (RFC 8058): from its own servers, no cookie, no Origin of ours, no app header.
    const oneClick = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://mail.provider.example' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.status).toBe(200);
    expect(await oneClick.text()).toContain('får inte längre e-post om när någon nämner dig');
    expect([...(await f.server.mail.outbox.preferences.optouts(eva.id))]).toEqual(['mention']);
    expect((await f.server.mail.outbox.preferences.optouts(bo.id)).size).toBe(0);
    expect(await (await f.send('GET', '/api/me/settings', eva)).json()).toMatchObject({ kinds: { mention: false, reply: true } });

    // The next mention reaches Bo, not Eva; a reply still reaches Eva.
    const res = await f.send('POST', `/api/discussion/${planId}/items/${items.B}/threads`, anna, { body: mentioning('Igen ', eva, bo) });
    const { threadId } = (await res.json()) as { threadId: string };
    await f.arrived((m) => m.to.includes('bo@example.se'), 2);
    await f.send('POST', `/api/discussion/${planId}/threads/${threadId}/comments`, eva, { body: 'Svar' });
    await f.send('POST', `/api/discussion/${planId}/threads/${threadId}/comments`, anna, { body: 'Svar till svaret' });
    await f.arrived((m) => m.to.includes('eva@example.se') && m.subject.includes('svarade'));
    expect(f.sink.received.filter((m) => m.to.includes('eva@example.se') && m.subject.includes('nämnde'))).toHaveLength(1);
  });

  it('refuses a changed or made-up token, and lets no other request past the CSRF guard', async () => {
    const eva = await f.person('tjanstepersonforum', { email: 'eva@example.se' });
    const bo = await f.person('tjanstepersonforum', { email: 'bo@example.se' });
    const good = await f.server.mail.outbox.unsubscribeUrl(eva.id, 'mention');
    const token = good.split('/').pop()!;
    const [userId, , signature] = token.split('.');
    const forged = [
      `${bo.id}.mention.${signature}`, // someone else with Eva's signature
      `${userId}.reply.${signature}`, // another kind with the mention's signature
      `${userId}.mention.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`,
      `${userId}.mention`,
      'x',
    ];
    for (const t of forged) {
      const res = await fetch(`${f.server.url}/api/mail/unsubscribe/${t}`, { method: 'POST', body: 'List-Unsubscribe=One-Click' });
      expect([t, res.status]).toEqual([t, 404]);
    }
    expect((await f.server.mail.outbox.preferences.optouts(eva.id)).size).toBe(0);
    expect((await f.server.mail.outbox.preferences.optouts(bo.id)).size).toBe(0);
    // Without the app's header, from another origin, with Eva's session: nothing else opens.
    const foreign = { origin: 'https://evil.example', cookie: eva.cookie, 'content-type': 'application/json' };
    for (const [method, path] of [
      ['PUT', '/api/me/settings'],
      ['POST', `/api/mail/unsubscribe/${token}/x`],
      ['POST', `/api/mail/unsubscribe/${token}%2F..%2F..%2Fusers`],
      ['POST', '/api/mail/outbox/1/resend'],
      ['POST', '/api/users'],
    ]) {
      const res = await fetch(`${f.server.url}${path}`, { method, headers: foreign, body: '{"language":"en"}' });
      expect([path, res.status]).toEqual([path, 403]);
    }
    expect((await f.server.mail.outbox.preferences.chosenLanguage(eva.id))).toBeNull();
  });
});

const HEADERS = ['auto-submitted', 'content-type', 'date', 'from', 'list-unsubscribe', 'list-unsubscribe-post', 'message-id', 'mime-version', 'subject', 'to'];

describe('header injection', SLOW, () => {
  beforeEach(async () => {
    f = await mailServer();
  });

  it('never lets a line break in a name add a header or a recipient, in the raw message that reaches the SMTP server', async () => {
    const { planId, items } = await planItemsOf(f);
    const names = [
      'Eva\r\nBcc: evil1@attacker.example',
      'Eva\nCc: evil2@attacker.example',
      'Eva\rTo: evil3@attacker.example',
      'Eva\u2028Bcc: evil4@attacker.example',
      'Eva\u0085Bcc: evil5@attacker.example',
      'Eva =?utf-8?Q?=0D=0ABcc:_evil6@attacker.example?=',
      'Eva %0D%0ABcc: evil7@attacker.example',
    ];
    const writer = await f.person('styrelse', { name: 'Anna\r\nBcc: evil0@attacker.example', email: 'anna@example.se' });
    const readers = [];
    for (const [i, name] of names.entries()) readers.push(await f.person('tjanstepersonforum', { name, email: `reader${i}@example.se` }));
    // The writer's name goes into the subject, each reader's into To.
    await f.send('POST', `/api/discussion/${planId}/items/${items.C}/threads`, writer, { body: mentioning('Hej ', ...readers) });
    const mails = await f.arrived((m) => m.to[0].startsWith('reader'), names.length);
    for (const mail of mails) {
      expect(mail.to).toHaveLength(1);
      expect(mail.to[0]).toMatch(/^reader\d@example\.se$/);
      // The only headers are the ones Planbord writes, each once; the name stays text inside To.
      expect([...mail.headers.keys()].sort()).toEqual(HEADERS);
      for (const name of HEADERS) expect([name, mail.headers.get(name)!.length]).toEqual([name, 1]);
      expect(mail.headers.get('to')![0]).toMatch(/<reader\d@example\.se>$/);
      expect(mail.headers.get('to')![0]).not.toMatch(/[\r\n\u0085\u2028]/);
      expect(mail.subject).toMatch(/^Anna Bcc: evil0@attacker\.example nämnde dig: C$/);
      expect(mail.headers.get('subject')).toHaveLength(1);
    }
    expect(f.sink.received.flatMap((m) => m.to).filter((a) => a.includes('attacker'))).toEqual([]);
  });
});

describe('the hourly limit', SLOW, () => {
  it('holds mails over MAIL_MAX_PER_HOUR for the person and gathers them into their next digest', async () => {
    const clock = { now: Date.now() };
    f = await mailServer({ mail: { maxPerHour: 2 }, clock: () => clock.now });
    const { planId, items } = await planItemsOf(f);
    const anna = await f.person('styrelse', { name: 'Anna Berg' });
    const eva = await f.person('tjanstepersonforum', { name: 'Eva Lind', email: 'eva@example.se' });
    for (const activity of ['A', 'B', 'C', 'D']) {
      expect((await f.send('POST', `/api/discussion/${planId}/items/${items[activity]}/threads`, anna, { body: mentioning(`Om ${activity} `, eva) })).status).toBe(201);
    }
    await f.arrived((m) => m.to.includes('eva@example.se'), 2);
    const held = (await f.outbox()).filter((m) => m.state === 'held');
    expect(held.map((m) => m.subject)).toEqual(['Anna Berg nämnde dig: D', 'Anna Berg nämnde dig: C']);
    // An hour later the limit has room again: a new mention goes out on its own.
    clock.now += 61 * 60 * 1000;
    await f.send('POST', `/api/discussion/${planId}/items/${items.E}/threads`, anna, { body: mentioning('Om E ', eva) });
    await f.arrived((m) => m.to.includes('eva@example.se'), 3);
    // The next digest slot gathers the held ones, even though nothing else is new for Eva.
    clock.now += 2 * 24 * 60 * 60 * 1000;
    expect(await f.server.mail.digests!.tick()).toBeGreaterThanOrEqual(1);
    f.server.mail.sender.wake();
    const [, , , digest] = await f.arrived((m) => m.to.includes('eva@example.se'), 4);
    expect(digest.subject).toMatch(/^Nytt i Planbord sedan/);
    expect(textPart(digest)).toContain('Anna Berg nämnde dig: C');
    expect(textPart(digest)).toContain('Anna Berg nämnde dig: D');
    await waitFor(async () => (await f.outbox()).filter((m) => m.state === 'gathered').length === 2);
    expect(await f.server.mail.digests!.tick()).toBe(0);
  });
});
