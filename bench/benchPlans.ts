import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { shippedSeedPlan } from '../server/seedFirstPlan';
import { listItems } from '../shared/plan/schema';
import { writePlanDocument } from '../shared/plan/writePlanDocument';
import { syntheticPlanState } from './fixtures/syntheticPlan';
import type { BenchPlan } from './servers';

// The plans of one run, built once so every server gets byte-identical documents:
// the real 2025 plan (for fan-out) and two plans of 1,000 items (for the join storm),
// ~0.4 MB and ~1.9 MB as the peers' baseline measured them.

export const PLAN_IDS = { real: 'bench', small1000: 'bench-1000', large1000: 'bench-1000-large' } as const;
/** Words of Hur per item that give the two sizes of the baseline. */
const HOW_WORDS = { small: 2, large: 150 };

function countItems(state: Uint8Array): number {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const n = listItems(doc).length;
  doc.destroy();
  return n;
}

function toPlan(dir: string, id: string, state: Uint8Array): BenchPlan {
  const file = join(dir, `${id}.bin`);
  writeFileSync(file, state);
  return { id, items: countItems(state), state, file };
}

export async function benchPlans(): Promise<{ real: BenchPlan; small1000: BenchPlan; large1000: BenchPlan; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'planbord-bench-plans-'));
  const doc = new Y.Doc();
  writePlanDocument(doc, await shippedSeedPlan());
  const real = toPlan(dir, PLAN_IDS.real, Y.encodeStateAsUpdate(doc));
  doc.destroy();
  return {
    dir,
    real,
    small1000: toPlan(dir, PLAN_IDS.small1000, syntheticPlanState(1000, HOW_WORDS.small)),
    large1000: toPlan(dir, PLAN_IDS.large1000, syntheticPlanState(1000, HOW_WORDS.large)),
  };
}
