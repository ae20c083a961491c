import { readFileSync } from 'node:fs';
import * as Y from 'yjs';
import { writePlanDocument } from '../shared/plan/writePlanDocument';
import type { PlanDocument } from '../shared/plan/types';
import { PATHS } from './config';
import { appendRows } from './store/appendRows';
import type { ServerStore } from './store/openStore';
import type { PlanRecord } from './store/PlanStore';
import { planDocName } from './sync/docName';

/** Where the first plan comes from: the shipped document, or one a test builds. */
export type SeedSource = () => PlanDocument | Promise<PlanDocument>;

/** The plan document shipped in seed/, parsed by the importer. */
export const shippedSeedPlan: SeedSource = async () => {
  // Loaded on first start only; later starts never parse the document.
  const { parsePlanDocument } = await import('../shared/import/parsePlanDocument');
  return parsePlanDocument(readFileSync(PATHS.seedPlan));
};

/**
 * On a database without plans, imports the first plan: its row in `plans` and its whole
 * document as the first update row of "plan/<year>", in one transaction, so a failed
 * start leaves an empty database that the next start seeds again.
 */
export async function seedFirstPlan(store: ServerStore, source: SeedSource): Promise<PlanRecord | null> {
  if ((await store.plans.list()).length > 0) return null;
  const document = await source();
  const doc = new Y.Doc();
  writePlanDocument(doc, document);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  const id = String(document.plan.year);
  return store.transaction(async (tx) => {
    // Processes starting together on one empty PostgreSQL database seed it once.
    await tx.sql.lock('first plan');
    if ((await tx.plans.list()).length > 0) return null;
    const plan = await tx.plans.create({ id, title: document.plan.title, year: document.plan.year });
    await appendRows(tx.sql, planDocName(id), [{ update, userId: null }], Date.now());
    return plan;
  });
}
