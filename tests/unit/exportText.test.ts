import { describe, expect, it } from 'vitest';
import { toCsv } from '../../shared/export/toCsv';
import { toJson } from '../../shared/export/toJson';
import { toMarkdown } from '../../shared/export/toMarkdown';
import type { ExportOptions } from '../../shared/export/types';
import { awkwardComments, awkwardPlanDocument } from './exportFixture';
import { parseCsv } from './exportReaders';

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
