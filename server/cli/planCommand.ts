import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { ImportError } from '../../shared/import/ImportError';
import { importWarningText, whereIn } from '../../shared/import/importTexts';
import type { ImportResult } from '../../shared/import/ImportResult';
import { listItems } from '../../shared/plan/schema';
import { readConfig } from '../config';
import { readPlanFile } from '../import/readPlanFile';
import { MeetingError } from '../meetings/MeetingError';
import { storedDocs } from '../meetings/storedDocs';
import { PlanImports } from '../plans/PlanImports';
import { openStore, type Store } from '../store/openStore';
import type { PlanRecord } from '../store/PlanStore';
import { planDocName } from '../sync/docName';
import type { Command, CommandIo } from './Command';
import { readInputFile } from './readInputFile';

const USAGE = `usage:
  planbord plan list [--json]
  planbord plan create --from FILE [--year Y] [--title T] [--version V] [--meeting-text TEXT] [--json]
  planbord plan replace ID --from FILE [--json]
  FILE is a Word document (.docx), the plan text format or a CSV table. A new plan takes
  the year, title, version and annual-meeting text of the file unless given; a year
  that already has a plan is refused. Replacing stores a snapshot "före import" first,
  and a running server sends the change to everyone on the plan at once.`;

// The command line acts as the operator: no person, named so in the snapshot it stores.
const OPERATOR = { id: null, name: 'Kommandoraden' };

const summary = (store: Store, plan: PlanRecord) => ({
  id: plan.id,
  title: plan.title,
  year: plan.year,
  items: storedDocs(store).read(planDocName(plan.id), (doc) => listItems(doc).length),
});

function sayWarnings(result: ImportResult, io: CommandIo) {
  for (const w of result.warnings) io.err(`warning: ${w.where ? `${whereIn('en', w.where)}: ` : ''}${importWarningText('en', w)}`);
}

export const planCommand: Command = {
  name: 'plan',
  summary: 'list the plans, make a new plan from a Word, text or CSV file, or replace a plan’s content with one',
  usage: USAGE,
  async run(args, env, io) {
    let parsed;
    try {
      parsed = parseArgs({
        args,
        allowPositionals: true,
        options: {
          json: { type: 'boolean' },
          from: { type: 'string' },
          year: { type: 'string' },
          title: { type: 'string' },
          version: { type: 'string' },
          'meeting-text': { type: 'string' },
        },
      });
    } catch (err) {
      io.err(`planbord plan: ${(err as Error).message}\n${USAGE}`);
      return 2;
    }
    const [action, ...rest] = parsed.positionals;
    const { values } = parsed;
    const json = values.json === true;
    const shape = action === 'list' ? rest.length === 0 : action === 'create' ? rest.length === 0 && !!values.from : action === 'replace' ? rest.length === 1 && !!values.from : false;
    if (!shape || (values.year !== undefined && !/^\d{4}$/.test(values.year))) {
      io.err(`planbord plan: ${action ? `cannot use "${args.join(' ')}"` : 'list, create or replace?'}\n${USAGE}`);
      return 2;
    }
    let result: ImportResult | null = null;
    if (values.from) {
      const bytes = readInputFile('plan', values.from, env, io);
      if (!bytes) return 2;
      try {
        result = await readPlanFile(bytes);
      } catch (err) {
        if (!(err instanceof ImportError)) throw err;
        io.err(err.message);
        return 1;
      }
    }
    const store = openStore(readConfig(env).dataDir);
    try {
      if (action === 'list') {
        const plans = (await store.plans.list()).map((p) => summary(store, p));
        if (json) io.out(JSON.stringify(plans, null, 2));
        else for (const p of plans) io.out(`${p.id}\t${p.year}\t${p.items} items\t${p.title}`);
        return 0;
      }
      const imports = new PlanImports({ meetings: store.meetings, plans: store.plans, docs: storedDocs(store, true), storesOn: (tx) => store.on(tx) });
      sayWarnings(result!, io);
      if (action === 'create') {
        const fields = { year: values.year === undefined ? undefined : Number(values.year), title: values.title, version: values.version, meetingText: values['meeting-text'] };
        const plan = summary(store, await imports.create(OPERATOR, result!, fields));
        io.out(json ? JSON.stringify(plan, null, 2) : `Made plan ${plan.id}: ${plan.title}, ${plan.items} items.`);
        return 0;
      }
      const { before, plan } = await imports.replace(OPERATOR, rest[0], result!, basename(values.from!));
      const replaced = { ...summary(store, plan), snapshotBefore: before.id };
      io.out(json ? JSON.stringify(replaced, null, 2) : `Replaced the content of plan ${plan.id} (${replaced.items} items); the plan as it was is snapshot ${before.id}.`);
      return 0;
    } catch (err) {
      if (err instanceof MeetingError) {
        io.err(`planbord plan: ${err.message}`);
        return err.code === 'INVALID_INPUT' ? 2 : 1;
      }
      throw err;
    } finally {
      await store.close();
    }
  },
};
