import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { digestSlot } from '../../shared/mail/digestSlot';
import { mailServer, mentioning, planItemsOf, SLOW, textPart, type MailServer } from './mailFixture';


// The digest's timing on a clock the test moves: the scheduler is asked to look, as its
// timer would, and nobody waits for a real day to pass.

const DAY = 24 * 60 * 60 * 1000;
const MINUTE = 60 * 1000;

let f: MailServer;
const clock = { now: 0 };
beforeEach(async () => {
  clock.now = Date.now();
  f = await mailServer({ mail: { digestHour: 7 }, clock: () => clock.now });
});
afterEach(async () => {
  await f.close();
});

describe('the digest of "Nytt sedan ditt senaste besök"', SLOW, () => {
  it('comes daily or weekly at the digest hour as each person chose, once per slot, never when off', async () => {
    const { planId, items } = await planItemsOf(f);
    const anna = await f.person('styrelse', { name: 'Anna Berg' });
    const eva = await f.person('tjanstepersonforum', { name: 'Eva Lind', email: 'eva@example.se' });
    const bo = await f.person('tjanstepersonforum', { name: 'Bo Ek', email: 'bo@example.se' });
    const cy = await f.person('tjanstepersonforum', { name: 'Cy Ung', email: 'cy@example.se' });
    await f.send('PUT', '/api/me/settings', eva, { digest: 'daily' });
    await f.send('PUT', '/api/me/settings', cy, { digest: 'off', kinds: { mention: false } });
    const digests = (email: string) => f.sink.received.filter((m) => m.to.includes(email) && m.subject.startsWith('Nytt i Planbord'));
    const look = async () => {
      const n = await f.server.mail.digests!.tick();
      await f.server.mail.sender.tick();
      return n;
    };

    // The first look only starts each person's digests: nobody gets old news at once.
    await look();
    const res = await f.send('POST', `/api/discussion/${planId}/items/${items.D}/threads`, anna, { body: mentioning('Hej ', cy) });
    const { threadId } = (await res.json()) as { threadId: string };

    const nextDaily = digestSlot(clock.now + DAY, 'daily', 7);
    clock.now = nextDaily - MINUTE;
    await look();
    expect(digests('eva@example.se')).toHaveLength(0);

    clock.now = nextDaily + MINUTE;
    await look();
    await f.arrived((m) => m.to.includes('eva@example.se'));
    const [daily] = digests('eva@example.se');
    expect(textPart(daily)).toContain('1 ny kommentar');
    expect(textPart(daily)).toContain(`${f.server.url}/?plan=${planId}#item=${items.D}&thread=${threadId}`);
    await look();
    clock.now += 10 * MINUTE;
    await look();
    expect(digests('eva@example.se')).toHaveLength(1);
    const nextWeekly = digestSlot(clock.now + 7 * DAY, 'weekly', 7);
    // Unless that first daily slot was a Monday's, Bo has had nothing yet.
    if (digestSlot(nextDaily, 'weekly', 7) !== nextDaily) expect(digests('bo@example.se')).toHaveLength(0);

    // Monday at the digest hour: Bo's weekly digest with the same news, once; Eva's daily one has nothing new.
    clock.now = nextWeekly + MINUTE;
    await look();
    await f.arrived((m) => m.to.includes('bo@example.se') && m.subject.startsWith('Nytt i Planbord'));
    expect(digests('bo@example.se')).toHaveLength(1);
    expect(textPart(digests('bo@example.se')[0])).toContain(`#item=${items.D}&thread=${threadId}`);
    expect(digests('eva@example.se')).toHaveLength(1);
    expect(f.sink.received.filter((m) => m.to.includes('cy@example.se'))).toHaveLength(0);
  });

  it('starts where the person last marked the news seen, so what they read on the board is not sent again', async () => {
    const { planId, items } = await planItemsOf(f);
    const anna = await f.person('styrelse', { name: 'Anna Berg' });
    const eva = await f.person('tjanstepersonforum', { email: 'eva@example.se' });
    await f.send('PUT', '/api/me/settings', eva, { digest: 'daily' });
    await f.server.mail.digests!.tick();
    await f.send('POST', `/api/discussion/${planId}/items/${items.A}/threads`, anna, { body: 'Redan läst' });
    expect((await f.send('POST', `/api/discussion/${planId}/news/seen`, eva, {})).status).toBe(200);
    clock.now = digestSlot(clock.now + DAY, 'daily', 7) + MINUTE;
    await f.server.mail.digests!.tick();
    await f.server.mail.sender.tick();
    expect(f.sink.received.filter((m) => m.to.includes('eva@example.se'))).toHaveLength(0);
  });
});
