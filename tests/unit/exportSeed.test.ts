import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { exportSourceFromDoc } from '../../shared/export/exportSourceFromDoc';
import { statusLabel } from '../../shared/export/statusLabel';
import type { ExportOptions, ExportSource } from '../../shared/export/types';
import { parsePlanDocument } from '../../shared/import/parsePlanDocument';
import { readPlanDocument } from '../../shared/plan/readPlanDocument';
import { writePlanDocument } from '../../shared/plan/writePlanDocument';
import { renderExport } from '../../server/export/renderExport';
import { awkwardPlanDocument } from './exportFixture';
import { firstOutOfOrder, parseCsv, parseMarkdownTables, readDocx, readPdfText, squash, tableTextInOrder } from './exportReaders';

// The 2025 plan, imported into a plan document as the server does, exported in every
// format, and each file opened and checked item by item.

const seed = parsePlanDocument(readFileSync(new URL('../../seed/verksamhetsplan-2025.txt', import.meta.url)));
const options: ExportOptions = { statusNotes: true, comments: 'none' };
const meta = { date: '2025-05-23T10:00:00Z' };

function live(document = seed): { doc: Y.Doc; source: ExportSource } {
  const doc = new Y.Doc();
  writePlanDocument(doc, document);
  return { doc, source: exportSourceFromDoc(doc) };
}

// ignoreBOM keeps the byte-order mark in the decoded text, so tests can see it.
const text = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
const prio = (p: number | null) => (p === null ? '' : String(p));

describe('the plan document read back from its Y.Doc', () => {
  it('is the imported document, for the 2025 plan and for awkward text', () => {
    expect(readPlanDocument(live().doc)).toEqual(seed);
    expect(readPlanDocument(live(awkwardPlanDocument()).doc)).toEqual(awkwardPlanDocument());
  });
});

describe('exports of the 2025 plan', async () => {
  const { source } = live();
  const render = (format: Parameters<typeof renderExport>[0], o = options) => renderExport(format, source, o, meta);

  it('names the files after the plan', async () => {
    expect((await render('docx')).fileName).toBe('Verksamhetsplan-2025.docx');
    expect((await render('csv')).fileName).toBe('Verksamhetsplan-2025.csv');
  });

  it('Word: three tables with all 37 actions, Vad once per activity, every Hur, Vem, status and Prio in order', async () => {
    const docx = await readDocx((await render('docx')).body);
    expect(docx.tables.map((t) => t.length - 1)).toEqual([11, 12, 14]);
    seed.plan.directions.forEach((direction, d) => {
      const rows = docx.tables[d].slice(1);
      direction.items.forEach((item, i) => {
        const continuation = i > 0 && direction.items[i - 1].activity === item.activity;
        const [vad, how, who, when, status, priority] = rows[i];
        expect(vad.text).toBe(continuation ? '' : item.activity);
        if (continuation) expect(vad.vMerge).toBe('continue');
        expect([how.text, who.text, when.text, priority.text]).toEqual([item.how, item.who.join(', '), item.when, prio(item.priority)]);
        // The category, or the plan's own status text where it says just that in other case.
        expect(status.text.split('\n')[0].toLowerCase()).toBe(statusLabel(item.status).toLowerCase());
      });
    });
    expect(docx.tables[0][1][0]).toEqual({ text: 'SEKOMS Framtidsagenda' });
    expect(docx.tables[0][11][0]).toEqual({ text: '', vMerge: 'continue' });
    expect(docx.paragraphs).toContain('Handlingsplan för 2025');
  });

  it('PDF: the same rows in the same order', async () => {
    const pdf = squash(await readPdfText((await render('pdf')).body));
    const needles = tableTextInOrder(seed);
    expect(firstOutOfOrder(pdf, ['Version2', 'Verksamhetsstrategi', 'Handlingsplanför2025', ...needles.map(squash)].map(squash))).toBeNull();
    // Once, and once more at the top of the page its last row goes on to, marked as continued.
    expect(pdf.split(squash('Nordamerikanska ekokommunnätverket'))).toHaveLength(3);
    expect(pdf).toContain(squash('Nordamerikanska ekokommunnätverket (forts.)'));
  });

  it('CSV: 37 rows that Swedish Excel reads as they are', async () => {
    const bytes = (await render('csv')).body;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = text(bytes);
    expect(csv.startsWith('\uFEFFInriktning;Vad;Hur;Vem;När/Resurs;Status;Statusnotering;Prio\r\n')).toBe(true);
    const rows = parseCsv(csv.slice(1)).slice(1);
    expect(rows).toHaveLength(37);
    const items = seed.plan.directions.flatMap((d) => d.items.map((item) => ({ direction: d.title, ...item })));
    expect(rows).toEqual(items.map((i) => [i.direction, i.activity, i.how, i.who.join(', '), i.when, statusLabel(i.status), i.statusNote, prio(i.priority)]));
  });

  it('JSON: the plain form', async () => {
    expect(JSON.parse(text((await render('json')).body))).toEqual(seed.plan);
  });

  it('Markdown: a table per direction with every action, Vad once per activity, every Hur, Vem, status and Prio in order', async () => {
    const md = text((await render('md')).body);
    expect(md.match(/^\| Vad \| Hur \| Vem \| När\/Resurs \| Status \| Prio \|$/gm)).toHaveLength(3);
    const tables = parseMarkdownTables(md);
    expect(tables.map((t) => t.length)).toEqual([11, 12, 14]);
    seed.plan.directions.forEach((direction, d) => {
      expect(md).toContain(`### ${direction.title}\n`);
      direction.items.forEach((item, i) => {
        const continuation = i > 0 && direction.items[i - 1].activity === item.activity;
        const [vad, how, who, when, status, priority] = tables[d][i];
        expect([vad, how, who, when, priority]).toEqual([continuation ? '' : item.activity, item.how, item.who.join(', '), item.when, prio(item.priority)]);
        // The category, then the document's own status text in italics when it says more.
        expect(status.split('\n')[0]).toBe(statusLabel(item.status));
      });
    });
    expect(md).toContain('| SEKOMS Framtidsagenda | Fortsätta utvecklingsarbetet att utveckla föreningens medlemsnytta och påverkansförmåga. | Styrelse, Kansli, Tjänstepersonforum, Medlemmar | Hela året | Pågår | 1 |');
  });

  it('text: importing the export gives back the same plan, also for some directions or without notes', async () => {
    expect(parsePlanDocument((await render('txt')).body)).toEqual(seed);
    const some = parsePlanDocument((await render('txt', { ...options, directions: [2] })).body);
    expect(some.plan.directions).toEqual([seed.plan.directions[2]]);
    const lean = parsePlanDocument((await render('txt', { ...options, statusNotes: false })).body);
    expect(lean.plan.directions.flatMap((d) => d.items.map((i) => i.status))).toEqual(seed.plan.directions.flatMap((d) => d.items.map((i) => i.status)));
  });

  it('text: awkward text survives the round trip through a plan document', async () => {
    const awkward = live(awkwardPlanDocument()).source;
    expect(parsePlanDocument((await renderExport('txt', awkward, options, meta)).body)).toEqual(awkwardPlanDocument());
  });
});
