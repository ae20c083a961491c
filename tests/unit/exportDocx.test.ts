import { describe, expect, it } from 'vitest';
import type { ExportOptions } from '../../shared/export/types';
import { toDocx } from '../../server/export/toDocx';
import { awkwardComments, awkwardPlanDocument } from './exportFixture';
import { readDocx } from './exportReaders';

const meta = { date: '2026-03-12T20:00:00Z', snapshotLabel: 'Strategimöte 1' };
const options: ExportOptions = { statusNotes: true, comments: 'none' };

describe('Word export', async () => {
  const docx = await readDocx(await toDocx({ document: awkwardPlanDocument() }, options, meta));

  it('opens with organisation, title, version and the preamble, then the two parts in order', () => {
    const text = docx.paragraphs.filter((p) => p.trim() !== '');
    expect(text.slice(0, 5)).toEqual(['Föreningen Åäö "Test" 🌱', 'Handlingsplan 2026', 'Version 3', 'Redovisas vid årsmötet 2 juni 2026', 'Följs upp av styrelsen.']);
    const at = (t: string) => text.indexOf(t);
    expect(at('Verksamhetsstrategi')).toBeGreaterThan(4);
    expect(at('1. Vision')).toBeGreaterThan(at('Verksamhetsstrategi'));
    expect(at('Handlingsplan för 2026')).toBeGreaterThan(at('1. Ser ut som en lista men är text'));
    expect(text.slice(at('Handlingsplan för 2026'))).toEqual([
      'Handlingsplan för 2026',
      'Fokus under året: "Framtidsagenda" – å ä ö.',
      'Förebild; "och" föregångare',
      'Tom inriktning',
      'Pådrivare',
    ]);
  });

  it('formats the strategy: heading styles, bold, link, bullet and numbered lists', () => {
    const body = docx.xml['word/document.xml'];
    expect(body).toMatch(/<w:pStyle w:val="Title"\/>/);
    expect(body).toMatch(/<w:pStyle w:val="Heading1"\/>[\s\S]*?Verksamhetsstrategi/);
    expect(body).toMatch(/<w:pStyle w:val="Heading2"\/>[\s\S]*?1\. Vision/);
    expect(body).toMatch(/<w:b\/>[\s\S]{0,80}<w:t xml:space="preserve">fetstil<\/w:t>/);
    expect(body).toMatch(/<w:hyperlink[^>]*r:id="[^"]+"[^>]*>[\s\S]*?länk<\/w:t><\/w:r><\/w:hyperlink>/);
    expect(docx.xml['word/_rels/document.xml.rels']).toContain('Target="https://example.org/å?a=1&amp;b=2"');
    expect(docx.xml['word/numbering.xml']).toMatch(/w:numFmt w:val="bullet"/);
    expect(docx.xml['word/numbering.xml']).toMatch(/w:numFmt w:val="decimal"/);
    expect(body.match(/<w:numPr>/g)).toHaveLength(4);
  });

  it('has one table per direction with the header row and every item, Vad once per activity', () => {
    expect(docx.tables).toHaveLength(3);
    for (const table of docx.tables) expect(table[0].map((c) => c.text)).toEqual(['Vad', 'Hur', 'Vem', 'När/Resurs', 'Status', 'Prio']);
    const [first, empty, last] = docx.tables;
    expect(first.slice(1)).toEqual([
      [{ text: 'Vad med\ttabb', vMerge: 'restart' }, { text: 'Rad ett\nRad två med "citat"' }, { text: 'Styrelse, Kansli' }, { text: 'Hela året' }, { text: 'Pågår\nPågående' }, { text: '1' }],
      [{ text: '', vMerge: 'continue' }, { text: 'Fortsättning; med semikolon' }, { text: 'Medlemmar' }, { text: 'Vår' }, { text: 'planeras' }, { text: '2' }],
      [{ text: 'Emoji 🚲 och ÅÄÖ' }, { text: '=SUMMA(A1:A2) ska förbli text' }, { text: 'Blekinge Tekniska Högskola' }, { text: '' }, { text: 'Klart\nKlart (Sotenäs)' }, { text: '3' }],
    ]);
    expect(empty).toHaveLength(1);
    expect(last.slice(1).map((r) => r.map((c) => c.text))).toEqual([
      ['- Börjar med streck', 'Hur | med rör *och* _understreck_', '', '', 'Vilande', ''],
      ['Sista "raden"', 'Slut.\nNästan', 'Tjänstepersonforum, Ordförande', 'Hösten 2026', 'Ej påbörjad', '2'],
    ]);
    // The header row repeats on every page a table spans.
    expect(docx.xml['word/document.xml'].match(/<w:tblHeader\/>/g)).toHaveLength(3);
  });

  it('is Swedish A4 with the association and date in the header and page numbers in the footer', () => {
    expect(docx.xml['word/styles.xml']).toMatch(/<w:lang w:val="sv-SE"\/>/);
    expect(docx.xml['word/document.xml']).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const header = Object.entries(docx.xml).find(([name]) => /word\/header\d*\.xml/.test(name))![1];
    expect(header).toContain('Föreningen Åäö &quot;Test&quot; 🌱');
    expect(header).toContain('Ögonblicksbild 12 mars 2026: Strategimöte 1');
    const footer = Object.entries(docx.xml).find(([name]) => /word\/footer\d*\.xml/.test(name))![1];
    expect(footer).toMatch(/PAGE[\s\S]*NUMPAGES/);
    expect(docx.xml['docProps/core.xml']).toContain('<dc:title>Handlingsplan 2026</dc:title>');
  });

  it('shows only the status category without notes, and only the chosen directions', async () => {
    const lean = await readDocx(await toDocx({ document: awkwardPlanDocument() }, { ...options, statusNotes: false, directions: ['Pådrivare'] }, meta));
    expect(lean.tables).toHaveLength(1);
    expect(lean.tables[0].slice(1).map((r) => r[4].text)).toEqual(['Vilande', 'Ej påbörjad']);
    expect(lean.paragraphs).not.toContain('Förebild; "och" föregångare');
  });

  it('prints the asked-for comment threads after the tables', async () => {
    const withComments = await readDocx(await toDocx({ document: awkwardPlanDocument(), comments: awkwardComments() }, { ...options, comments: 'open' }, meta));
    const text = withComments.paragraphs.join('\n');
    expect(text).toContain('Kommentarer\nFörebild; "och" föregångare: Vad med\ttabb\nÅsa Öberg, 2026-03-12 10:15: Öppen fråga; "varför"?');
    expect(text).not.toContain('Löst tråd');
    expect(text).not.toContain('Klart 👍');
  });
});

describe('Word export of text Word cannot hold', () => {
  it('drops control characters and broken surrogates, and turns a vertical tab into a line break', async () => {
    const document = awkwardPlanDocument();
    document.organisation = 'Förening\u0000 \ud83c';
    document.plan.directions[0].items[0] = { ...document.plan.directions[0].items[0], activity: 'Rad\u000bnästa\u0007', how: 'Hur\u001f 🚲' };
    const docx = await readDocx(await toDocx({ document }, options, meta));
    for (const xml of Object.values(docx.xml)) expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]|[\ud800-\udbff](?![\udc00-\udfff])/);
    expect(docx.tables[0][1].slice(0, 2)).toEqual([{ text: 'Rad\nnästa' }, { text: 'Hur 🚲' }]);
    expect(docx.paragraphs).toContain('Förening ');
  });
});
