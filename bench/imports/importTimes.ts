import { performance } from 'node:perf_hooks';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { toDocx } from '../../server/export/toDocx';
import { readPlanFile } from '../../server/import/readPlanFile';
import { storedDocs } from '../../server/meetings/storedDocs';
import { PlanImports } from '../../server/plans/PlanImports';
import { openStore } from '../../server/store/openStore';
import { DEFAULT_EXPORT_OPTIONS } from '../../shared/export/types';
import { syntheticPlan } from '../fixtures/syntheticPlan';

// Reading a Word plan and making a plan of it, as "Importera plan" and `planbord plan
// create` do, on synthetic plans written by our own Word export: the file is read
// (zip, XML, tables, rows) and the plan's row and first update stored in SQLite in a
// temporary folder. Run in a process of its own on the server's core; each figure is
// the median of three repetitions after one warm-up.

export interface ImportTimes {
  items: number;
  fileBytes: number;
  readMs: number;
  createMs: number;
  totalMs: number;
}

const SIZES = (process.env.BENCH_IMPORT_SIZES ?? '1000').split(',').map(Number);
const REPEAT = 3;

async function measure(items: number): Promise<ImportTimes> {
  const bytes = await toDocx({ document: syntheticPlan(items, 12) }, DEFAULT_EXPORT_OPTIONS, { date: new Date() });
  const dir = mkdtempSync(join(tmpdir(), 'planbord-bench-import-'));
  const store = openStore(dir);
  const imports = new PlanImports({ meetings: store.meetings, plans: store.plans, docs: storedDocs(store, true), storesOn: (tx) => store.on(tx) });
  const runs: Array<{ read: number; create: number }> = [];
  try {
    for (let k = 0; k <= REPEAT; k++) {
      const t0 = performance.now();
      const result = await readPlanFile(bytes);
      const t1 = performance.now();
      await imports.create({ id: null, name: 'bench' }, result, { year: 2100 + k });
      const t2 = performance.now();
      if (k > 0) runs.push({ read: t1 - t0, create: t2 - t1 });
    }
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
  runs.sort((a, b) => a.read + a.create - (b.read + b.create));
  const median = runs[Math.floor(runs.length / 2)];
  return { items, fileBytes: bytes.length, readMs: median.read, createMs: median.create, totalMs: median.read + median.create };
}

const results: ImportTimes[] = [];
for (const items of SIZES) results.push(await measure(items));
process.stdout.write(`RESULT ${JSON.stringify(results)}\n`, () => process.exit(0));
