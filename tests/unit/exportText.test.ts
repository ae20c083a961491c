import { describe, expect, it } from 'vitest';
import { statusLabel } from '../../shared/export/statusLabel';
import { toCsv } from '../../shared/export/toCsv';
import { toJson } from '../../shared/export/toJson';
import { toMarkdown } from '../../shared/export/toMarkdown';
import type { CommentFilter, ExportOptions } from '../../shared/export/types';
import { awkwardComments, awkwardPlanDocument } from './exportFixture';
import { parseCsv, parseMarkdownTables } from './exportReaders';

const meta = { date: '2026-03-12T20:00:00Z' };
const all: ExportOptions = { statusNotes: true, comments: 'none' };
const source = () => ({ document: awkwardPlanDocument() });

describe('Markdown export', () => {
  const md = toMarkdown(source(), all, meta);

  it('has the title, the sections and a table per direction with Vad once per activity', () => {
    expect(md.startsWith('# Handlingsplan 2026\n')).toBe(true);
    expect(md).toContain('## Verksamhetsstrategi\n\n### 1. Vision');
    expect(md).toContain('## Handlingsplan för 2026\n\nFokus under året: "Framtidsagenda" – å ä ö.');
    expect(md.match(/^\| Vad \| Hur \| Vem \| När\/Resurs \| Status \| Prio \|$/gm)).toHaveLength(3);
    expect(md).toContain('| Vad med\ttabb | Rad ett<br>Rad två med "citat" | Styrelse, Kansli | Hela året | Pågår<br>*Pågående* | 1 |\n|   | Fortsättning; med semikolon | Medlemmar | Vår | Planeras | 2 |');
    expect(md).toContain('| Emoji 🚲 och ÅÄÖ | =SUMMA(A1:A2) ska förbli text | Blekinge Tekniska Högskola |   | Klart<br>*Klart (Sotenäs)* | 3 |');
    expect(md).toContain('| Sista "raden" | Slut.<br>Nästan | Tjänstepersonforum, Ordförande | Hösten 2026 | Ej påbörjad | 2 |');
  });

  it('keeps text that looks like markup as text', () => {
    expect(md).toContain('| Hur \\| med rör \\*och\\* \\_understreck\\_ |');
    expect(md).toContain('- Punkt \\*ett\\* med \\| streck');
    expect(md).toContain('\n1\\. Ser ut som en lista men är text\n');
    expect(md).toContain('1. **Förebilder** på lokal nivå\n2. Pådrivare');
    expect(md).toContain('**fetstil** samt [länk](<https://example.org/å?a=1&b=2>).');
  });

  it('shows the status category alone without status notes', () => {
    const plain = toMarkdown(source(), { ...all, statusNotes: false }, meta);
    expect(plain).toContain('| Hela året | Pågår | 1 |');
    expect(plain).not.toContain('Pågående');
  });
});

describe('Markdown export read back', () => {
  it('gives every action’s Vad (once per activity), Hur, Vem, När, status and Prio in order, markup-like text intact', () => {
    const tables = parseMarkdownTables(toMarkdown(source(), all, meta));
    const directions = awkwardPlanDocument().plan.directions;
    expect(tables.map((t) => t.length)).toEqual(directions.map((d) => d.items.length));
    const read = tables.flat().map(([vad, how, who, when, status, prio]) => [vad, how, who, when, status.split('\n')[0], prio]);
    const expected = directions.flatMap((d) =>
      d.items.map((i, n) => [
        n > 0 && d.items[n - 1].activity === i.activity ? '' : i.activity,
        i.how.trim().replace(/\r\n/g, '\n'),
        i.who.join(', '),
        i.when,
        statusLabel(i.status),
        i.priority === null ? '' : String(i.priority),
      ]),
    );
    expect(read).toEqual(expected);
  });
});

describe('Markdown export with comments', () => {
  const md = (comments: CommentFilter) => toMarkdown({ ...source(), comments: awkwardComments() }, { ...all, comments }, meta);
  const section = (text: string) => text.slice(text.indexOf('## Kommentarer'));

  it('lists the threads after the tables under Kommentarer, by direction and item, with author, Swedish time and words', () => {
    const text = md('all');
    expect(text.indexOf('## Kommentarer')).toBeGreaterThan(text.lastIndexOf('| Sista "raden" |'));
    expect(section(text)).toBe(
      [
        '## Kommentarer',
        '',
        '### Förebild; "och" föregångare: Vad med\ttabb',
        '',
        '> **Åsa Öberg**, 2026-03-12 10:15: Öppen fråga; "varför"?',
        '',
        '> *Löst tråd*',
        '>',
        '> **Per**, 2026-03-12 11:00: Löst  ',
        '> med två rader',
        '',
        '### Pådrivare: Sista "raden"',
        '',
        '> *Löst tråd*',
        '>',
        '> **Kansli**, 2026-04-01 10:00: Klart 👍',
        '',
      ].join('\n'),
    );
  });

  it('keeps only the open or only the resolved threads when asked, and has no section without comments', () => {
    const open = section(md('open'));
    expect(open).toContain('Öppen fråga');
    expect(open).not.toMatch(/Löst tråd|Per|Klart 👍|Sista/);
    const resolved = section(md('resolved'));
    expect(resolved.match(/> \*Löst tråd\*/g)).toHaveLength(2);
    expect(resolved).not.toContain('Öppen fråga');
    expect(md('none')).not.toContain('## Kommentarer');
  });
});

describe('CSV export', () => {
  const csv = toCsv(source(), all, meta);

  it('starts with a byte-order mark, separates with semicolons and ends rows with CRLF', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).split('\r\n')[0]).toBe('Inriktning;Vad;Hur;Vem;När/Resurs;Status;Statusnotering;Prio');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('parses back to one row per action with every field intact', () => {
    const [header, ...rows] = parseCsv(csv.slice(1));
    expect(header).toHaveLength(8);
    const expected = awkwardPlanDocument().plan.directions.flatMap((d) => d.items.map((i) => ({ d: d.title, ...i })));
    expect(rows).toHaveLength(expected.length);
    rows.forEach((row, n) => {
      const item = expected[n];
      const formula = (v: string) => (/^[=+\-@]/.test(v) ? `'${v}` : v);
      expect(row).toEqual([item.d, formula(item.activity), formula(item.how), item.who.join(', '), item.when, row[5], item.statusNote, item.priority === null ? '' : String(item.priority)]);
    });
    expect(rows.map((r) => r[5])).toEqual(['Pågår', 'Planeras', 'Klart', 'Vilande', 'Ej påbörjad']);
  });

  it('quotes fields with semicolons, quotes and line breaks, and defuses formulas', () => {
    expect(csv).toContain('"Förebild; ""och"" föregångare";Vad med\ttabb;"Rad ett\nRad två med ""citat""";');
    expect(csv).toContain(";'=SUMMA(A1:A2) ska förbli text;");
    expect(csv).toContain(";'- Börjar med streck;");
  });

  it('leaves out the status-note column without status notes and adds comments when asked', () => {
    const lean = toCsv(source(), { ...all, statusNotes: false }, meta);
    expect(parseCsv(lean.slice(1))[0]).toEqual(['Inriktning', 'Vad', 'Hur', 'Vem', 'När/Resurs', 'Status', 'Prio']);
    const withComments = parseCsv(toCsv({ ...source(), comments: awkwardComments() }, { ...all, comments: 'open' }, meta).slice(1));
    expect(withComments[0].at(-1)).toBe('Kommentarer');
    expect(withComments[1].at(-1)).toBe('Åsa Öberg (2026-03-12 10:15): Öppen fråga; "varför"?');
    expect(withComments.slice(2).map((r) => r.at(-1))).toEqual(['', '', '', '']);
  });
});

describe('JSON export', () => {
  it('is the plain form of the plan', () => {
    expect(JSON.parse(toJson(source(), all, meta))).toEqual(awkwardPlanDocument().plan);
  });

  it('holds only the chosen directions, in plan order', () => {
    const json = JSON.parse(toJson(source(), { ...all, directions: ['Pådrivare', 0] }, meta));
    expect(json.directions.map((d: { title: string }) => d.title)).toEqual(['Förebild; "och" föregångare', 'Pådrivare']);
    expect(json.directions[1]).toEqual(awkwardPlanDocument().plan.directions[2]);
  });

  it('adds the asked-for comment threads next to the plan', () => {
    const json = JSON.parse(toJson({ ...source(), comments: awkwardComments() }, { ...all, comments: 'resolved' }, meta));
    expect(json.comments).toEqual([
      { direction: 'Förebild; "och" föregångare', item: 0, activity: 'Vad med\ttabb', threads: [awkwardComments()[0].threads[1]] },
      { direction: 'Pådrivare', item: 1, activity: 'Sista "raden"', threads: awkwardComments()[1].threads },
    ]);
  });
});
