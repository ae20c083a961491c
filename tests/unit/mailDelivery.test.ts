import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mailServer, SLOW, textPart, waitFor, type MailServer } from './mailFixture';


let f: MailServer;
beforeEach(async () => {
  f = await mailServer();
});
afterEach(async () => {
  await f.close();
});

const invite = async (admin: Awaited<ReturnType<MailServer['person']>>, email: string, name = 'Eva Lind') => {
  const res = await f.send('POST', '/api/users', admin, { email, name, role: 'tjanstepersonforum' });
  expect(res.status).toBe(201);
  return (await res.json()) as { link: { url: string }; mailed: boolean };
};

describe('delivering mail to a real SMTP server', SLOW, () => {
  it('mails an invitation with the link to PUBLIC_ORIGIN, an unsubscribe link and a stable Message-ID', async () => {
    const admin = await f.person('kansli');
    const { link, mailed } = await invite(admin, 'eva@orebro.se');
    expect(mailed).toBe(true);
    const [mail] = await f.arrived((m) => m.to.includes('eva@orebro.se'));
    expect(mail.to).toEqual(['eva@orebro.se']);
    expect(textPart(mail)).toContain(link.url);
    expect(link.url.startsWith(`${f.server.url}/#invitation=`)).toBe(true);
    expect(mail.subject).toBe('Välkommen till Planbord – välj ditt lösenord');
    expect(mail.headers.get('list-unsubscribe')?.[0]).toMatch(new RegExp(`^<${f.server.url}/api/mail/unsubscribe/[\\w.-]+>$`));
    expect(mail.headers.get('list-unsubscribe-post')).toEqual(['List-Unsubscribe=One-Click']);
    const row = await waitFor(async () => (await f.outbox()).find((m) => m.toAddress === 'eva@orebro.se' && m.state === 'sent'));
    expect((await f.server.mail.outbox.store.get(row.id))!.messageId).toBe(mail.messageId);
  });

  it('keeps mails through an outage of the mail server and delivers each exactly once when it is back', async () => {
    const admin = await f.person('kansli');
    await f.sink.stop();
    const emails = ['a@example.se', 'b@example.se', 'c@example.se'];
    for (const e of emails) await invite(admin, e, `Namn ${e}`);
    // Tried and refused (connection refused), kept waiting with the reason.
    await waitFor(
      async () => {
        const mails = await f.outbox();
        return emails.every((e) => mails.some((m) => m.toAddress === e && m.state === 'waiting' && m.attempts >= 2));
      },
      { what: 'retries' },
    );
    expect((await f.outbox()).find((m) => m.toAddress === 'a@example.se')!.lastError).toMatch(/ECONNREFUSED|ECONNECTION|connect/i);
    expect(f.logger.entries.some((e) => e.message.includes('cannot be reached'))).toBe(true);
    await f.sink.start();
    await f.arrived((m) => emails.includes(m.to[0]), 3);
    await waitFor(
      async () => {
        const mails = await f.outbox();
        return emails.every((e) => mails.some((m) => m.toAddress === e && m.state === 'sent'));
      },
      { what: 'all sent' },
    );
    // A few more polls: nothing arrives a second time.
    const polls = await f.server.mail.outbox.store.counts();
    await f.server.mail.sender.tick();
    await f.server.mail.sender.tick();
    expect(polls.sent).toBe(3 + 0);
    for (const e of emails) expect(f.sink.received.filter((m) => m.to.includes(e))).toHaveLength(1);
  });

  it('retries a "try later" answer, and shows a refusal for good with the server\'s answer until the secretariat sends it again', async () => {
    const admin = await f.person('kansli');
    f.sink.refuse({ code: 451, message: 'Greylisted, try again later' });
    await invite(admin, 'later@example.se');
    await waitFor(async () => (await f.outbox()).find((m) => m.toAddress === 'later@example.se' && m.attempts >= 2 && m.state === 'waiting'));
    expect((await f.outbox()).find((m) => m.toAddress === 'later@example.se')!.lastError).toMatch(/451 Greylisted/);
    f.sink.refuse({ code: 550, message: 'Mailbox unavailable' });
    await invite(admin, 'never@example.se');
    const failed = await waitFor(async () => (await f.outbox()).find((m) => m.toAddress === 'never@example.se' && m.state === 'failed'));
    expect(failed.lastError).toMatch(/550 Mailbox unavailable/);
    f.sink.refuse(null);
    await f.arrived((m) => m.to.includes('later@example.se'));
    // Failed stays failed: nothing is sent again on its own.
    await f.server.mail.sender.tick();
    expect(f.sink.received.filter((m) => m.to.includes('never@example.se'))).toHaveLength(0);
    const forum = await f.person('tjanstepersonforum');
    expect((await f.send('POST', `/api/mail/outbox/${failed.id}/resend`, forum)).status).toBe(403);
    const resent = await f.send('POST', `/api/mail/outbox/${failed.id}/resend`, admin);
    expect(resent.status).toBe(200);
    await f.arrived((m) => m.to.includes('never@example.se'));
    await waitFor(async () => (await f.outbox()).find((m) => m.id === failed.id && m.state === 'sent'));
    expect((await f.send('POST', `/api/mail/outbox/${failed.id}/resend`, admin)).status).toBe(409);
    expect(f.sink.received.filter((m) => m.to.includes('never@example.se'))).toHaveLength(1);
    expect(f.sink.received.filter((m) => m.to.includes('later@example.se'))).toHaveLength(1);
  });

  it('sends the mails that waited when Planbord was restarted, once each', async () => {
    const admin = await f.person('kansli');
    await f.sink.stop();
    await invite(admin, 'waiting@example.se');
    await waitFor(async () => (await f.outbox()).find((m) => m.toAddress === 'waiting@example.se' && m.attempts >= 1));
    await f.server.close();
    await f.sink.start();
    await f.restart();
    await f.arrived((m) => m.to.includes('waiting@example.se'));
    await waitFor(async () => (await f.outbox()).find((m) => m.toAddress === 'waiting@example.se' && m.state === 'sent'));
    expect(f.sink.received.filter((m) => m.to.includes('waiting@example.se'))).toHaveLength(1);
  });

  it('sends a mail a stopped process left "sending" again with the same Message-ID, so a receiver can tell the repeat', async () => {
    const admin = await f.person('kansli');
    await f.sink.stop();
    await invite(admin, 'crash@example.se');
    await f.server.close();
    // As if the process had handed the mail to SMTP and died before marking it sent.
    const { openStore } = await import('../../server/store/openStore');
    const { OutboxStore } = await import('../../server/store/OutboxStore');
    const store = openStore(f.server.store.file.replace(/\/planbord\.sqlite$/, ''));
    const [claimed] = await new OutboxStore(store.sql).claimDue(Date.now() + 3_600_000, 10);
    await store.close();
    expect(claimed.state).toBe('sending');
    await f.sink.start();
    await f.restart();
    const [mail] = await f.arrived((m) => m.to.includes('crash@example.se'));
    expect(mail.messageId).toBe(claimed.messageId);
    expect(f.logger.entries.some((e) => e.message.includes('left "sending"'))).toBe(true);
  });

  it('does not deliver to a person deactivated while the mail server dropped the connection mid-mail', async () => {
    const admin = await f.person('kansli');
    const { people } = f.server.auth;
    f.sink.dropNext(async () => {
      // The secretariat deactivates her while the mail is on its way.
      const eva = (await people.findForSignIn('eva@example.se'))!.user;
      await people.updateUser(eva.id, { active: false }, Date.now());
    });
    await invite(admin, 'eva@example.se');
    const row = await waitFor(async () => (await f.outbox()).find((m) => m.toAddress === 'eva@example.se' && m.state === 'cancelled'));
    expect(row.attempts).toBe(1);
    expect(row.lastError).toMatch(/deactivated/);
    await f.server.mail.sender.tick();
    expect(f.sink.received.filter((m) => m.to.includes('eva@example.se'))).toHaveLength(0);
  });

  it('sends nothing to a person deactivated after their mail was queued', async () => {
    const admin = await f.person('kansli');
    await f.sink.stop();
    const { user } = (await (await f.send('POST', '/api/users', admin, { email: 'gone@example.se', name: 'Gone', role: 'styrelse' })).json()) as { user: { id: string } };
    // The mail waits in the outbox (its first attempt refused) when she is deactivated;
    // a mail already handed to the mail server cannot be called back.
    await waitFor(async () => (await f.outbox()).find((m) => m.toAddress === 'gone@example.se' && m.state === 'waiting' && m.attempts >= 1), {
      what: 'a failed first attempt',
    });
    expect((await f.send('PATCH', `/api/users/${user.id}`, admin, { active: false })).status).toBe(200);
    await f.sink.start();
    const row = await waitFor(async () => (await f.outbox()).find((m) => m.toAddress === 'gone@example.se' && m.state === 'cancelled'), { what: 'the cancelled mail' });
    expect(row.lastError).toMatch(/deactivated/);
    // A new link cannot be made for them, and nothing arrived.
    expect((await f.send('POST', `/api/users/${user.id}/link`, admin)).status).toBe(403);
    await f.server.mail.sender.tick();
    expect(f.sink.received.filter((m) => m.to.includes('gone@example.se'))).toHaveLength(0);
  });
});
