import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { runServer, type RunningServer } from '../helpers/runServer';
import { signInFirstAdmin } from '../helpers/signInFirstAdmin';
import { startSmtpSink, type SmtpSink } from '../helpers/smtpSink';
import { waitFor } from '../helpers/waitFor';
import { SLOW, textPart } from './mailFixture';


// What an operator does: the server runs as its own process (npm start), the command
// line adds people next to it, and the mail arrives at a real SMTP server.

let server: RunningServer | null = null;
let sink: SmtpSink | null = null;
afterEach(async () => {
  await server?.dispose();
  await sink?.close();
  server = null;
  sink = null;
});

function userAdd(email: string, name: string) {
  const cli = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'user', 'add', '--email', email, '--name', name, '--role', 'tjanstepersonforum'], {
    env: { ...process.env, DATA_DIR: server!.dataDir, PUBLIC_ORIGIN: server!.url, PORT: String(server!.port) },
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(cli.status).toBe(0);
  return { url: cli.stdout.trim(), message: cli.stderr };
}

describe('mail from the command line to a running server', SLOW, () => {
  it('user add makes an invitation arrive at the SMTP server with a link to PUBLIC_ORIGIN; one made while it is down arrives once it is back, exactly once', async () => {
    sink = await startSmtpSink();
    server = await runServer({ SMTP_URL: sink.url, MAIL_FROM: 'Planbord <planbord@sekom.se>', MAIL_RETRY_SECONDS: '1' });
    const first = userAdd('anna@sotenas.se', 'Anna Berg');
    expect(first.message).toMatch(/A mail with the link is queued for them: the running server sends it/);
    const mail = await waitFor(() => sink!.received.find((m) => m.to.includes('anna@sotenas.se')), { timeoutMs: 20_000 });
    expect(mail.headers.get('from')).toEqual(['Planbord <planbord@sekom.se>']);
    expect(textPart(mail)).toContain(first.url);
    expect(first.url.startsWith(`${server.url}/#invitation=`)).toBe(true);

    await sink.stop();
    const second = userAdd('eva@orebro.se', 'Eva Lind');
    await waitFor(() => server!.output().includes('cannot be reached'), { timeoutMs: 20_000, what: 'the outage in the log' });
    await sink.start();
    await waitFor(() => sink!.received.some((m) => m.to.includes('eva@orebro.se')), { timeoutMs: 20_000, what: 'the mail after the outage' });
    expect(textPart(sink.received.find((m) => m.to.includes('eva@orebro.se'))!)).toContain(second.url);
    // Give the server time to poll a few more times: the mail never comes again.
    await waitFor(() => server!.output().includes('takes mails again'), { timeoutMs: 20_000 });
    const admin = await signInFirstAdmin(server.url, server.output());
    const outbox = await (await fetch(`${server.url}/api/mail/outbox`, { headers: { cookie: admin.cookie } })).json();
    expect(outbox.mails.map((m: { toAddress: string; state: string }) => [m.toAddress, m.state])).toEqual([
      ['eva@orebro.se', 'sent'],
      ['anna@sotenas.se', 'sent'],
    ]);
    expect(sink.received.filter((m) => m.to.includes('eva@orebro.se'))).toHaveLength(1);
    expect(sink.received.filter((m) => m.to.includes('anna@sotenas.se'))).toHaveLength(1);
  });

  it('without SMTP_URL keeps the mail, writes it to the log and shows it to the secretariat', async () => {
    server = await runServer();
    const { url } = userAdd('bo@kil.se', 'Bo Ek');
    await waitFor(() => server!.output().includes('mail kept, not sent'), { timeoutMs: 20_000 });
    expect(server.output()).toContain(url);
    const admin = await signInFirstAdmin(server.url, server.output());
    const outbox = await (await fetch(`${server.url}/api/mail/outbox`, { headers: { cookie: admin.cookie } })).json();
    expect(outbox.smtp).toBe(false);
    expect(outbox.mails).toMatchObject([{ toAddress: 'bo@kil.se', state: 'kept', kind: 'sign_in_link' }]);
  });
});
