import { describe, expect, it } from 'vitest';
import type { ExportOptions } from '../../shared/export/types';
import { toPdf } from '../../server/export/toPdf';
import { awkwardComments, awkwardPlanDocument } from './exportFixture';
import { firstOutOfOrder, readPdfText, squash } from './exportReaders';

const meta = { date: '2026-03-12T20:00:00Z', snapshotLabel: 'Strategimöte 1' };
const options: ExportOptions = { statusNotes: true, comments: 'none' };

describe('PDF export', async () => {
  const pdf = await toPdf({ document: awkwardPlanDocument(), comments: awkwardComments() }, options, meta);
  const text = await readPdfText(pdf);

  it('is a PDF whose text has the cover, both parts and every row in order, Vad once per activity', () => {
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    const rows = [
      ['Vad med tabb', 'Rad ett Rad två med "citat"', 'Styrelse, Kansli', 'Hela året', 'Pågår', 'Pågående', '1'],
      ['Fortsättning; med semikolon', 'Medlemmar', 'Vår', 'Planeras', '2'],
      ['Emoji 🚲 och ÅÄÖ', '=SUMMA(A1:A2) ska förbli text', 'Blekinge Tekniska Högskola', 'Klart', 'Klart (Sotenäs)', '3'],
      ['Tom inriktning', 'Vad', 'Hur', 'Vem', 'När/Resurs', 'Status', 'Prio', 'Pådrivare'],
      ['- Börjar med streck', 'Hur | med rör *och* _understreck_', 'Vilande'],
      ['Sista "raden"', 'Slut. Nästan', 'Tjänstepersonforum, Ordförande', 'Hösten 2026', 'Ej påbörjad', '2'],
    ].flat();
    const order = ['Föreningen Åäö "Test" 🌱', 'Handlingsplan 2026', 'Version 3', 'Redovisas vid årsmötet 2 juni 2026', 'Verksamhetsstrategi', '1. Vision'];
    order.push('Punkt två 🎉', 'Handlingsplan för 2026', 'Fokus under året: "Framtidsagenda" – å ä ö.', 'Förebild; "och" föregångare', 'Vad', 'Hur', 'Vem', 'När/Resurs', 'Status', 'Prio');
    expect(firstOutOfOrder(squash(text), [...order, ...rows].map(squash))).toBeNull();
    expect(squash(text).split(squash('Vad med tabb'))).toHaveLength(2);
  });

  it('numbers its pages and heads each with the association and the snapshot date', () => {
    const pages = Number(/Sida 1 av (\d+)/.exec(text)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(3);
    for (let page = 1; page <= pages; page++) expect(text).toContain(`Sida ${page} av ${pages}`);
    expect(text.split('Ögonblicksbild 12 mars 2026: Strategimöte 1')).toHaveLength(pages + 1);
    expect(Buffer.from(pdf).toString('latin1')).toMatch(/\/Lang \(sv-SE\)/);
  });

  it('leaves out comments unless asked, then prints the chosen threads', async () => {
    expect(text).not.toContain('Kommentarer');
    const resolved = await readPdfText(await toPdf({ document: awkwardPlanDocument(), comments: awkwardComments() }, { ...options, comments: 'resolved' }, meta));
    expect(firstOutOfOrder(squash(resolved), ['Kommentarer', 'Löst tråd', 'Per, 2026-03-12 11:00: Löst med två rader', 'Kansli, 2026-04-01 10:00: Klart 👍'].map(squash))).toBeNull();
    expect(resolved).not.toContain('Öppen fråga');
  });
});
