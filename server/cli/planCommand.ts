import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { ImportError } from '../../shared/import/ImportError';
import { importWarningText, whereIn } from '../../shared/import/importTexts';
import type { ImportResult } from '../../shared/import/ImportResult';
import { listItems } from '../../shared/plan/schema';
import { readConfig } from '../config';
import { RedisFanout } from '../fanout/RedisFanout';
import { readPlanFile } from '../import/readPlanFile';
import { createMemoryLogger } from '../logger';
import { MeetingError } from '../meetings/MeetingError';
import { storedDocs, type AnnounceStored, type StoredDocs } from '../meetings/storedDocs';
import { PlanImports } from '../plans/PlanImports';
import { openInstallationStore } from '../store/openStore';
import { redactUrl } from '../store/sql/openPostgres';
import type { PlanRecord } from '../store/PlanStore';
import { discussionDocName, planDocName } from '../sync/docName';
import type { Command, CommandIo } from './Command';
import { readInputFile } from './readInputFile';

const USAGE = `usage:
  planbord plan list [--json]
  planbord plan create --from FILE [--year Y] [--title T] [--version V] [--meeting-text TEXT] [--json]
  planbord plan replace ID --from FILE [--json]
  FILE is a Word document (.docx), the plan text format or a CSV table. A new plan takes
  the year, title, version and annual-meeting text of the file unless given; a year
  that already has a plan is refused. Replacing stores a snapshot "före import" first,
  and a running server sends the change to everyone on the plan at once (on PostgreSQL
  through Redis: give the servers' REDIS_URL).`;

// The command line acts as the operator: no person, named so in the snapshot it stores.
const OPERATOR = { id: null, name: 'Kommandoraden' };

async function summary(docs: StoredDocs, plan: PlanRecord) {
  await docs.readFirst(planDocName(plan.id));
  return { id: plan.id, title: plan.title, year: plan.year, items: docs.read(planDocName(plan.id), (doc) => listItems(doc).length) };
}

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
    const config = readConfig(env);
    if (action === 'replace' && config.databaseUrl && !config.redisUrl) {
      // Without Redis the running processes would not hear of the new row, and their people would go on without it.
      io.err(
        'planbord plan replace: on PostgreSQL the running servers hear of the new content through Redis. Give the servers’ REDIS_URL, or replace the plan in the app (Importera).',
      );
      return 2;
    }
    const store = await openInstallationStore(config.databaseUrl, config.dataDir);
    let fanout: RedisFanout | null = null;
    try {
      // Only a replaced plan may be open somewhere; a new one is read from the database when first opened.
      if (config.redisUrl && action === 'replace') {
        fanout = await connectFanout(config.redisUrl).catch((err: Error) => {
          io.err(`planbord plan: cannot reach Redis at ${redactUrl(config.redisUrl!)}: ${err.message}`);
          return null;
        });
        if (!fanout) return 1;
      }
      const announce: AnnounceStored | undefined = fanout ? (docName, seq, update) => fanout!.publishUpdates(docName, seq, seq, [update]) : undefined;
      if (action === 'list') {
        const docs = storedDocs(store);
        const plans = [];
        for (const plan of await store.plans.list()) plans.push(await summary(docs, plan));
        if (json) io.out(JSON.stringify(plans, null, 2));
        else for (const p of plans) io.out(`${p.id}\t${p.year}\t${p.items} items\t${p.title}`);
        return 0;
      }
      const docs = storedDocs(store, true, Date.now, announce);
      const imports = new PlanImports({ meetings: store.meetings, plans: store.plans, docs, storesOn: (tx) => store.on(tx) });
      sayWarnings(result!, io);
      if (action === 'create') {
        const fields = { year: values.year === undefined ? undefined : Number(values.year), title: values.title, version: values.version, meetingText: values['meeting-text'] };
        const plan = await summary(docs, await imports.create(OPERATOR, result!, fields));
        io.out(json ? JSON.stringify(plan, null, 2) : `Made plan ${plan.id}: ${plan.title}, ${plan.items} items.`);
        return 0;
      }
      await docs.readFirst(discussionDocName(rest[0]));
      const { before, plan } = await imports.replace(OPERATOR, rest[0], result!, basename(values.from!));
      const replaced = { ...(await summary(docs, plan)), snapshotBefore: before.id };
      io.out(json ? JSON.stringify(replaced, null, 2) : `Replaced the content of plan ${plan.id} (${replaced.items} items); the plan as it was is snapshot ${before.id}.`);
      return 0;
    } catch (err) {
      if (err instanceof MeetingError) {
        io.err(`planbord plan: ${err.message}`);
        return err.code === 'INVALID_INPUT' ? 2 : 1;
      }
      throw err;
    } finally {
      await fanout?.close();
      await store.close();
    }
  },
};

/** Redis as the servers use it, to tell them of a plan replaced here. */
async function connectFanout(url: string): Promise<RedisFanout> {
  const fanout = new RedisFanout(url, createMemoryLogger());
  try {
    await fanout.start();
    return fanout;
  } catch (err) {
    await fanout.close();
    throw err;
  }
}
