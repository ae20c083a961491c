import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { writePlanDocument } from '../../shared/plan/writePlanDocument';
import { syntheticPlan } from '../fixtures/syntheticPlan';

// Snapshot and export times of our server's own functions on plans of 40, 1,000 and
// 10,000 items, run in a process of its own on the server's core (the runner starts
// it pinned, prints its JSON). Each figure is the median of three repetitions after
// one warm-up (one repetition from 5,000 items on), as a secretariat member clicking "export" twice would see it.
// A function the server does not have (yet) is reported as null ("n/a").

type Timing = { ms: number; bytes: number } | null;
export interface ExportTimes {
  items: number;
  planBytes: number;
  snapshot: Timing;
  docx: Timing;
  pdf: Timing;
  errors: string[];
}

const SIZES = (process.env.BENCH_EXPORT_SIZES ?? '40,1000,10000').split(',').map(Number);
const REPEAT = Number(process.env.BENCH_EXPORT_REPEAT ?? 3);
/** Plans this large take long to render: one warm-up and one measured run. */
const LARGE = 5000;

async function time(run: () => Promise<number> | number, items: number): Promise<Timing> {
  await run();
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < (items >= LARGE ? 1 : REPEAT); i++) {
    const t0 = performance.now();
    bytes = await run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], bytes };
}

async function optional<T>(load: () => Promise<T>, errors: string[]): Promise<T | null> {
  try {
    return await load();
  } catch (err) {
    errors.push((err as Error).message.split('\n')[0]);
    return null;
  }
}

async function measure(items: number): Promise<ExportTimes> {
  const errors: string[] = [];
  const doc = new Y.Doc();
  writePlanDocument(doc, syntheticPlan(items, 12));
  const discussion = new Y.Doc();
  const docs = {
    read: <T>(name: string, read: (d: Y.Doc) => T) => read(name.startsWith('plan/') ? doc : discussion),
    change: () => {
      throw new Error('read only');
    },
  };
  const snapshotModule = await optional(() => import('../../server/meetings/snapshotOfPlan'), errors);
  const exportModule = await optional(() => import('../../server/export/renderExport'), errors);
  const sourceModule = await optional(() => import('../../shared/export/exportSourceFromDoc'), errors);
  const typesModule = await optional(() => import('../../shared/export/types'), errors);
  const snapshot = snapshotModule
    ? await time(() => {
        const s = snapshotModule.snapshotOfPlan(docs, 'bench');
        return s.planState.length + s.plainJson.length;
      }, items)
    : null;
  const render = async (format: 'docx' | 'pdf') => {
    if (!exportModule || !sourceModule || !typesModule) return null;
    return time(async () => {
      // From the live document, as the export route does: read the plan, then render.
      const source = sourceModule.exportSourceFromDoc(doc);
      const out = await exportModule.renderExport(format, source, typesModule.DEFAULT_EXPORT_OPTIONS, { date: new Date() });
      return out.body.length;
    }, items);
  };
  const docx = await optional(() => render('docx'), errors);
  const pdf = await optional(() => render('pdf'), errors);
  return { items, planBytes: Y.encodeStateAsUpdate(doc).length, snapshot, docx, pdf, errors };
}

const results: ExportTimes[] = [];
for (const items of SIZES) results.push(await measure(items));
process.stdout.write(`RESULT ${JSON.stringify(results)}\n`, () => process.exit(0));
