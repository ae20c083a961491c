import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlanDocument } from '../../shared/import/parsePlanDocument';
import { PARTIES, parseWho } from '../../shared/import/parties';
import { readStatusCell, statusFromNote } from '../../shared/import/statuses';
import type { Block, PlainItem } from '../../shared/plan/types';

const seedBytes = readFileSync(new URL('../../seed/verksamhetsplan-2025.txt', import.meta.url));
const seedText = seedBytes.toString('utf8');
const doc = parsePlanDocument(seedBytes);
const allItems = doc.plan.directions.flatMap((d) => d.items);
/** The item whose Hur starts with the given words (Hur is unique in the seed). */
const byHow = (start: string): PlainItem => {
  const found = allItems.filter((i) => i.how.startsWith(start));
  expect(found, start).toHaveLength(1);
  return found[0];
};
const blockText = (b: Block) => ('runs' in b ? b.runs.map((r) => r.text).join('') : '');

describe('importing the 2025 plan', () => {
  it('reads the title in sentence case, the year, the organisation and the version', () => {
    expect(doc.plan.title).toBe('Verksamhetsplan 2025');
    expect(doc.plan.year).toBe(2025);
    expect(doc.organisation).toBe('SVERIGES EKOKOMMUNER');
    expect(doc.version).toBe('Version 2');
  });

  it('finds the three directions with 11, 12 and 14 actions', () => {
    expect(doc.plan.directions.map((d) => [d.title, d.items.length])).toEqual([
      ['Förebild och föregångare', 11],
      ['Pådrivare och opinionsbildare', 12],
      ['Kunskapsförmedlare och en arena för erfarenhetsutbyte', 14],
    ]);
    expect(allItems).toHaveLength(37);
  });

  it('keeps the rows in document order, across blank lines inside a table', () => {
    const first = doc.plan.directions[0].items.map((i) => i.activity);
    expect(first.slice(6, 8)).toEqual(['Chilenska ekokommunnätverket', 'Argentinska ekokommunnätverket RAMCC']);
    expect(doc.plan.directions[2].items[13].activity).toBe('Regionala ekokommunnätverk');
  });

  it('gives a continuation row the activity of the row above', () => {
    expect(byHow('Delta i planering av Sustainable Sweden tours').activity).toBe('Nordamerikanska ekokommunnätverket');
    const extern = doc.plan.directions[1].items.filter((i) => i.activity === 'Extern kommunikation');
    expect(extern.map((i) => i.how)).toEqual([
      'Implementera riktlinjerna för kommunikation.',
      'Uppdatera föreningens externa informationsmaterial.',
      'Medverka som utställare vid några av de politiska partiernas kommundagar',
    ]);
    expect(allItems.filter((i) => i.activity === 'Medlemsvård')).toHaveLength(3);
    expect(byHow('Ta fram värd för årsmöte 2026').activity).toBe('Årskonferens');
    expect(allItems.every((i) => i.activity !== '')).toBe(true);
  });

  it('maps free-text statuses to categories and keeps the text as the note', () => {
    const cases: Array<[string, PlainItem['status'], string]> = [
      ['Fortsätta utvecklingsarbetet', 'in_progress', 'pågår'],
      ['Digital medlemskongress', 'planned', 'planeras'],
      ['Bevaka och delta i arbetet med nya standarder', 'in_progress', 'Pågående'],
      ['Hålla kontakten med ekokommunerna i Araucoprovinsen', 'paused', 'Vilande'],
      ['Samarbetsavtal om utvecklat erfarenhetsutbyte', 'in_progress', 'Håller kontakt en deltar i webinarier.'],
      ['Delta som referens/stöd', 'in_progress', 'Håller på att återstarta efter interna oroligheter'],
      ['Uppdatera föreningens externa', 'in_progress', 'Pågår, delvis klart (Utst på Eko-centrum)'],
      ['Skapa en särskild kanal', 'in_progress', 'Påbörjat'],
      ['Delta i och anordna webinarier', 'in_progress', 'Samarbete inlett med amerikanske ekokommuner'],
      ['Skicka ut enkät', 'done', 'Färdigt för 2025'],
      ['Ta fram värd för årsmöte 2026', 'done', 'Klart (Sotenäs)'],
      ['Styrelsen väljer vad som ska besvaras', 'planned', 'Efter behov'],
      ['Ta initiativ till ett långsiktigt samarbete', 'not_started', ''],
    ];
    for (const [how, status, statusNote] of cases) expect(byHow(how), how).toMatchObject({ status, statusNote });
  });

  it('splits Vem into known parties, mending definite forms and typos, and keeps other names whole', () => {
    expect(byHow('Styrelsen väljer vad').who).toEqual(['Styrelse', 'Kansli', 'Tjänstepersonforum']);
    expect(byHow('Aktivt bevaka och påverka').who).toEqual(['Styrelse', 'Tjänstepersonforum', 'Kansli']);
    expect(byHow('Implementera riktlinjerna').who).toEqual(['Kansli', 'Styrelse', 'Tjänstepersonforum']);
    expect(byHow('Uppmuntra regionalt nätverkande').who).toEqual(['Kansli', 'Tjänstepersonforum']);
    expect(byHow('Skapa en särskild kanal').who).toEqual(['Kansli', 'Blekinge Tekniska Högskola']);
    expect(byHow('Årlig insamling').who).toEqual(['Miljöbarometern', 'Medlemmar']);
    expect(byHow('Hålla kontakten med ekokommunerna').who).toEqual(['Styrelse', 'Kansli', 'Intresserade medlemmar']);
    expect(byHow('Utveckla samarbetet').who).toEqual(['Ordförande', 'Kansli']);
    expect(byHow('Planeras 22-23 maj').who).toEqual(['Kansli', 'Värdkommun']);
    const names = new Set(allItems.flatMap((i) => i.who));
    expect([...names].filter((n) => !(PARTIES as readonly string[]).includes(n)).sort()).toEqual([
      'Blekinge Tekniska Högskola',
      'Miljöbarometern',
    ]);
  });

  it('reads Prio as a number, and an empty Prio as none', () => {
    const medverka = byHow('Medverka som utställare');
    expect(medverka).toMatchObject({ priority: null, status: 'not_started', statusNote: '', when: 'Löpande' });
    expect(byHow('Hålla kontakten med ekokommunerna').priority).toBe(3);
    expect(allItems.filter((i) => i.priority === null)).toHaveLength(1);
    expect(new Set(allItems.map((i) => i.priority))).toEqual(new Set([1, 2, 3, null]));
  });

  it('keeps quotes and typographic characters in cells', () => {
    expect(allItems.map((i) => i.activity)).toContain('SIS tekniska kommitté "Biologisk mångfald"');
    expect(allItems.map((i) => i.activity)).toContain('Sprida kunskapen om ”ekokommunmetodik” bland kontaktpersoner i nätverket.');
    expect(byHow('Hålla kontakten – nätverket').when).toBe('Löpande');
  });

  it('reads the strategy as headings, paragraphs and lists', () => {
    const headings = doc.strategy.filter((b) => b.type === 'heading').map((b) => [b.level, blockText(b)]);
    expect(headings).toEqual([
      [1, '1. Vision'],
      [1, '2. Verksamhet'],
      [1, '3. Verksamhetens uppbyggnad'],
      [2, '3.1 Organisation'],
      [3, 'Medlemmar'],
      [3, 'Styrelse'],
      [3, 'Kansli'],
      [3, 'Tjänstepersonforum'],
      [2, '3.2 Ekonomi'],
      [2, '3.3 Resor och möten'],
      [1, '4. Verksamhetens inriktning'],
      [1, '5. Uppföljning och revidering av verksamhetsplanen'],
    ]);
    const bullets = doc.strategy.find((b) => b.type === 'bulletList');
    expect(bullets?.type === 'bulletList' && bullets.items.map((runs) => runs.map((r) => r.text).join(''))).toEqual([
      'Delta med både politiker och tjänstepersoner på årsmötet',
      'Rapportera gröna nyckeltal',
      'Rapportera minst ett gott exempel',
      'Svara på medlemsenkäter som kansliet skickar ut',
      'Läs och sprida nyhetsbrev i den egna organisationen',
    ]);
  });

  it('reads bold runs in the numbered list, the link and the bold preamble', () => {
    const ordered = doc.strategy.find((b) => b.type === 'orderedList');
    expect(ordered?.type === 'orderedList' && ordered.items[0]).toEqual([
      { text: 'Förebilder och föregångare', bold: true },
      { text: ' i arbetet för en hållbar utveckling på lokal nivå.' },
    ]);
    expect(ordered?.type === 'orderedList' && ordered.items).toHaveLength(3);
    const link = doc.strategy.find((b) => b.type === 'paragraph' && b.runs.some((r) => r.link));
    expect(link?.type === 'paragraph' && link.runs).toEqual([
      { text: 'Läs mer om principerna på: ' },
      { text: 'https://www.sekom.se/om-sekom/hallbarhetsprinciper', link: 'https://www.sekom.se/om-sekom/hallbarhetsprinciper' },
    ]);
    expect(doc.preamble).toHaveLength(1);
    expect(doc.preamble[0]).toMatchObject({ bold: true });
    expect(doc.preamble[0].text).toMatch(/^Redovisas vid föreningens årsmöte 23 maj 2025\nFöljs upp .* en handlingsplan\.$/s);
  });

  it('reads the focus text of the action plan', () => {
    expect(doc.focus).toEqual([
      {
        type: 'paragraph',
        runs: [
          {
            text: 'Fokus under året är att genomföra resultatet av 2024 års utvecklingsprojekt "SEKOMS Framtidsagenda" för att stärka stödet till hållbarhetsarbetet i kommuner och regioner.',
          },
        ],
      },
    ]);
    expect(doc.strategy.map(blockText)).not.toContain('Handlingsplan för 2025');
  });

  it('reads the same plan from a string, with CRLF, a byte-order mark or stripped trailing tabs', () => {
    expect(parsePlanDocument(seedText)).toEqual(doc);
    expect(parsePlanDocument(`\uFEFF${seedText.replace(/\n/g, '\r\n')}`)).toEqual(doc);
    expect(parsePlanDocument(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), seedBytes]))).toEqual(doc);
    expect(parsePlanDocument(seedText.replace(/\t+$/gm, ''))).toEqual(doc);
    expect(parsePlanDocument(seedText.replace(/\t/g, ' \t ').replace(/$/gm, '  '))).toEqual(doc);
  });

  it('names both readings of a lone cell inside a table: a heading without its header row, or an action with only its Vad', () => {
    const lone = seedText.replace(/^Höstkongress\t.*$/m, (row) => `${row}\nEn ensam rad\t\t\t\t\t`);
    expect(() => parsePlanDocument(lone)).toThrow(
      /^line 96: the direction "En ensam rad" has no action-plan table: .*; if it is an action of "Förebild och föregångare" with only its Vad, fill in at least one more cell$/,
    );
  });
});

describe('statuses and parties', () => {
  it('maps the status words plan documents use', () => {
    expect(statusFromNote('Ej påbörjad')).toBe('not_started');
    expect(statusFromNote('Planerad till hösten')).toBe('planned');
    expect(statusFromNote('Vid behov')).toBe('planned');
    expect(statusFromNote('Pausad')).toBe('paused');
    expect(statusFromNote('Klart')).toBe('done');
    expect(statusFromNote('Helt genomfört')).toBe('done');
    expect(statusFromNote('Något helt annat')).toBe('not_started');
  });

  it('reads a status cell that names its category in brackets', () => {
    expect(readStatusCell('[Klart] Pågår, delvis klart')).toEqual({ status: 'done', statusNote: 'Pågår, delvis klart' });
    expect(readStatusCell('[Vilande]')).toEqual({ status: 'paused', statusNote: '' });
    expect(readStatusCell('[okänd] text')).toEqual({ status: 'not_started', statusNote: '[okänd] text' });
  });

  it('splits names on commas and keeps quoted names as written', () => {
    expect(parseWho('Styrelsen, Region Skåne, "Kansliet"')).toEqual(['Styrelse', 'Region Skåne', 'Kansliet']);
    expect(parseWho('Intresserade medlemmarna Medlem')).toEqual(['Intresserade medlemmar', 'Medlemmar']);
    expect(parseWho('  ')).toEqual([]);
  });
});
