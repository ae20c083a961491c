import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { listItems } from '../shared/plan/schema';
import { syntheticPlanState } from './fixtures/syntheticPlan';
import type { BenchPlan } from './servers';

// The plans of one run, built once so every server gets byte-identical documents:
// a plan of 120 items for fan-out (so that each of up to 50 writers changes a card of
// its own: two clients that write the same field at the same moment are a conflict
// Yjs resolves by dropping one value, which a reader would rightly never see), and two
// plans of 1,000 items for the join storm, ~0.4 MB and ~1.9 MB as the peers' baseline
// measured them.

export const PLAN_IDS = { fanout: 'bench', small1000: 'bench-1000', large1000: 'bench-1000-large' } as const;
const FANOUT_ITEMS = 120;
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

export function benchPlans(): { fanout: BenchPlan; small1000: BenchPlan; large1000: BenchPlan; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'planbord-bench-plans-'));
  return {
    dir,
    fanout: toPlan(dir, PLAN_IDS.fanout, syntheticPlanState(FANOUT_ITEMS)),
    small1000: toPlan(dir, PLAN_IDS.small1000, syntheticPlanState(1000, HOW_WORDS.small)),
    large1000: toPlan(dir, PLAN_IDS.large1000, syntheticPlanState(1000, HOW_WORDS.large)),
  };
}
