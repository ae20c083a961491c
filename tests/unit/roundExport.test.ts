import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportUrl } from '../../client/export/fetchExport';
import { parseExportRequest } from '../../shared/export/parseExportRequest';
import { exportCommand } from '../../server/cli/exportCommand';
import { runCli } from '../../server/cli/runCli';
import { firstOutOfOrder, readDocx, readPdfText, squash } from './exportReaders';
import { DAY, roundWorld, type Person, type RoundWorld } from './roundFixture';

// "Remissvar" in the export: each round's question and facts, then per item the
// answers, who gave them and when, in Word, PDF, Markdown and JSON, from the live plan,
// a snapshot and the command line.

let w: RoundWorld;
let kansli: Person;
let anna: Person;

beforeEach(async () => {
  w = await roundWorld();
  kansli = await w.person('kansli', 'Karin Kansli');
  anna = await w.person('tjanstepersonforum', 'Anna Forum');
  await w.person('tjanstepersonforum', 'Bo Forum');
  await w.ok('POST', '/api/plans/2025/rounds', kansli, { question: 'Räcker resurserna?', deadline: '2025-03-10T17:00', itemIds: [w.items.A, w.items.D], recipients: 'forum' }, 201);
  await w.clock.advance(3600_000);
  await w.comment(anna, w.items.A, 'Nej, vi behöver *en* tjänst till');
  await w.clock.advance(8 * DAY);
});

afterEach(() => w.close());

const exported = async (query: string, who: Person = kansli) => {
  const res = await w.http('GET', `/api/plans/2025/export?${query}`, who);
  if (res.status !== 200) throw new Error(`${res.status} ${await res.text()}`);
  return new Uint8Array(await res.arrayBuffer());
};
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('Remissvar in the export', () => {
  it('lists the closed round in Markdown with its facts and each item’s answers or none', async () => {
    const md = text(await exported('format=md&rounds=closed'));
    expect(
      firstOutOfOrder(md, [
        '## Remissvar',
        '### Räcker resurserna?',
        'Öppnad 3 mars 2025 kl. 09:00 av Karin Kansli. Sista svarsdag 10 mars 2025 kl. 17:00.',
        'Avslutad vid sista svarsdag.',
        'Tillfrågade: 2 (hela tjänstepersonforumet). Svarade: 1, på alla punkter: 0.',
        '#### Förebild och föregångare: A',
        '> **Anna Forum**, 2025-03-03 10:00: Nej, vi behöver \\*en\\* tjänst till',
        '#### Pådrivare och opinionsbildare: D',
        '*Inga svar.*',
      ]),
    ).toBeNull();
    expect(text(await exported('format=md'))).not.toContain('Remissvar');
    expect(text(await exported('format=md&rounds=none'))).not.toContain('Remissvar');
  });

  it('puts the same section in Word and PDF', async () => {
    const docx = await readDocx(await exported('format=docx&rounds=closed'));
    expect(firstOutOfOrder(docx.paragraphs.join('\n'), ['Remissvar', 'Räcker resurserna?', 'Förebild och föregångare: A', 'Anna Forum, 2025-03-03 10:00: Nej, vi behöver *en* tjänst till', 'Inga svar.'])).toBeNull();
    const pdf = squash(await readPdfText(await exported('format=pdf&rounds=closed')));
    expect(firstOutOfOrder(pdf, ['Remissvar', 'Räckerresurserna?', 'AnnaForum,2025-03-0310:00:', 'Nej,vibehöver*en*tjänsttill', 'Ingasvar.'].map(squash))).toBeNull();
  });

  it('takes only the closed rounds unless all are asked for, and only items in the chosen directions', async () => {
    await w.ok('POST', '/api/plans/2025/rounds', kansli, { question: 'En öppen fråga', deadline: w.deadlineIn(5 * DAY), itemIds: [w.items.B], recipients: 'forum' }, 201);
    expect(text(await exported('format=md&rounds=closed'))).not.toContain('En öppen fråga');
    const all = text(await exported('format=md&rounds=all'));
    expect(firstOutOfOrder(all, ['Räcker resurserna?', 'En öppen fråga', 'Pågår: svaren hittills.'])).toBeNull();
    const second = text(await exported('format=md&rounds=all&directions=1'));
    expect(second).toContain('#### Pådrivare och opinionsbildare: D');
    expect(second).not.toContain('Förebild och föregångare: A');
    expect(second).not.toContain('En öppen fråga');
    const json = JSON.parse(text(await exported('format=json&rounds=closed')));
    expect(json.rounds.map((r: { question: string; items: Array<{ answers: unknown[] }> }) => [r.question, r.items.map((i) => i.answers.length)])).toEqual([['Räcker resurserna?', [1, 0]]]);
  });

  it('reads back the dialog’s choice, and leaves the rounds out when it asks for none', () => {
    const query = (rounds: 'none' | 'closed' | 'all') => {
      const url = new URL(exportUrl({ planId: '2025', format: 'pdf', directions: [], statusNotes: true, comments: 'none', rounds }), 'http://x');
      return Object.fromEntries([...new Set(url.searchParams.keys())].map((k) => [k, url.searchParams.getAll(k)]));
    };
    expect(parseExportRequest(query('all')).options.rounds).toBe('all');
    expect(parseExportRequest(query('closed')).options.rounds).toBe('closed');
    expect(query('none')).not.toHaveProperty('rounds');
  });

  it('exports the rounds a snapshot kept, and refuses an unknown choice', async () => {
    const snapshot = await w.ok('POST', '/api/plans/2025/snapshots', kansli, {}, 201);
    const md = text(await exported(`format=md&rounds=closed&snapshot=${snapshot.id}`));
    expect(md).toContain('Anna Forum');
    const res = await w.http('GET', '/api/plans/2025/export?format=md&rounds=yes', kansli);
    expect([res.status, (await res.json()).error]).toEqual([400, { code: 'BAD_EXPORT_OPTION', message: 'rounds must be one of none, closed, all, not "yes"' }]);
    expect((await w.http('GET', '/api/plans/2025/export?format=md&rounds=closed', anna)).status).toBe(403);
  });

  // The command line reads the installation's database: DATA_DIR's SQLite file, or DATABASE_URL's PostgreSQL.
  it('writes Remissvar from the command line too, beside the running server', async () => {
    const out = join(w.dataDir, 'remissvar.md');
    const env = { DATA_DIR: w.dataDir, ...(w.databaseUrl ? { DATABASE_URL: w.databaseUrl } : {}) };
    const err: string[] = [];
    const code = await runCli(['export', '--format', 'md', '--rounds', 'closed', '--out', out], env, { out: () => {}, err: (l) => err.push(l) }, [exportCommand]);
    expect([code, err.join('\n')]).toEqual([0, expect.stringContaining('Wrote')]);
    expect(readFileSync(out, 'utf8')).toContain('> **Anna Forum**, 2025-03-03 10:00: Nej, vi behöver \\*en\\* tjänst till');
    const bad = await runCli(['export', '--format', 'md', '--rounds', 'some', '--out', out], env, { out: () => {}, err: () => {} }, [exportCommand]);
    expect(bad).toBe(2);
  });
});
