import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPlanFile } from '../../server/import/readPlanFile';
import { toCsv } from '../../shared/export/toCsv';
import { DEFAULT_EXPORT_OPTIONS } from '../../shared/export/types';
import { parsePlanDocument } from '../../shared/import/parsePlanDocument';
import type { PlainDirection, PlanDocument } from '../../shared/plan/types';
import { wordPlan } from '../helpers/awkwardPlans';

const seed = parsePlanDocument(readFileSync(new URL('../../seed/verksamhetsplan-2025.txt', import.meta.url)));
const csv = (document: PlanDocument) => toCsv({ document }, DEFAULT_EXPORT_OPTIONS, { date: new Date('2026-01-01') });
const bytes = (text: string) => new TextEncoder().encode(text);

// What a CSV file holds of a plan: directions with their actions, Hur as plain text.
const actions = (doc: PlanDocument): PlainDirection[] =>
  doc.plan.directions.map((d) => ({ title: d.title, items: d.items.map(({ howRich: _rich, ...item }) => item) }));

/** Parses our own CSV back into records, to save it again as a spreadsheet program would. */
function records(text: string): string[][] {
  const out: string[][] = [[]];
  let field = '';
  let quoted = false;
  for (let k = 0; k < text.length; k++) {
    const c = text[k];
    if (quoted && c === '"' && text[k + 1] === '"') (field += '"'), k++;
    else if (c === '"') quoted = !quoted;
    else if (!quoted && c === ';') out[out.length - 1].push(field), (field = '');
    else if (!quoted && c === '\r' && text[k + 1] === '\n') out[out.length - 1].push(field), (field = ''), out.push([]), k++;
    else field += c;
  }
  return out.filter((r) => r.length > 0);
}

const excel = (rows: string[][], separator: string) =>
  rows.map((r) => r.map((f) => (f.includes(separator) || /["\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(separator)).join('\r\n') + '\r\n';

// Windows-1252 as Excel saves it in Sweden: Latin-1 with typographic quotes and dashes where it has them.
const CP1252: Record<string, number> = { '\u201d': 0x94, '\u201c': 0x93, '\u2013': 0x96, '\u2019': 0x92, '\u2014': 0x97 };
const windows1252 = (text: string) => Uint8Array.from([...text].map((c) => CP1252[c] ?? (c.charCodeAt(0) < 256 ? c.charCodeAt(0) : 0x3f)));

describe('reading the action plan from CSV', () => {
  it('reads back the CSV Planbord exports of the 2025 plan: every direction and action as it was', async () => {
    const read = await readPlanFile(bytes(csv(seed)));
    expect(read.format).toBe('csv');
    expect(read.document.plan.directions).toEqual(actions(seed));
    expect(read.document.plan).toMatchObject({ title: '', year: 0 });
    expect(read.warnings).toEqual([{ code: 'NO_TITLE', where: null, params: {} }]);
    expect(read.itemWhere[0][0]).toEqual({ line: 2 });
  });

  it('reads back the CSV of 120 generated plans full of awkward text', { timeout: 120_000 }, async () => {
    for (let n = 1; n <= 120; n++) {
      const doc = wordPlan(n);
      // A CSV file names each row's direction, so it has no empty direction, no two in a row of one
      // name, and no activity without a name (an empty Vad continues the one above, as in the text).
      doc.plan.directions = doc.plan.directions
        .filter((d) => d.items.length && d.title.trim() === d.title)
        .filter((d, k, kept) => d.title !== kept[k - 1]?.title);
      for (const d of doc.plan.directions) for (const item of d.items) if (item.activity.trim() === '') item.activity = 'x';
      if (!doc.plan.directions.length) continue;
      const read = await readPlanFile(bytes(csv(doc))).catch((e: Error) => e);
      expect(read instanceof Error ? read : read.document.plan.directions, `plan ${n}`).toEqual(actions(doc));
    }
  });

  it('reads the same table saved from Excel: semicolons or commas, with or without the mark, UTF-8 or Windows-1252', async () => {
    const rows = records(csv(seed).replace(/^\uFEFF/, ''));
    const want = actions(seed);
    for (const separator of [';', ',']) {
      const text = excel(rows, separator);
      for (const file of [bytes(text), bytes(`\uFEFF${text}`), windows1252(text)]) {
        expect((await readPlanFile(file)).document.plan.directions).toEqual(want);
      }
    }
  });

  it('reads a table a person made in a spreadsheet: no direction column, columns in another order, the status as free text, an empty Vad continuing', async () => {
    const text = 'Vem;Vad;Hur;Prio;Status\r\nStyrelsen, Kansli;Höstkongress;Digital kongress;1;planeras\r\n;;Halvdag;;\r\n';
    const read = await readPlanFile(bytes(text));
    expect(read.document.plan.directions).toEqual([
      {
        title: 'Handlingsplan',
        items: [
          { activity: 'Höstkongress', how: 'Digital kongress', who: ['Styrelse', 'Kansli'], when: '', status: 'planned', statusNote: 'planeras', priority: 1 },
          { activity: 'Höstkongress', how: 'Halvdag', who: [], when: '', status: 'not_started', statusNote: '', priority: null },
        ],
      },
    ]);
  });
});
