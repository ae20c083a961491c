import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { syntheticPlan } from '../../bench/fixtures/syntheticPlan';
import { toDocx } from '../../server/export/toDocx';
import { readPlanFile } from '../../server/import/readPlanFile';
import { DEFAULT_EXPORT_OPTIONS } from '../../shared/export/types';
import { parsePlanDocument } from '../../shared/import/parsePlanDocument';
import { statusNamedBy } from '../../shared/import/statuses';
import type { PlanDocument } from '../../shared/plan/types';
import { wordPlan } from '../helpers/awkwardPlans';

const seed = parsePlanDocument(readFileSync(new URL('../../seed/verksamhetsplan-2025.txt', import.meta.url)));
const exported = (document: PlanDocument) => toDocx({ document }, DEFAULT_EXPORT_OPTIONS, { date: new Date('2026-03-01T10:00:00Z') });

/**
 * The plan as the document prints it: a status note that names another status than the
 * item's ("Pågår" on an item in Klart) is left out, since the document must not
 * contradict itself, so it reads back empty.
 */
function withoutContradictingNotes(doc: PlanDocument): PlanDocument {
  const items = doc.plan.directions.flatMap((d) => d.items);
  const dropped = items.filter((i) => statusNamedBy(i.statusNote) !== null && statusNamedBy(i.statusNote) !== i.status);
  if (dropped.length === 0) return doc;
  return {
    ...doc,
    plan: {
      ...doc.plan,
      directions: doc.plan.directions.map((d) => ({ ...d, items: d.items.map((i) => (dropped.includes(i) ? { ...i, statusNote: '' } : i)) })),
    },
  };
}

describe('the Word export read back', () => {
  it('is the 2025 plan exactly, with no warnings', async () => {
    const read = await readPlanFile(await exported(seed));
    expect(read.format).toBe('docx');
    expect(read.document).toEqual(seed);
    expect(read.warnings).toEqual([]);
  });

  it('is each of 120 generated plans full of awkward text and rich Hur exactly', { timeout: 120_000 }, async () => {
    let rich = 0;
    for (let n = 1; n <= 120; n++) {
      const doc = wordPlan(n);
      rich += doc.plan.directions.flatMap((d) => d.items).filter((i) => i.howRich).length;
      const read = await readPlanFile(await exported(doc)).catch((err: Error) => err);
      expect(read instanceof Error ? read : read.document, `plan ${n}`).toEqual(withoutContradictingNotes(doc));
    }
    expect(rich).toBeGreaterThan(50);
  });

  it('keeps a strategy that opens with its own section heading, as a plan edited on the board may', async () => {
    const doc = syntheticPlan(30);
    expect(doc.strategy[0]).toMatchObject({ type: 'heading', runs: [{ text: 'Verksamhetsstrategi' }] });
    expect((await readPlanFile(await exported(doc))).document).toEqual(doc);
  });
});
